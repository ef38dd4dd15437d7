/**
 * The WebAuthn challenges a server has handed out and not yet seen back: each one is good for
 * five minutes and for one ceremony, bound to what it was issued for (a user's registration, or
 * a sign-in).
 *
 * They live in memory, not in the store: warmpath runs as one server process, a challenge is
 * worth nothing after five minutes, and a restart only fails the ceremonies in flight (the user
 * presses the button again). The map is bounded so that a flood of option requests costs at most
 * `maxPending` entries; past that the oldest are dropped, which fails only their ceremonies.
 */
import { badInput } from "../errors.js";

export interface PasskeyChallengeOptions {
  /** How long a challenge may be answered, in milliseconds. Default: 5 minutes. */
  ttlMs?: number;
  /** Most challenges pending at once; the oldest are dropped past it. Default: 10,000. */
  maxPending?: number;
}

export const PASSKEY_CHALLENGE_DEFAULTS: Readonly<Required<PasskeyChallengeOptions>> =
  Object.freeze({ ttlMs: 5 * 60_000, maxPending: 10_000 });

interface Pending {
  /** What the challenge was issued for: `registration:<userId>` or `authentication`. */
  purpose: string;
  expiresAt: number;
}

/** Pending challenges, each taken at most once; one instance per server process. */
export class PasskeyChallenges {
  readonly ttlMs: number;
  readonly maxPending: number;
  // A Map iterates in insertion order, so its first entries are the oldest.
  readonly #pending = new Map<string, Pending>();

  constructor(options: PasskeyChallengeOptions = {}) {
    const { ttlMs, maxPending } = { ...PASSKEY_CHALLENGE_DEFAULTS, ...options };
    if (!Number.isSafeInteger(ttlMs) || ttlMs < 1)
      throw badInput("ttlMs", "must be a whole number of milliseconds, 1 or more");
    if (!Number.isSafeInteger(maxPending) || maxPending < 1)
      throw badInput("maxPending", "must be a whole number, 1 or more");
    this.ttlMs = ttlMs;
    this.maxPending = maxPending;
  }

  /** How many challenges are pending (expired ones not yet swept included). */
  get size(): number {
    return this.#pending.size;
  }

  /** Remembers a challenge just issued for `purpose`. */
  remember(challenge: string, purpose: string, now: Date): void {
    this.#sweep(now.getTime());
    this.#pending.delete(challenge);
    while (this.#pending.size >= this.maxPending) this.#dropOldest();
    this.#pending.set(challenge, { purpose, expiresAt: now.getTime() + this.ttlMs });
  }

  /**
   * Whether `challenge` was issued for `purpose`, is unexpired and was not used before. It is
   * used up by this call whatever the answer, so a failed ceremony cannot be retried with it.
   */
  take(challenge: string, purpose: string, now: Date): boolean {
    const pending = this.#pending.get(challenge);
    if (pending === undefined) return false;
    this.#pending.delete(challenge);
    return pending.purpose === purpose && now.getTime() < pending.expiresAt;
  }

  /** Drops expired challenges from the old end (they are in order of issue, so of expiry). */
  #sweep(now: number): void {
    for (const [challenge, pending] of this.#pending) {
      if (pending.expiresAt > now) return;
      this.#pending.delete(challenge);
    }
  }

  #dropOldest(): void {
    const oldest = this.#pending.keys().next();
    if (!oldest.done) this.#pending.delete(oldest.value);
  }
}
