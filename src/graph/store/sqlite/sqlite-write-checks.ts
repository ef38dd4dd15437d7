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
import { TABLES } from "./sqlite-tables.js";

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
    // Cached per transaction: a bulk import points at the same people over and over.
    const known = ref.kind === "person" ? log.knownPeople : log.knownOrganizations;
    let exists = known.get(id);
    if (exists === undefined) {
      exists =
        sql(`SELECT 1 FROM ${TABLES[ref.kind]} WHERE owner = ? AND id = ?`).get(owner, id) !==
        undefined;
      known.set(id, exists);
    }
    if (!exists) throw notFound(ref.kind, id, inputFieldOf(kind, input, id, ref.field));
  }
}

/**
 * Reads, in one statement per referenced kind, which of the records a batch points at
 * exist, into the transaction's cache that `checkRefs` reads first. True when every
 * reference of every record exists: `checkRefs` would then pass each of them, and a
 * bulk write skips it (two cache look-ups a tie).
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
    const known = refKind === "person" ? log.knownPeople : log.knownOrganizations;
    const wanted = new Set<string>();
    for (const record of records) {
      const source = record as unknown as Record<string, string>;
      for (const field of fields) {
        const id = source[field]!;
        const exists = known.get(id);
        if (exists === undefined) wanted.add(id);
        else if (!exists) allFound = false;
      }
    }
    if (wanted.size === 0) continue;
    const ids = [...wanted];
    const found = sql(
      `SELECT id FROM ${TABLES[refKind]} WHERE owner = ? AND id IN (SELECT value FROM json_each(?))`,
    )
      .pluck()
      .all(owner, JSON.stringify(ids)) as string[];
    if (found.length !== ids.length) allFound = false;
    for (const id of ids) known.set(id, false);
    for (const id of found) known.set(id, true);
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
