/**
 * The checks a write makes before it writes, with the error that names the
 * input field: references point at records the owner has, and identity keys
 * are free. The foreign keys and unique indexes back both up.
 */
import { conflict, notFound } from "../../../errors.js";
import { SPECS, type Inputs, type RecordKind, type Records } from "../../model/kinds.js";
import { identityField, inputFieldOf } from "../record-ops.js";
import type { ChangeLog } from "./sqlite-change-log.js";
import { holdersOf } from "./sqlite-reads.js";
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

/** CONFLICT when another record of the owner (not `selfId`) holds one of its identity keys. */
export function checkIdentityFree<K extends RecordKind>(
  sql: Sql,
  owner: string,
  kind: K,
  record: Records[K],
  selfId: string | null,
): void {
  for (const { key, id } of holdersOf(sql, owner, kind, record)) {
    if (id !== undefined && id !== selfId) {
      throw conflict(
        identityField(key),
        `another ${SPECS[kind].kind} already has ${key.slice(key.indexOf(":") + 1)}`,
      );
    }
  }
}
