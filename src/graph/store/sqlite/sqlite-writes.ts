/**
 * Write statements, each run inside the store's IMMEDIATE write transaction
 * (`write` in sqlite-store.ts), so writes serialize even across processes.
 */
import type { RecordKind, Records } from "../../model/kinds.js";
import type { Person } from "../../model/person.js";
import { identityKeys } from "../record-ops.js";
import type { ChangeLog } from "./sqlite-change-log.js";
import type { Sql } from "./sqlite-run.js";
import { columnsOf, IDENTITY_COLUMNS, perKind, TABLES, toRow } from "./sqlite-tables.js";

/** A new owner whose own person is `selfId` (written next, in the same transaction). */
export function insertOwner(sql: Sql, owner: string, selfId: string): void {
  sql("INSERT INTO owner (id, self_id, version) VALUES (?, ?, 0)").run(owner, selfId);
}

/** The INSERT of a whole row of `kind`, its values in `toRow` order. */
const insertSql = perKind((kind) => {
  const columns = columnsOf(kind);
  const values = columns.map(() => "?").join(", ");
  return `INSERT INTO ${TABLES[kind]} (${columns.join(", ")}) VALUES (${values})`;
});

/** The same INSERT, doing nothing when a row with the same identity columns exists. */
const insertIfNewSql = perKind((kind) => {
  const identity = IDENTITY_COLUMNS[kind] ?? [];
  return `${insertSql(kind)} ON CONFLICT (owner, ${identity.join(", ")}) DO NOTHING`;
});

/** The UPDATE of every column but the id, its values in `toRow` order then the id. */
const updateSql = perKind((kind) => {
  const columns = columnsOf(kind).slice(1);
  return `UPDATE ${TABLES[kind]} SET ${columns.map((c) => `${c} = ?`).join(", ")} WHERE id = ?`;
});

/** A new record, and a person's identity keys. */
export function insertRecord<K extends RecordKind>(sql: Sql, kind: K, record: Records[K]): void {
  sql(insertSql(kind)).run(toRow(kind, record));
  if (kind === "person") writeIdentities(sql, record as Person);
}

/**
 * A new record unless one with the same identity columns (`IDENTITY_COLUMNS`) exists; true
 * when inserted. Identities are not written: only kinds without person_identity rows use it.
 */
export function insertIfNew<K extends RecordKind>(sql: Sql, kind: K, record: Records[K]): boolean {
  return sql(insertIfNewSql(kind)).run(toRow(kind, record)).changes === 1;
}

/** Overwrites a stored record with `record`, and a person's identity keys. */
export function updateRecord<K extends RecordKind>(sql: Sql, kind: K, record: Records[K]): void {
  const values = toRow(kind, record);
  values.shift();
  values.push(record.id);
  sql(updateSql(kind)).run(values);
  if (kind === "person") {
    sql("DELETE FROM person_identity WHERE owner = ? AND person_id = ?").run(
      record.ownerId,
      record.id,
    );
    writeIdentities(sql, record as Person);
  }
}

function writeIdentities(sql: Sql, person: Person): void {
  const insert = sql("INSERT INTO person_identity (owner, key, person_id) VALUES (?, ?, ?)");
  for (const key of identityKeys("person", person)) insert.run(person.ownerId, key, person.id);
}

/** Bumps the owner's version once and files the transaction's changes under it, if it made any. */
export function recordChanges(sql: Sql, owner: string, log: ChangeLog): void {
  if (log.touched.size === 0) return;
  const version = sql("UPDATE owner SET version = version + 1 WHERE id = ? RETURNING version")
    .pluck()
    .get(owner) as number;
  const insert = sql("INSERT INTO change (owner, version, kind, op, ids) VALUES (?, ?, ?, ?, ?)");
  for (const entry of log.touched.values()) {
    insert.run(owner, version, entry.kind, entry.op, JSON.stringify(entry.ids));
  }
}
