/**
 * Idempotency keys, the adapter-independent half: what a stored key means for a
 * new request with the same key. A key is scoped to its owner, holds a
 * fingerprint of the first request's input and, once that request succeeded,
 * its result as JSON. Keys expire after a day and are purged lazily.
 */
import { badInput, conflict } from "../../errors.js";
import { remainingMs } from "../deadline.js";

/** How long a key answers retries. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a claimed key without a result blocks others, when the claimant has no deadline (library, command line). */
export const IDEMPOTENCY_LEASE_MS = 10 * 60 * 1000;
/** Added to a request's remaining deadline: its writes check the deadline before they commit, not at the exact instant. */
const LEASE_MARGIN_MS = 30 * 1000;

/** A request's key and the fingerprint of its input. */
export interface IdempotencyClaim {
  key: string;
  fingerprint: string;
}

/** A key as the stores keep it (times in epoch milliseconds). */
export interface StoredKey {
  fingerprint: string;
  /** The first request's result as JSON; null while it runs. */
  result: string | null;
  leaseUntil: number;
  expiresAt: number;
}

/** What a claim found: a fresh key the caller now holds (`run`), or the first request's result (`done`). */
export type KeyClaimState = { state: "run" } | { state: "done"; result: string };

/**
 * The decision for a claim given what is stored (already purged of expired
 * keys): CONFLICT on field `idempotencyKey` for another input, or while the
 * first request with the key still runs. A claim whose claimant died without
 * settling or releasing it may be taken over once its lease has passed.
 */
export function decideClaim(
  stored: StoredKey | undefined,
  claim: IdempotencyClaim,
  now: number,
): KeyClaimState {
  if (stored === undefined || stored.expiresAt <= now) return { state: "run" };
  if (stored.fingerprint !== claim.fingerprint)
    throw conflict("idempotencyKey", "this key was already used with a different input");
  if (stored.result !== null) return { state: "done", result: stored.result };
  if (stored.leaseUntil > now)
    throw conflict("idempotencyKey", "a request with this key is still in progress; retry later");
  return { state: "run" };
}

/** The row a claim stores: no result yet, a lease as long as the claimant may still write. */
export function claimedKey(claim: IdempotencyClaim, now: number): StoredKey {
  const remaining = remainingMs();
  const lease = Number.isFinite(remaining) ? remaining + LEASE_MARGIN_MS : IDEMPOTENCY_LEASE_MS;
  return {
    fingerprint: claim.fingerprint,
    result: null,
    leaseUntil: now + lease,
    expiresAt: now + IDEMPOTENCY_KEY_TTL_MS,
  };
}

/** The row of a key whose request succeeded with `result`. */
export function settledKey(claim: IdempotencyClaim, result: string, now: number): StoredKey {
  return {
    fingerprint: claim.fingerprint,
    result,
    leaseUntil: 0,
    expiresAt: now + IDEMPOTENCY_KEY_TTL_MS,
  };
}

/** The longest key accepted. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

/** A key is 1 to 200 printable characters (no control or format characters, not blank): BAD_USER_INPUT on `idempotencyKey` otherwise. */
export function checkIdempotencyKey(key: unknown): string {
  if (
    typeof key !== "string" ||
    key.length < 1 ||
    key.length > MAX_IDEMPOTENCY_KEY_LENGTH ||
    key.trim() === "" ||
    /\p{C}/u.test(key)
  ) {
    throw badInput(
      "idempotencyKey",
      `must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} printable characters`,
    );
  }
  return key;
}

/** Checks a claim at a store's boundary. */
export function checkClaim(claim: IdempotencyClaim): IdempotencyClaim {
  checkIdempotencyKey(claim?.key);
  if (typeof claim.fingerprint !== "string" || claim.fingerprint === "")
    throw badInput("fingerprint", "must be a non-empty string");
  return claim;
}
