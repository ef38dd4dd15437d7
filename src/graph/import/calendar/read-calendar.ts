/**
 * The meetings in an iCalendar file, with ical.js: each event's occurrences
 * (RRULE, with EXDATE removed and RECURRENCE-ID overrides applied) that count
 * by the rules, and each skipped event with its reason. Cancelled events and
 * occurrences, and ones the user declined, count nothing; events with more
 * than `maxAttendees` people are skipped; a series counts at most once a week
 * and 12 times (series-cap.ts); occurrences after `now` have not happened.
 * The file's own time zones (VTIMEZONE) are used for its local times.
 */
import type ICAL from "ical.js";
import { badInput } from "../../../errors.js";
import type { MailAddress } from "../mail/mail-address.js";
import type { OwnAddresses } from "../mail/own-addresses.js";
import { oneLine } from "../mail/mail-text.js";
import { eventParticipants } from "./event-participants.js";
import { capSeries } from "./series-cap.js";

export type EventSkipReason =
  "cancelled" | "declined" | "too_many_attendees" | "no_one_else" | "not_yet";

export const EVENT_SKIP_REASONS: readonly EventSkipReason[] = [
  "cancelled",
  "declined",
  "too_many_attendees",
  "no_one_else",
  "not_yet",
];

export interface Meeting {
  uid: string;
  /** The occurrence's id: its original start (RECURRENCE-ID), ISO. */
  occurrence: string;
  /** When it took place, ISO (a moved occurrence's new start). */
  at: string;
  summary: string | null;
  others: MailAddress[];
}

export type EventOutcome =
  { counted: true; meetings: Meeting[] } | { counted: false; reason: EventSkipReason };

export const MAX_ATTENDEES = 20;
/** A series is walked at most this far (some 40 years of weekly meetings). */
const MAX_WALK = 2_000;

export interface CalendarRules {
  own: OwnAddresses;
  now: Date;
  maxAttendees?: number;
}

type IcalModule = typeof ICAL;

function parse(ical: IcalModule, text: string): ICAL.Component {
  try {
    const component = new ical.Component(ical.parse(text));
    if (component.name !== "vcalendar")
      throw new Error(`it holds a ${component.name.toUpperCase()}`);
    return component;
  } catch (error) {
    throw badInput("file", `this is not an iCalendar (.ics) file: ${(error as Error).message}`);
  }
}

const status = (c: ICAL.Component) => String(c.getFirstPropertyValue("status") ?? "").toUpperCase();

/** Every event of the calendar text with its outcome, in file order of their first component. */
export async function* readCalendar(
  text: string,
  rules: CalendarRules,
): AsyncGenerator<EventOutcome> {
  // Loaded here, not at the top: every command imports src/graph, few read calendars.
  const ical = (await import("ical.js")).default;
  const calendar = parse(ical, text);
  for (const zone of calendar.getAllSubcomponents("vtimezone"))
    ical.TimezoneService.register(new ical.Timezone(zone));
  const events = calendar.getAllSubcomponents("vevent");
  const masters = new Map<string, ICAL.Event>();
  const orphans: ICAL.Component[] = [];
  for (const component of events) {
    if (component.hasProperty("recurrence-id")) continue;
    const event = new ical.Event(component);
    // An event without a UID (rare, and invalid) is known by its start and summary instead.
    if (!event.uid) event.uid = `no-uid:${event.startDate?.toString()}:${event.summary ?? ""}`;
    masters.set(event.uid, event);
  }
  for (const component of events) {
    if (!component.hasProperty("recurrence-id")) continue;
    const master = masters.get(String(component.getFirstPropertyValue("uid")));
    if (master === undefined) orphans.push(component);
    else master.relateException(component);
  }
  for (const event of masters.values()) yield outcomeOf(event, rules);
  for (const component of orphans) yield outcomeOf(new ical.Event(component), rules);
}

function outcomeOf(event: ICAL.Event, rules: CalendarRules): EventOutcome {
  if (status(event.component) === "CANCELLED") return { counted: false, reason: "cancelled" };
  const now = rules.now.getTime();
  const max = rules.maxAttendees ?? MAX_ATTENDEES;
  const occurrences: { start: number; item: ICAL.Event; id: string }[] = [];
  if (event.isRecurring()) {
    const walk = event.iterator();
    for (let i = 0, next = walk.next(); next && i < MAX_WALK; i++, next = walk.next()) {
      const details = event.getOccurrenceDetails(next);
      occurrences.push({
        start: details.startDate.toJSDate().getTime(),
        item: details.item,
        id: details.recurrenceId.toJSDate().toISOString(),
      });
    }
    occurrences.sort((a, b) => a.start - b.start);
  } else {
    const start = event.startDate.toJSDate();
    const id = event.recurrenceId?.toJSDate() ?? start;
    occurrences.push({ start: start.getTime(), item: event, id: id.toISOString() });
  }
  // The event's own rules first: they decide its outcome when no occurrence counts.
  const main = eventParticipants(event.component, rules.own);
  if (main.invited > max) return { counted: false, reason: "too_many_attendees" };
  let reason: EventSkipReason = main.userDeclined
    ? "declined"
    : main.others.length === 0
      ? "no_one_else"
      : "not_yet";
  const eligible = occurrences.filter((o) => {
    if (o.item !== event && status(o.item.component) === "CANCELLED") return false;
    const people = o.item === event ? main : eventParticipants(o.item.component, rules.own);
    return !people.userDeclined && people.others.length > 0 && people.invited <= max;
  });
  const meetings = capSeries(eligible, now).map((o): Meeting => {
    const people = o.item === event ? main : eventParticipants(o.item.component, rules.own);
    return {
      uid: event.uid,
      occurrence: o.id,
      at: new Date(o.start).toISOString(),
      summary: oneLine(o.item.summary),
      others: people.others,
    };
  });
  if (meetings.length > 0) return { counted: true, meetings };
  if (eligible.length === 0 && occurrences.length > 0 && reason === "not_yet") reason = "cancelled";
  return { counted: false, reason };
}
