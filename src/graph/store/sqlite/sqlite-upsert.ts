/**
 * Upserts: created when nothing of the owner has its identity, merged into the
 * record that has it otherwise (see `mergedRecord`), left alone when the merge
 * changes nothing. A bulk upsert reads what its batch points at and the holders
 * of its people's identity keys in one statement each, then writes row by row
 * through statements prepared once.
 */
import type { Inputs, Records, UpsertKind } from "../../model/kinds.js";
import type { Person } from "../../model/person.js";
import type { BulkUpsertResult, UpsertResult } from "../network-store.js";
import { atIndex, identityKeys, mergedRecord, positionOf } from "../record-ops.js";
import type { ChangeLog } from "./sqlite-change-log.js";
import { holdersOf, mustGet, personKeysOf, type PersonKeys } from "./sqlite-reads.js";
import { select, type Sql } from "./sqlite-run.js";
import { IDENTITY_COLUMNS } from "./sqlite-tables.js";
import { checkIdentityFree, checkRefs, prefetchRefs } from "./sqlite-write-checks.js";
import { insertIfNew, insertRecord, updateRecord } from "./sqlite-writes.js";

/** The stored record with the same identity as `incoming`, if any. */
function findSame<K extends UpsertKind>(
  sql: Sql,
  owner: string,
  kind: K,
  incoming: Records[K],
  known: PersonKeys | undefined,
): Records[K] | undefined {
  const holders = holdersOf(sql, owner, kind, incoming, known);
  const match = holders.find((h) => h.id !== undefined)?.id;
  if (match !== undefined) return mustGet(sql, owner, kind, match);
  if (kind === "person" && holders.length === 0) {
    // A person known only by name is the one person of that name, if exactly one exists.
    const named = select(sql, kind, "t.sort_key = ? LIMIT 2", [
      owner,
      positionOf(kind, incoming).key,
    ]);
    if (named.length === 1) return named[0];
  }
  return undefined;
}

/** Keeps a batch's key holders current after a person is written (`before` is what it replaced). */
function noteKeys(known: PersonKeys | undefined, person: Person, before?: Person): void {
  if (!known) return;
  if (before) for (const key of identityKeys("person", before)) known.set(key, null);
  for (const key of identityKeys("person", person)) known.set(key, person.id);
}

/**
 * Upserts `incoming` (made from `input`, which names fields in errors) in the caller's write.
 * `known`: the holders of person identity keys a bulk upsert read ahead (see `personKeysOf`);
 * `refsFound`: the bulk upsert found every reference of its batch (see `prefetchRefs`).
 */
export function upsertOne<K extends UpsertKind>(
  sql: Sql,
  owner: string,
  kind: K,
  incoming: Records[K],
  input: Inputs[K],
  log: ChangeLog,
  known?: PersonKeys,
  refsFound = false,
): UpsertResult<Records[K]> {
  if (!refsFound) checkRefs(sql, owner, kind, incoming, input, log);
  // Fast path for imports: most rows are new, so try the insert and fall back to a merge
  // on conflict.
  if (IDENTITY_COLUMNS[kind] && insertIfNew(sql, kind, incoming, log)) {
    log.addOne(kind, "upsert", incoming.id);
    return { outcome: "created", record: incoming };
  }
  const isPerson = kind === "person";
  const existing = findSame(sql, owner, kind, incoming, known);
  if (existing === undefined) {
    checkIdentityFree(sql, owner, kind, incoming, null, known);
    insertRecord(sql, kind, incoming, log);
    if (isPerson) noteKeys(known, incoming as Person);
    log.addOne(kind, "upsert", incoming.id);
    return { outcome: "created", record: incoming };
  }
  const { record, changed } = mergedRecord(kind, existing, incoming);
  if (!changed) return { outcome: "unchanged", record: existing };
  checkIdentityFree(sql, owner, kind, record, existing.id, known);
  updateRecord(sql, kind, record);
  if (isPerson) noteKeys(known, record as Person, existing as Person);
  log.addOne(kind, "upsert", record.id);
  return { outcome: "updated", record };
}

/** Upserts each record in order, in the caller's write; an error names the index of its input. */
export function upsertAll<K extends UpsertKind>(
  sql: Sql,
  owner: string,
  kind: K,
  incoming: readonly Records[K][],
  inputs: readonly Inputs[K][],
  log: ChangeLog,
): BulkUpsertResult {
  const refsFound = prefetchRefs(sql, owner, kind, incoming, log);
  const known =
    kind === "person"
      ? personKeysOf(
          sql,
          owner,
          incoming.flatMap((r) => identityKeys(kind, r)),
        )
      : undefined;
  const ids: string[] = new Array(incoming.length);
  const outcomes: UpsertResult<unknown>["outcome"][] = new Array(incoming.length);
  for (let i = 0; i < incoming.length; i++) {
    try {
      const result = upsertOne(sql, owner, kind, incoming[i]!, inputs[i]!, log, known, refsFound);
      ids[i] = result.record.id;
      outcomes[i] = result.outcome;
    } catch (error) {
      throw atIndex(error, i);
    }
  }
  return { ids, outcomes };
}
