/**
 * Upserts, one record at a time: created when nothing of the owner has its
 * identity, merged into the record that has it otherwise (see `mergedRecord`),
 * left alone when the merge changes nothing.
 */
import type { Inputs, Records, UpsertKind } from "../../model/kinds.js";
import type { BulkUpsertResult, UpsertResult } from "../network-store.js";
import { atIndex, mergedRecord, positionOf } from "../record-ops.js";
import type { ChangeLog } from "./sqlite-change-log.js";
import { holdersOf, mustGet } from "./sqlite-reads.js";
import { select, type Sql } from "./sqlite-run.js";
import { IDENTITY_COLUMNS } from "./sqlite-tables.js";
import { checkIdentityFree, checkRefs } from "./sqlite-write-checks.js";
import { insertIfNew, insertRecord, updateRecord } from "./sqlite-writes.js";

/** The stored record with the same identity as `incoming`, if any. */
function findSame<K extends UpsertKind>(
  sql: Sql,
  owner: string,
  kind: K,
  incoming: Records[K],
): Records[K] | undefined {
  const holders = holdersOf(sql, owner, kind, incoming);
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

/** Upserts `incoming` (made from `input`, which names fields in errors) in the caller's write. */
export function upsertOne<K extends UpsertKind>(
  sql: Sql,
  owner: string,
  kind: K,
  incoming: Records[K],
  input: Inputs[K],
  log: ChangeLog,
): UpsertResult<Records[K]> {
  checkRefs(sql, owner, kind, incoming, input, log);
  const identityColumns = IDENTITY_COLUMNS[kind];
  // Fast path for imports: most rows are new, so try the insert and fall back to a merge
  // on conflict.
  if (identityColumns && insertIfNew(sql, kind, incoming, identityColumns)) {
    log.add(kind, "upsert", [incoming.id]);
    return { outcome: "created", record: incoming };
  }
  const existing = findSame(sql, owner, kind, incoming);
  if (existing === undefined) {
    checkIdentityFree(sql, owner, kind, incoming, null);
    insertRecord(sql, kind, incoming);
    log.add(kind, "upsert", [incoming.id]);
    return { outcome: "created", record: incoming };
  }
  const { record, changed } = mergedRecord(kind, existing, incoming);
  if (!changed) return { outcome: "unchanged", record: existing };
  checkIdentityFree(sql, owner, kind, record, existing.id);
  updateRecord(sql, kind, record);
  log.add(kind, "upsert", [record.id]);
  return { outcome: "updated", record };
}

/** Upserts each record in order, one at a time; an error names the index of its input. */
export function upsertAll<K extends UpsertKind>(
  sql: Sql,
  owner: string,
  kind: K,
  incoming: readonly Records[K][],
  inputs: readonly Inputs[K][],
  log: ChangeLog,
): BulkUpsertResult {
  const ids: string[] = [];
  const outcomes: UpsertResult<unknown>["outcome"][] = [];
  incoming.forEach((record, i) => {
    try {
      const result = upsertOne(sql, owner, kind, record, inputs[i]!, log);
      ids.push(result.record.id);
      outcomes.push(result.outcome);
    } catch (error) {
      throw atIndex(error, i);
    }
  });
  return { ids, outcomes };
}
