/**
 * Idempotency keys in Neo4j: one `IdempotencyKey` node per owner and key (a
 * uniqueness constraint in neo4j-schema.ts backs that up), written inside a
 * caller's write transaction after it took the owner's lock, so two requests
 * with the same key decide one after the other.
 */
import {
  decideClaim,
  type IdempotencyClaim,
  type KeyClaimState,
  type StoredKey,
} from "../idempotency-key.js";
import { rows, type Tx } from "./neo4j-run.js";

/** Purges the owner's expired keys, then decides on `claim`. */
export async function decideKey(
  tx: Tx,
  owner: string,
  claim: IdempotencyClaim,
  now: number,
): Promise<KeyClaimState> {
  await rows(tx, "MATCH (k:IdempotencyKey {owner: $owner}) WHERE k.expiresAt <= $now DELETE k", {
    owner,
    now,
  });
  const [row] = await rows(
    tx,
    `MATCH (k:IdempotencyKey {owner: $owner, key: $key})
     RETURN k.fingerprint AS fingerprint, k.result AS result, k.leaseUntil AS leaseUntil, k.expiresAt AS expiresAt`,
    { owner, key: claim.key },
  );
  const stored: StoredKey | undefined = row
    ? {
        fingerprint: String(row.fingerprint),
        result: typeof row.result === "string" ? row.result : null,
        leaseUntil: Number(row.leaseUntil),
        expiresAt: Number(row.expiresAt),
      }
    : undefined;
  return decideClaim(stored, claim, now);
}

/** Creates or overwrites the owner's key. */
export async function putKey(tx: Tx, owner: string, key: string, stored: StoredKey): Promise<void> {
  await rows(
    tx,
    `MERGE (k:IdempotencyKey {owner: $owner, key: $key})
     SET k.fingerprint = $fingerprint, k.result = $result, k.leaseUntil = $leaseUntil, k.expiresAt = $expiresAt`,
    { owner, key, ...stored },
  );
}

/** Deletes a key that has no result yet. */
export async function deletePendingKey(tx: Tx, owner: string, key: string): Promise<void> {
  await rows(
    tx,
    "MATCH (k:IdempotencyKey {owner: $owner, key: $key}) WHERE k.result IS NULL DELETE k",
    { owner, key },
  );
}
