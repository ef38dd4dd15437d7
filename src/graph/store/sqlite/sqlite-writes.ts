/**
 * Write statements, each run inside the store's IMMEDIATE write transaction
 * (`write` in sqlite-store.ts), so writes serialize even across processes.
 */
import type { RecordKind, Records } from "../../model/kinds.js";
import type { Person } from "../../model/person.js";
import { identityKeys } from "../record-ops.js";
import { notFound } from "../../../errors.js";
import type { ChangeLog } from "./sqlite-change-log.js";
import { refKey } from "./sqlite-ref-keys.js";
import type { Sql } from "./sqlite-run.js";
import { columnsOf, conflictTarget, perKind, TABLES, toRow } from "./sqlite-tables.js";

/** A new owner whose own person is `selfId` (written next, in the same transaction). */
export function insertOwner(sql: Sql, owner: string, selfId: string): void {
  sql("INSERT INTO owner (id, self_id, version) VALUES (?, ?, 0)").run(owner, selfId);
}

/**
 * `toRow`'s values, then a tie's ends' keys, from the transaction's cache that the reference
 * checks filled (or one look-up each). An end the owner does not have is refused as missing,
 * before SQLite's NOT NULL would refuse it less clearly.
 */
function rowValues<K extends RecordKind>(
  sql: Sql,
  kind: K,
  record: Records[K],
  log: ChangeLog,
): unknown[] {
  const values = toRow(kind, record);
  if (kind === "tie") {
    const tie = record as Records["tie"];
    values.push(endKey(sql, tie, "personA", log), endKey(sql, tie, "personB", log));
  }
  return values;
}

function endKey(sql: Sql, tie: Records["tie"], end: "personA" | "personB", log: ChangeLog) {
  const key = refKey(sql, tie.ownerId, "person", tie[end], log);
  if (key === null) throw notFound("person", tie[end], end);
  return key;
}

/**
 * The INSERT of a whole row of `kind`, its values in `rowValues` order: a tie's ends' keys
 * after its fields (migration 7). A new person's key is its rowid, which SQLite picks.
 */
const insertSql = perKind((kind) => {
  const columns = [...columnsOf(kind), ...(kind === "tie" ? ["a_pk", "b_pk"] : [])];
  return `INSERT INTO ${TABLES[kind]} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`;
});

/** The same INSERT, doing nothing when a row with the same identity exists. */
export const insertIfNewSql = perKind(
  (kind) => `${insertSql(kind)} ON CONFLICT (${conflictTarget(kind)}) DO NOTHING`,
);

/**
 * The UPDATE of every column but the id, its values in `toRow` order then the owner and id.
 * The keys stay: a person keeps its key, and a tie's ends never change.
 */
const updateSql = perKind((kind) => {
  const set = columnsOf(kind)
    .slice(1)
    .map((c) => `${c} = ?`);
  return `UPDATE ${TABLES[kind]} SET ${set.join(", ")} WHERE owner = ? AND id = ?`;
});

/** A new record, and a person's identity keys. */
export function insertRecord<K extends RecordKind>(
  sql: Sql,
  kind: K,
  record: Records[K],
  log: ChangeLog,
): void {
  sql(insertSql(kind)).run(rowValues(sql, kind, record, log));
  if (kind === "person") writeIdentities(sql, record as Person);
}

/**
 * A new record unless one with the same identity (`conflictTarget`) exists; true
 * when inserted. Identities are not written: only kinds without person_identity rows use it.
 */
export function insertIfNew<K extends RecordKind>(
  sql: Sql,
  kind: K,
  record: Records[K],
  log: ChangeLog,
): boolean {
  return sql(insertIfNewSql(kind)).run(rowValues(sql, kind, record, log)).changes === 1;
}

/** Overwrites a stored record with `record`, and a person's identity keys. */
export function updateRecord<K extends RecordKind>(sql: Sql, kind: K, record: Records[K]): void {
  const values = toRow(kind, record);
  values.shift();
  values.push(record.ownerId, record.id);
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
