import { describe, expect, it } from "vitest";
import {
  SESSION_LIFETIME_DEFAULTS,
  extendedExpiry,
  isExpired,
  newSessionExpiry,
  shouldTouch,
} from "../../src/auth/index.js";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const NOW = new Date("2026-12-01T12:00:00.000Z");
const at = (ms: number) => new Date(NOW.getTime() + ms);

describe("argument checks", () => {
  it("refuses an invalid date as an invariant failure", () => {
    expect(() => newSessionExpiry(new Date("nope"))).toThrow(
      expect.objectContaining({ code: "INTERNAL" }),
    );
    expect(() => isExpired(new Date(NaN), NOW)).toThrow(/expiresAt/);
  });
});

describe("newSessionExpiry", () => {
  it("is 30 days after now", () => {
    expect(newSessionExpiry(NOW)).toEqual(at(30 * DAY));
    expect(SESSION_LIFETIME_DEFAULTS.lifetimeMs).toBe(30 * DAY);
    expect(Object.isFrozen(SESSION_LIFETIME_DEFAULTS)).toBe(true);
  });
});

describe("isExpired", () => {
  it("is false a millisecond before the expiry and true from the expiry on", () => {
    const expiresAt = at(30 * DAY);
    expect(isExpired(expiresAt, at(30 * DAY - 1))).toBe(false);
    expect(isExpired(expiresAt, at(30 * DAY))).toBe(true);
    expect(isExpired(expiresAt, at(31 * DAY))).toBe(true);
  });
});

describe("extendedExpiry", () => {
  const expiresAt = newSessionExpiry(NOW);

  it("writes nothing while more than half the lifetime remains", () => {
    expect(extendedExpiry(expiresAt, NOW)).toBeNull();
    expect(extendedExpiry(expiresAt, at(15 * DAY - 1))).toBeNull();
  });

  it("extends to a full lifetime from now once half or less remains", () => {
    expect(extendedExpiry(expiresAt, at(15 * DAY))).toEqual(at(45 * DAY));
    expect(extendedExpiry(expiresAt, at(30 * DAY - 1))).toEqual(at(60 * DAY - 1));
  });

  it("never brings an expired session back", () => {
    expect(extendedExpiry(expiresAt, at(30 * DAY))).toBeNull();
    expect(extendedExpiry(expiresAt, at(90 * DAY))).toBeNull();
  });
});

describe("shouldTouch", () => {
  it("writes a token's first use", () => {
    expect(shouldTouch(null, NOW)).toBe(true);
  });

  it("writes at most every 5 minutes", () => {
    expect(shouldTouch(NOW, NOW)).toBe(false);
    expect(shouldTouch(NOW, at(5 * MINUTE - 1))).toBe(false);
    expect(shouldTouch(NOW, at(5 * MINUTE))).toBe(true);
  });

  it("writes once when the stored time is in the future (the clock went back)", () => {
    expect(shouldTouch(at(1), NOW)).toBe(true);
  });
});
