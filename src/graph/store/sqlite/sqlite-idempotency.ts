/**
 * Idempotency keys in SQLite: one `idempotency_key` row per owner and key,
 * written inside the store's IMMEDIATE write transaction, so two requests
 * with the same key decide one after the other.
 */
import {
  decideClaim,
  type IdempotencyClaim,
  type KeyClaimState,
  type StoredKey,
} from "../idempotency-key.js";
import type { Sql } from "./sqlite-run.js";

/** Purges the owner's expired keys, then decides on `claim`. */
export function decideKey(
  sql: Sql,
  owner: string,
  claim: IdempotencyClaim,
  now: number,
): KeyClaimState {
  sql("DELETE FROM idempotency_key WHERE owner = ? AND expires_at <= ?").run(owner, now);
  const stored = sql(
    `SELECT fingerprint, result, lease_until AS leaseUntil, expires_at AS expiresAt
     FROM idempotency_key WHERE owner = ? AND key = ?`,
  ).get(owner, claim.key) as StoredKey | undefined;
  return decideClaim(stored, claim, now);
}

/** Stores a key's state, claimed or settled, replacing what was there. */
export function putKey(sql: Sql, owner: string, key: string, stored: StoredKey): void {
  sql(
    `INSERT INTO idempotency_key (owner, key, fingerprint, result, lease_until, expires_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (owner, key) DO UPDATE SET
       fingerprint = excluded.fingerprint, result = excluded.result,
       lease_until = excluded.lease_until, expires_at = excluded.expires_at`,
  ).run(owner, key, stored.fingerprint, stored.result, stored.leaseUntil, stored.expiresAt);
}

/** Forgets a key still claimed (no result yet), so the request may run again; settled keys stay. */
export function deletePendingKey(sql: Sql, owner: string, key: string): void {
  sql("DELETE FROM idempotency_key WHERE owner = ? AND key = ? AND result IS NULL").run(owner, key);
}
