/**
 * The checks a write makes before it writes, with the error that names the
 * input field: references point at records the owner has, and identity keys
 * are free. The foreign keys and unique indexes back both up.
 */
import { conflict, notFound } from "../../../errors.js";
import { SPECS, type Inputs, type RecordKind, type Records } from "../../model/kinds.js";
import { identityField, inputFieldOf } from "../record-ops.js";
import type { ChangeLog } from "./sqlite-change-log.js";
import { holdersOf, type PersonKeys } from "./sqlite-reads.js";
import type { Sql } from "./sqlite-run.js";
import { knownKeys, prefetchKeys, refKey } from "./sqlite-ref-keys.js";

/** NOT_FOUND, at the input's field, when a record points at a person or organization not stored. */
export function checkRefs<K extends RecordKind>(
  sql: Sql,
  owner: string,
  kind: K,
  record: Records[K],
  input: Inputs[K],
  log: ChangeLog,
): void {
  const source = record as unknown as Record<string, string>;
  for (const ref of SPECS[kind].refs) {
    const id = source[ref.field]!;
    if (refKey(sql, owner, ref.kind, id, log) === null)
      throw notFound(ref.kind, id, inputFieldOf(kind, input, id, ref.field));
  }
}

/**
 * Reads, in one statement per referenced kind, the keys of the records a batch points at
 * into the transaction's cache that `checkRefs` reads first. True when every reference of
 * every record exists: `checkRefs` would then pass each of them, and a bulk write skips it
 * (two cache look-ups a tie).
 */
export function prefetchRefs<K extends RecordKind>(
  sql: Sql,
  owner: string,
  kind: K,
  records: readonly Records[K][],
  log: ChangeLog,
): boolean {
  let allFound = true;
  for (const refKind of ["person", "organization"] as const) {
    const fields = SPECS[kind].refs.filter((r) => r.kind === refKind).map((r) => r.field);
    if (fields.length === 0) continue;
    const known = knownKeys(log, refKind);
    const wanted = new Set<string>();
    for (const record of records) {
      const source = record as unknown as Record<string, string>;
      for (const field of fields) {
        const id = source[field]!;
        const key = known.get(id);
        if (key === undefined) wanted.add(id);
        else if (key === null) allFound = false;
      }
    }
    if (wanted.size > 0 && !prefetchKeys(sql, owner, refKind, [...wanted], log)) allFound = false;
  }
  return allFound;
}

/**
 * CONFLICT when another record of the owner (not `selfId`) holds one of its identity
 * keys; a person's keys are read from `known` when it has them.
 */
export function checkIdentityFree<K extends RecordKind>(
  sql: Sql,
  owner: string,
  kind: K,
  record: Records[K],
  selfId: string | null,
  known?: PersonKeys,
): void {
  for (const { key, id } of holdersOf(sql, owner, kind, record, known)) {
    if (id !== undefined && id !== selfId) {
      throw conflict(
        identityField(key),
        `another ${SPECS[kind].kind} already has ${key.slice(key.indexOf(":") + 1)}`,
      );
    }
  }
}
