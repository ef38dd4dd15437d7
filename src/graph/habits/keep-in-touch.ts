/**
 * Keep-in-touch schedule (the Dex/Monica rule): the next contact is due the
 * last contact plus the ideal gap, so logging any interaction moves it; past
 * the maximum gap the person is losing touch.
 */
import { nameKey } from "../model/fields.js";
import type { Person } from "../model/person.js";
import { listAll } from "../store/list-all.js";
import type { NetworkStore } from "../store/network-store.js";
import { cadenceFor, cadenceMap, type CadenceRule } from "./cadence-rules.js";
import { lastContacts } from "./last-contacts.js";
import { addDays, calendarDay, daysBetween } from "./calendar-days.js";

/** One scheduled person: when they were last contacted, and when they are due. */
export interface KeepInTouch {
  personId: string;
  lastContact: string | null;
  /** YYYY-MM-DD */
  due: string;
  /** Negative when overdue. */
  daysUntilDue: number;
  pastMaxGap: boolean;
  cadence: CadenceRule;
}

/** A scheduled person with what the lists built on this one need to sort and explain. */
export interface ScheduledPerson extends KeepInTouch {
  person: Person;
  /** Days since the last contact, or since the person was added when never contacted. */
  daysSince: number;
}

/** The schedule with the person records kept, for the lists that sort by name. */
export async function schedule(
  store: NetworkStore,
  ownerId: string,
  options: { now?: Date } = {},
): Promise<ScheduledPerson[]> {
  const today = calendarDay(options.now ?? new Date());
  const [people, byCategory, contacts] = await Promise.all([
    listAll(store, ownerId, "person"),
    cadenceMap(store, ownerId),
    lastContacts(store, ownerId),
  ]);
  const out: ScheduledPerson[] = [];
  for (const person of people) {
    if (person.isSelf) continue;
    const cadence = cadenceFor(person, byCategory);
    if (cadence === null) continue;
    const lastContact = contacts.get(person.id) ?? null;
    const from = calendarDay(lastContact ?? person.createdAt);
    const due = addDays(from, cadence.idealDays);
    const daysSince = daysBetween(from, today);
    out.push({
      personId: person.id,
      lastContact,
      due,
      daysUntilDue: daysBetween(today, due),
      pastMaxGap: daysSince > cadence.maxDays,
      cadence,
      person,
      daysSince,
    });
  }
  return out.sort((a, b) =>
    a.due < b.due
      ? -1
      : a.due > b.due
        ? 1
        : nameKey(a.person.name).localeCompare(nameKey(b.person.name)) ||
          a.personId.localeCompare(b.personId),
  );
}

/**
 * Everyone on a cadence with their next due date: last contact + ideal gap (never
 * contacted: the day they were added + ideal gap), soonest first. Logging any interaction moves it.
 */
export async function keepInTouch(
  store: NetworkStore,
  ownerId: string,
  options: { now?: Date } = {},
): Promise<KeepInTouch[]> {
  return (await schedule(store, ownerId, options)).map(
    ({ person: _p, daysSince: _d, ...entry }) => entry,
  );
}
