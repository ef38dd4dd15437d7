import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors.js";
import { fingerprintOf } from "../../../src/graph/run-idempotent.js";
import {
  checkIdempotencyKey,
  claimedKey,
  decideClaim,
  IDEMPOTENCY_KEY_TTL_MS,
  IDEMPOTENCY_LEASE_MS,
  settledKey,
} from "../../../src/graph/store/idempotency-key.js";
import { withDeadline } from "../../../src/graph/deadline.js";

const claim = { key: "k", fingerprint: "fp" };
const NOW = 1_800_000_000_000;

function conflictField(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    const e = error as { code?: string; field?: string };
    return e.code === ErrorCode.CONFLICT ? e.field : `not a conflict: ${e.code}`;
  }
  return "no error";
}

describe("deciding on an idempotency key", () => {
  it("runs a key that is new, or expired after 24 hours", () => {
    expect(decideClaim(undefined, claim, NOW)).toEqual({ state: "run" });
    const old = settledKey({ key: "k", fingerprint: "other" }, "{}", NOW - IDEMPOTENCY_KEY_TTL_MS);
    expect(decideClaim(old, claim, NOW)).toEqual({ state: "run" });
  });

  it("returns the stored result for the same input, and CONFLICT on idempotencyKey for another", () => {
    const done = settledKey(claim, '{"id":"x"}', NOW - 1000);
    expect(decideClaim(done, claim, NOW)).toEqual({ state: "done", result: '{"id":"x"}' });
    expect(conflictField(() => decideClaim(done, { key: "k", fingerprint: "changed" }, NOW))).toBe(
      "idempotencyKey",
    );
  });

  it("answers CONFLICT while the claim's lease runs, and lets a retry take over an abandoned claim after it", () => {
    const held = claimedKey(claim, NOW);
    expect(held.leaseUntil).toBe(NOW + IDEMPOTENCY_LEASE_MS);
    expect(conflictField(() => decideClaim(held, claim, NOW + 1000))).toBe("idempotencyKey");
    expect(decideClaim(held, claim, held.leaseUntil)).toEqual({ state: "run" });
  });

  it("leases a claim made under a request deadline for the time left plus a margin", async () => {
    const held = await withDeadline(5_000, async () => claimedKey(claim, Date.now()));
    expect(held.leaseUntil - Date.now()).toBeGreaterThan(30_000);
    expect(held.leaseUntil - Date.now()).toBeLessThanOrEqual(35_000);
  });

  it("accepts 1 to 200 printable characters, any script", () => {
    for (const key of ["a", "k".repeat(200), "clé-✓-鍵", "retry 2026-11-30 #1"])
      expect(checkIdempotencyKey(key)).toBe(key);
    for (const key of ["", " ", "k".repeat(201), "a\nb", "a\u200bb", 42, null])
      expect(() => checkIdempotencyKey(key)).toThrowError(
        expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT, field: "idempotencyKey" }),
      );
  });
});

describe("fingerprints of requests", () => {
  it("ignore key order and absent or null fields, and tell operations and values apart", () => {
    expect(fingerprintOf("logInteraction", { a: 1, b: "x", c: null })).toBe(
      fingerprintOf("logInteraction", { b: "x", a: 1 }),
    );
    expect(fingerprintOf("logInteraction", { a: 1 })).not.toBe(
      fingerprintOf("recordFavor", { a: 1 }),
    );
    expect(fingerprintOf("logInteraction", { a: 1 })).not.toBe(
      fingerprintOf("logInteraction", { a: 2 }),
    );
    expect(fingerprintOf("draftUpdate", { r: { tags: ["a", "b"] } })).not.toBe(
      fingerprintOf("draftUpdate", { r: { tags: ["b", "a"] } }),
    );
  });
});
