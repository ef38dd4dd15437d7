/**
 * Session expiry with a sliding window, after the Lucia guide ("Sessions", lucia-auth.com): a
 * session lives 30 days from its last extension, and a request extends it only once less than half
 * of that remains, so an active session is written about once in 15 days instead of on every
 * request. The same idea, at a 5-minute grain, limits the writes of an API token's "last used".
 * All functions are pure: the caller passes `now`, so tests need no fake clock.
 */
import { invariant } from "../errors.js";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export const SESSION_LIFETIME_DEFAULTS = Object.freeze({
  /** How long a session lives after its last extension. */
  lifetimeMs: 30 * DAY,
  /** How stale an API token's "last used" may get before a request writes it again. */
  touchIntervalMs: 5 * MINUTE,
});

const time = (date: Date, name: string): number => {
  const ms = date.getTime();
  invariant(!Number.isNaN(ms), `${name} is an invalid date`);
  return ms;
};

/** The expiry of a session created (or rotated) at `now`. */
export const newSessionExpiry = (now: Date): Date =>
  new Date(time(now, "now") + SESSION_LIFETIME_DEFAULTS.lifetimeMs);

/** Whether a session has expired; it is dead from the instant `expiresAt` on. */
export const isExpired = (expiresAt: Date, now: Date): boolean =>
  time(now, "now") >= time(expiresAt, "expiresAt");

/**
 * The new expiry to store after a request at `now`, or null when none is needed: while more than
 * half the lifetime remains, and always for an expired session (which must never come back).
 */
export function extendedExpiry(expiresAt: Date, now: Date): Date | null {
  if (isExpired(expiresAt, now)) return null;
  const { lifetimeMs } = SESSION_LIFETIME_DEFAULTS;
  const remaining = time(expiresAt, "expiresAt") - time(now, "now");
  return remaining <= lifetimeMs / 2 ? newSessionExpiry(now) : null;
}

/**
 * Whether a request at `now` should write an API token's "last used": when it was never used, at
 * least 5 minutes have passed, or the stored time lies in the future (the clock went back; one
 * write sets it right instead of freezing it until the clock catches up).
 */
export function shouldTouch(lastUsedAt: Date | null, now: Date): boolean {
  if (lastUsedAt === null) return true;
  const elapsed = time(now, "now") - time(lastUsedAt, "lastUsedAt");
  return elapsed < 0 || elapsed >= SESSION_LIFETIME_DEFAULTS.touchIntervalMs;
}
