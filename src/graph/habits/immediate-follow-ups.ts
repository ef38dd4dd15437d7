/**
 * Immediate Follow-up (the networking habit's second list): what needs the
 * owner's answer now, longest-waiting first.
 */
import type { Interaction } from "../model/interaction.js";
import type { IntroRequestStatus } from "../model/intro-request.js";
import { listAll } from "../store/list-all.js";
import type { NetworkStore } from "../store/network-store.js";
import { followUpDueOn } from "./follow-ups.js";
import { introRequestReminders, type IntroRequestReminder } from "./intro-request-reminders.js";
import { calendarDay, daysBetween } from "./calendar-days.js";

/** One thing waiting for the owner; exactly one of the three ids says what it is. */
export interface ImmediateFollowUp {
  personId: string;
  /** When the wait began: the message's instant, the start of the follow-up's due day (UTC), or the request's status change. */
  since: string;
  waitingDays: number;
  reason: string;
  interactionId: string | null;
  followUpId: string | null;
  introRequestId: string | null;
}

const REMINDER_REASONS: Readonly<Partial<Record<IntroRequestStatus, (days: number) => string>>> =
  Object.freeze({
    asked: (d: number) =>
      `asked for an introduction ${d} days ago and the introducer has not answered`,
    accepted: (d: number) => `the introducer accepted ${d} days ago and has not introduced you yet`,
    introduced: (d: number) => `introduced ${d} days ago: write to them`,
  });

/** Inbound messages that still need a reply: no later outbound or mutual contact with that person answers them. */
function unanswered(interactions: readonly Interaction[], nowIso: string): Interaction[] {
  const lastAnswer = new Map<string, string>();
  for (const i of interactions) {
    if (i.direction === "inbound" || i.at > nowIso) continue;
    const seen = lastAnswer.get(i.personId);
    if (seen === undefined || i.at > seen) lastAnswer.set(i.personId, i.at);
  }
  return interactions.filter((i) => {
    if (i.direction !== "inbound" || !i.needsReply || i.at > nowIso) return false;
    const answer = lastAnswer.get(i.personId);
    return answer === undefined || answer <= i.at;
  });
}

function fromReminder(r: IntroRequestReminder): ImmediateFollowUp {
  const reason = REMINDER_REASONS[r.status]?.(r.waitingDays) ?? `waiting ${r.waitingDays} days`;
  return {
    personId: r.personId,
    since: r.since,
    waitingDays: r.waitingDays,
    reason,
    interactionId: null,
    followUpId: null,
    introRequestId: r.introRequestId,
  };
}

/**
 * Immediate Follow-up: received messages or asks that need an answer (inbound
 * interactions with needsReply, until a later outbound or mutual interaction with
 * that person answers them), open immediate_follow_up follow-ups that are due, and
 * introduction requests waiting too long; longest-waiting first.
 */
export async function immediateFollowUps(
  store: NetworkStore,
  ownerId: string,
  options: { now?: Date } = {},
): Promise<ImmediateFollowUp[]> {
  const now = options.now ?? new Date();
  const today = calendarDay(now);
  const [interactions, followUps, reminders] = await Promise.all([
    listAll(store, ownerId, "interaction"),
    listAll(store, ownerId, "followUp", { list: "immediate_follow_up" }),
    introRequestReminders(store, ownerId, { now }),
  ]);
  const out: ImmediateFollowUp[] = unanswered(interactions, now.toISOString()).map((i) => ({
    personId: i.personId,
    since: i.at,
    waitingDays: daysBetween(i.at, today),
    reason: i.summary ?? `their ${i.kind} needs a reply`,
    interactionId: i.id,
    followUpId: null,
    introRequestId: null,
  }));
  for (const f of followUps) {
    const due = followUpDueOn(f, today);
    if (due === null || due > today) continue;
    out.push({
      personId: f.personId,
      // An instant, as for the other entries (the API's DateTimeISO): the due day's start, UTC.
      since: `${due}T00:00:00.000Z`,
      waitingDays: daysBetween(due, today),
      reason: f.reason ?? "follow up",
      interactionId: null,
      followUpId: f.id,
      introRequestId: null,
    });
  }
  out.push(...reminders.map(fromReminder));
  return out.sort(
    (a, b) => b.waitingDays - a.waitingDays || (a.since < b.since ? -1 : a.since > b.since ? 1 : 0),
  );
}
