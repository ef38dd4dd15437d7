/**
 * Rate limits on signing in (issue 13): failures are counted per account and per client
 * address, and from the 5th failure in an hour on either, the next attempt must wait: 1 s, then
 * twice as long after each further failure, up to 15 minutes. The wait starts short so that an
 * office behind one address, or a user who mistypes, is slowed rather than locked out, while
 * guessing gets too slow to matter (a few hundred tries a day per account).
 *
 * The counting is rate-limiter-flexible's (a maintained library); the counters live in this
 * process's memory, so a restart forgets them and replicas count separately. Both are fine
 * for a self-hosted server; an instance behind a load balancer would move them to Redis.
 */
import { RateLimiterMemory, type RateLimiterRes } from "rate-limiter-flexible";
import { ErrorCode, WarmpathError } from "../errors.js";

export const SIGN_IN_LIMIT_DEFAULTS = Object.freeze({
  /** Failures allowed in the window before each next attempt waits. */
  freeFailures: 4,
  /** How long a failure is remembered, in seconds. */
  windowSeconds: 60 * 60,
  firstWaitSeconds: 1,
  longestWaitSeconds: 15 * 60,
});

export type SignInLimitOptions = Partial<typeof SIGN_IN_LIMIT_DEFAULTS>;

/** The keys one attempt is counted under: the account tried and the client's address. */
export const signInKeys = (email: string, address: string): string[] => [
  `account:${email.trim().toLowerCase()}`,
  `address:${address}`,
];

export class SignInLimiter {
  private readonly o: typeof SIGN_IN_LIMIT_DEFAULTS;
  private readonly failures: RateLimiterMemory;
  private readonly waits: RateLimiterMemory;

  constructor(options: SignInLimitOptions = {}) {
    this.o = { ...SIGN_IN_LIMIT_DEFAULTS, ...options };
    this.failures = new RateLimiterMemory({
      points: Number.MAX_SAFE_INTEGER,
      duration: this.o.windowSeconds,
    });
    // One point a second: `block` makes the key's next consume fail until the wait is over.
    this.waits = new RateLimiterMemory({ points: 1, duration: 1 });
  }

  /** RATE_LIMITED, with the seconds to wait, while any of the keys must wait. */
  async check(keys: readonly string[]): Promise<void> {
    let waitMs = 0;
    for (const key of keys) {
      const res: RateLimiterRes | null = await this.waits.get(key);
      if (res !== null && res.consumedPoints > 1) waitMs = Math.max(waitMs, res.msBeforeNext);
    }
    if (waitMs > 0) {
      const retryAfter = Math.ceil(waitMs / 1000);
      throw new WarmpathError(
        ErrorCode.RATE_LIMITED,
        `Too many failed sign-ins: try again in ${retryAfter} s.`,
        { retryAfter },
      );
    }
  }

  /** Counts a failure under every key, and makes the next attempt wait once there are enough. */
  async fail(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      const { consumedPoints } = await this.failures.penalty(key, 1);
      const over = consumedPoints - this.o.freeFailures;
      if (over > 0) {
        const seconds = Math.min(
          this.o.firstWaitSeconds * 2 ** Math.min(over - 1, 30),
          this.o.longestWaitSeconds,
        );
        await this.waits.block(key, seconds);
      }
    }
  }

  /**
   * A success clears the account's count. The address keeps its own: an attacker who owns one
   * account must not reset the count of the guesses they make at others.
   */
  async succeed(accountKey: string): Promise<void> {
    await Promise.all([this.failures.delete(accountKey), this.waits.delete(accountKey)]);
  }
}
