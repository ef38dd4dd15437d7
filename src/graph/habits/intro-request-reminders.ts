/**
 * Reminders for introduction requests that have waited too long in one step of
 * the double opt-in: chase the introducer while asked or accepted, and write to
 * the target once introduced.
 */
import type { IntroRequest, IntroRequestStatus } from "../model/intro-request.js";
import { listAll } from "../store/list-all.js";
import type { NetworkStore } from "../store/network-store.js";
import { calendarDay, daysBetween } from "./calendar-days.js";

/** How long an introduction request may wait in a status before the owner is reminded (days): asked 7, accepted 7, introduced 14. */
export const REMINDER_AFTER_DAYS: Readonly<Partial<Record<IntroRequestStatus, number>>> =
  Object.freeze({ asked: 7, accepted: 7, introduced: 14 });

/** One request that has waited too long, and whom to chase about it. */
export interface IntroRequestReminder {
  introRequestId: string;
  status: IntroRequestStatus;
  waitingDays: number;
  /** Whom to chase: the introducer while asked/accepted, the target once introduced. */
  personId: string;
  /** When the request entered its status (ISO). */
  since: string;
}

/** Whom a waiting request is in the hands of. */
const chase = (request: IntroRequest): string =>
  request.status === "introduced" ? request.targetId : request.introducerId;

/** Requests that have waited at least REMINDER_AFTER_DAYS calendar days in their status, longest-waiting first. */
export async function introRequestReminders(
  store: NetworkStore,
  ownerId: string,
  options: { now?: Date } = {},
): Promise<IntroRequestReminder[]> {
  const today = calendarDay(options.now ?? new Date());
  const out: IntroRequestReminder[] = [];
  for (const request of await listAll(store, ownerId, "introRequest")) {
    const after = REMINDER_AFTER_DAYS[request.status];
    if (after === undefined || request.statusChangedAt === null) continue;
    const waitingDays = daysBetween(request.statusChangedAt, today);
    if (waitingDays >= after)
      out.push({
        introRequestId: request.id,
        status: request.status,
        waitingDays,
        personId: chase(request),
        since: request.statusChangedAt,
      });
  }
  return out.sort(
    (a, b) => b.waitingDays - a.waitingDays || a.introRequestId.localeCompare(b.introRequestId),
  );
}
