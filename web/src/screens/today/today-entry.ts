/**
 * One entry of the Today lists in the shape the screen shows: who, why, since when, and what
 * can be done about it. Next Contact, Immediate Follow-up and Losing touch each say "why" and
 * "when" differently; the actions are the same, except that only a dated follow-up can be
 * snoozed or marked done (a cadence is reset by logging a contact).
 */
import { addDays, dayCount, daysBetween, dayWords, todayDay } from "./today-dates";
import type {
  EntryPerson,
  ImmediateEntry,
  LosingTouchEntry,
  NextContactEntry,
} from "./today.documents";

export type ListName = "next" | "immediate" | "losing";

export interface TodayEntry {
  key: string;
  list: ListName;
  person: EntryPerson;
  why: string;
  /** Since when, or until when, in words. */
  when: string;
  /** The machine-readable day of `when`, for <time>. */
  whenDay: string;
  urgent: boolean;
  /** The follow-up that can be snoozed or marked done, if this entry is one. */
  followUpId: string | null;
}

export function nextContactEntry(e: NextContactEntry, today = todayDay()): TodayEntry {
  const days = daysBetween(today, e.due);
  const when = e.overdue
    ? `Due since ${dayWords(e.due)} (${dayCount(-days)} overdue)`
    : days === 0
      ? `Due today`
      : `Due ${dayWords(e.due)} (in ${dayCount(days)})`;
  const why =
    e.pathsThrough > 0
      ? `${e.reason}; on ${e.pathsThrough} of your paths to people you want to meet`
      : e.reason;
  return {
    key: `next:${e.person.id}:${e.followUp?.id ?? e.reason}`,
    list: "next",
    person: e.person,
    why: capitalize(why),
    when,
    whenDay: e.due,
    urgent: e.overdue,
    followUpId: e.followUp?.id ?? null,
  };
}

export function immediateEntry(e: ImmediateEntry): TodayEntry {
  const day = e.since.slice(0, 10);
  const what = e.interaction
    ? `Their ${e.interaction.kind === "EMAIL" ? "e-mail" : e.interaction.kind.toLowerCase()} waits for your answer`
    : e.followUp
      ? "Your follow-up is due"
      : "Your introduction request waits";
  return {
    key: `immediate:${e.interaction?.id ?? e.followUp?.id ?? e.introRequest?.id ?? e.person.id}`,
    list: "immediate",
    person: e.person,
    why: `${what}: ${e.reason}`,
    when:
      e.waitingDays === 0
        ? `Waiting since today`
        : `Waiting since ${dayWords(day)} (${dayCount(e.waitingDays)})`,
    whenDay: day,
    urgent: e.waitingDays > 0,
    followUpId: e.followUp?.id ?? null,
  };
}

export function losingTouchEntry(e: LosingTouchEntry, today = todayDay()): TodayEntry {
  const since = e.lastContact?.slice(0, 10) ?? addDays(today, -e.daysSince);
  return {
    key: `losing:${e.person.id}`,
    list: "losing",
    person: e.person,
    why: `Past the longest gap you allow (${dayCount(e.maxDays)}) by ${dayCount(e.daysSince - e.maxDays)}`,
    when:
      e.lastContact === null
        ? `Never contacted; added ${dayWords(since)} (${dayCount(e.daysSince)} ago)`
        : `Last contact ${dayWords(since)} (${dayCount(e.daysSince)} ago)`,
    whenDay: since,
    urgent: true,
    followUpId: null,
  };
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
