/**
 * Upserts, many in one pass: the stored records the inputs can match are read
 * once, the outcome is planned in memory (neo4j-upsert-plan.ts), then written in
 * batches. Errors are reported as a one-by-one application would: the earliest input wins.
 */
import { invariant } from "../../../errors.js";
import type { Inputs, Records, UpsertKind } from "../../model/kinds.js";
import type { Person } from "../../model/person.js";
import type { BulkUpsertResult, UpsertResult } from "../network-store.js";
import { atIndex, identityKeys } from "../record-ops.js";
import type { ChangeLog } from "./neo4j-change-log.js";
import { peopleByKeys, peopleByNameKeys, recordsByIdentity } from "./neo4j-reads.js";
import { inBatches, type Tx } from "./neo4j-run.js";
import { nameKeysToMatch, planUpserts, type UpsertPlan } from "./neo4j-upsert-plan.js";
import { firstMissingRef, type Wrap } from "./neo4j-write-checks.js";
import { insertRecordsFound } from "./neo4j-insert.js";
import { syncIdentities, updateRecords } from "./neo4j-writes.js";

/** Stored records an upsert of `incoming` may merge into: by identity key, and for keyless people by name. */
async function storedMatches<K extends UpsertKind>(
  tx: Tx,
  owner: string,
  kind: K,
  incoming: Records[K][],
): Promise<Records[K][]> {
  const found: Records[K][] = [];
  if (kind === "person") {
    const keys = [...new Set(incoming.flatMap((r) => identityKeys(kind, r)))];
    await inBatches(keys, async (slice) => {
      found.push(...((await peopleByKeys(tx, owner, slice)).values() as Iterable<Records[K]>));
    });
  } else {
    await inBatches(incoming, async (slice) => {
      found.push(...(await recordsByIdentity(tx, owner, kind, slice)).values());
    });
  }
  const names = nameKeysToMatch(kind, incoming);
  if (names.length > 0) found.push(...((await peopleByNameKeys(tx, owner, names)) as Records[K][]));
  return found;
}

/**
 * The error a one-by-one application would have met first, once the fast path
 * failed: the earliest input naming a record the owner does not have, unless
 * an earlier input conflicts (planning the inputs before it throws that).
 */
async function earliestError<K extends UpsertKind>(
  tx: Tx,
  owner: string,
  kind: K,
  incoming: Records[K][],
  inputs: readonly Inputs[K][],
  stored: readonly Records[K][],
  wrap: Wrap,
): Promise<unknown> {
  const missing = await firstMissingRef(tx, owner, kind, incoming, inputs, wrap);
  if (missing === null) return null;
  planUpserts(kind, incoming.slice(0, missing.index), stored, wrap);
  return missing.error;
}

/**
 * Applies upserts in order and persists the outcome; returns the plan and every record it saw, by id.
 * References are checked by the inserts themselves (a record whose ends are not the owner's is
 * not created, and the count tells): a valid call makes no look-up of its own for them, and a
 * call that fails finds its error by the slower one-by-one rules, then rolls back.
 */
async function applyUpserts<K extends UpsertKind>(
  tx: Tx,
  owner: string,
  kind: K,
  incoming: Records[K][],
  inputs: readonly Inputs[K][],
  log: ChangeLog,
  wrap: Wrap,
) {
  const stored = await storedMatches(tx, owner, kind, incoming);
  let plan: UpsertPlan<K>;
  try {
    plan = planUpserts(kind, incoming, stored, wrap);
  } catch (error) {
    throw (await earliestError(tx, owner, kind, incoming, inputs, stored, wrap)) ?? error;
  }
  if (!(await insertRecordsFound(tx, owner, kind, plan.created))) {
    const error = await earliestError(tx, owner, kind, incoming, inputs, stored, wrap);
    invariant(error !== null, `a ${kind} not written names a record the owner has`);
    throw error;
  }
  await updateRecords(
    tx,
    kind,
    plan.updated.map((u) => u.after),
  );
  if (kind === "person")
    await syncIdentities(tx, owner, plan.updated as unknown as { before: Person; after: Person }[]);
  log.add(kind, "upsert", plan.touched);
  const records = new Map<string, Records[K]>(
    [...stored, ...plan.created, ...plan.updated.map((u) => u.after)].map((r) => [r.id, r]),
  );
  return { plan, records };
}

/** Upserts `incoming` (made from `input`, which names fields in errors) in the caller's write. */
export async function upsertOne<K extends UpsertKind>(
  tx: Tx,
  owner: string,
  kind: K,
  incoming: Records[K],
  input: Inputs[K],
  log: ChangeLog,
): Promise<UpsertResult<Records[K]>> {
  const { plan, records } = await applyUpserts(
    tx,
    owner,
    kind,
    [incoming],
    [input],
    log,
    (error) => error,
  );
  const outcome = plan.outcomes[0];
  const record = records.get(plan.ids[0] ?? "");
  if (outcome === undefined || record === undefined) throw new Error("upsert planned no outcome");
  return { outcome, record };
}

/** Upserts each record as if one at a time, in order; an error names the index of its input. */
export async function upsertAll<K extends UpsertKind>(
  tx: Tx,
  owner: string,
  kind: K,
  incoming: Records[K][],
  inputs: readonly Inputs[K][],
  log: ChangeLog,
): Promise<BulkUpsertResult> {
  const { plan } = await applyUpserts(tx, owner, kind, incoming, inputs, log, atIndex);
  return { ids: plan.ids, outcomes: plan.outcomes };
}
