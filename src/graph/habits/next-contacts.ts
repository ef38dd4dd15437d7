/**
 * Next Contact (the networking habit's first list): whom to get in touch with
 * over the coming weeks, from the keep-in-touch cadence and dated follow-ups.
 * Among people due the same day, those on more of the owner's paths to
 * introduction targets come first: keeping them warm keeps those paths warm.
 */
import { badInput } from "../../errors.js";
import { nameKey } from "../model/fields.js";
import { listAll } from "../store/list-all.js";
import type { NetworkStore } from "../store/network-store.js";
import { findIntroPaths } from "../paths/find-paths.js";
import type { CadenceRule } from "./cadence-rules.js";
import { followUpDueOn } from "./follow-ups.js";
import { schedule } from "./keep-in-touch.js";
import { addDays, calendarDay } from "./calendar-days.js";

/** One person to contact, and why. */
export interface NextContact {
  personId: string;
  due: string;
  reason: string;
  followUpId: string | null;
  pathsThrough: number;
  overdue: boolean;
}

/** The default window (about a month, as the habit says), its upper bound, and how many paths per target count. */
export const NEXT_CONTACTS_DEFAULTS = Object.freeze({
  withinDays: 30,
  maxWithinDays: 366,
  pathsPerTarget: 3,
});

/** Introduction requests still in play; declined and met ones no longer need a warm path. */
const SETTLED = new Set(["declined", "met"]);

const cadenceReason = (rule: CadenceRule): string =>
  `keep in touch every ${rule.idealDays} days (${rule.category === null ? "personal cadence" : rule.category.replace(/_/g, " ")})`;

/** How many of the owner's paths to open introduction targets pass through each intermediary. */
async function pathsThroughPeople(
  store: NetworkStore,
  ownerId: string,
): Promise<Map<string, number>> {
  const requests = await listAll(store, ownerId, "introRequest");
  const targets = [
    ...new Set(requests.filter((r) => !SETTLED.has(r.status)).map((r) => r.targetId)),
  ];
  const counts = new Map<string, number>();
  for (const personId of targets) {
    const { paths } = await findIntroPaths(
      store,
      ownerId,
      { personId },
      { k: NEXT_CONTACTS_DEFAULTS.pathsPerTarget },
    );
    for (const path of paths) {
      for (const id of path.people.slice(1, -1)) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts;
}

function checkWithinDays(value: number | undefined): number {
  const within = value ?? NEXT_CONTACTS_DEFAULTS.withinDays;
  if (!Number.isInteger(within) || within < 0 || within > NEXT_CONTACTS_DEFAULTS.maxWithinDays) {
    throw badInput(
      "withinDays",
      `must be a whole number of days from 0 to ${NEXT_CONTACTS_DEFAULTS.maxWithinDays}`,
    );
  }
  return within;
}

/**
 * Next Contact: people due within `withinDays` (cadence, or an open/snoozed-and-woken
 * next_contact follow-up due in the window; overdue ones included), ordered by due
 * date, then by how many of the owner's target paths pass through them (targets =
 * targets of intro requests not declined or met; paths = findIntroPaths k=3 to each),
 * then name. One entry per person+reason; a dated follow-up and a cadence entry for
 * the same person may both appear.
 */
export async function nextContacts(
  store: NetworkStore,
  ownerId: string,
  options: { withinDays?: number; now?: Date } = {},
): Promise<NextContact[]> {
  const withinDays = checkWithinDays(options.withinDays);
  const now = options.now ?? new Date();
  const today = calendarDay(now);
  const until = addDays(today, withinDays);
  const [scheduled, followUps] = await Promise.all([
    schedule(store, ownerId, { now }),
    listAll(store, ownerId, "followUp", { list: "next_contact" }),
  ]);

  const names = new Map<string, string>();
  const entries = new Map<string, Omit<NextContact, "pathsThrough">>();
  const add = (entry: Omit<NextContact, "pathsThrough">): void => {
    const key = `${entry.personId}\u0000${entry.reason}`;
    const seen = entries.get(key);
    if (seen === undefined || entry.due < seen.due) entries.set(key, entry);
  };
  for (const s of scheduled) {
    if (s.due > until) continue;
    names.set(s.personId, s.person.name);
    add({
      personId: s.personId,
      due: s.due,
      reason: cadenceReason(s.cadence),
      followUpId: null,
      overdue: s.due < today,
    });
  }
  for (const f of followUps) {
    const due = followUpDueOn(f, today);
    if (due === null || due > until) continue;
    add({
      personId: f.personId,
      due,
      reason: f.reason ?? "follow up",
      followUpId: f.id,
      overdue: due < today,
    });
  }
  if (entries.size === 0) return [];

  const missing = [...new Set([...entries.values()].map((e) => e.personId))].filter(
    (id) => !names.has(id),
  );
  (await store.getMany(ownerId, "person", missing)).forEach((p) => p && names.set(p.id, p.name));
  const through = await pathsThroughPeople(store, ownerId);
  const nameOf = (id: string): string => nameKey(names.get(id) ?? "");

  return [...entries.values()]
    .map((e) => ({ ...e, pathsThrough: through.get(e.personId) ?? 0 }))
    .sort(
      (a, b) =>
        (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
        b.pathsThrough - a.pathsThrough ||
        nameOf(a.personId).localeCompare(nameOf(b.personId)) ||
        a.personId.localeCompare(b.personId) ||
        a.reason.localeCompare(b.reason),
    );
}
