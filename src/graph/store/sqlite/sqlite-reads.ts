/** Read statements, each run inside a caller's transaction or alone, returning plain records. */
import { notFound } from "../../../errors.js";
import { SPECS, type Filters, type RecordKind, type Records } from "../../model/kinds.js";
import type { Person } from "../../model/person.js";
import type { ChangeEntry } from "../change-set.js";
import { readPageArgs, toConnection, type Connection, type PageArgs } from "../page.js";
import { checkOwnerId, identityKeys, positionOf } from "../record-ops.js";
import { whereOf } from "./sqlite-filters.js";
import { select, type Sql } from "./sqlite-run.js";
import {
  column,
  fromRaw,
  IDENTITY_COLUMNS,
  identityValues,
  selectList,
  TABLES,
} from "./sqlite-tables.js";

export interface OwnerRow {
  id: string;
  self_id: string | null;
  version: number;
}

/** The owner's row, or undefined for an unknown owner. */
export function ownerRow(sql: Sql, owner: string): OwnerRow | undefined {
  return sql("SELECT id, self_id, version FROM owner WHERE id = ?").get(owner) as
    OwnerRow | undefined;
}

/** The owner's row; NOT_FOUND for an unknown owner. */
export function requireOwner(sql: Sql, owner: string): OwnerRow {
  checkOwnerId(owner);
  const row = ownerRow(sql, owner);
  if (!row) throw notFound("owner", owner);
  return row;
}

/** One record; NOT_FOUND when the owner has no such record. */
export function mustGet<K extends RecordKind>(
  sql: Sql,
  owner: string,
  kind: K,
  id: string,
): Records[K] {
  const [record] = select(sql, kind, "t.id = ?", [owner, id]);
  if (!record) throw notFound(SPECS[kind].kind, id);
  return record;
}

/** The records with these ids that the owner has, by id. */
export function recordsByIds<K extends RecordKind>(
  sql: Sql,
  owner: string,
  kind: K,
  ids: readonly string[],
): Map<string, Records[K]> {
  const records = select(sql, kind, "t.id IN (SELECT value FROM json_each(?))", [
    owner,
    JSON.stringify(ids),
  ]);
  return new Map(records.map((r) => [r.id, r]));
}

/** The id of the person holding an identity key (`email:...`, `url:...`). */
export function personByKey(sql: Sql, owner: string, key: string): string | undefined {
  return sql("SELECT person_id FROM person_identity WHERE owner = ? AND key = ?")
    .pluck()
    .get(owner, key) as string | undefined;
}

/** The people with this name key, by id. */
export function peopleByNameKey(sql: Sql, owner: string, nameKey: string): Person[] {
  return select(sql, "person", "t.sort_key = ? ORDER BY t.id", [owner, nameKey]);
}

/** The ids of the owner's records sharing an identity key with `record`, key by key. */
export function holdersOf<K extends RecordKind>(
  sql: Sql,
  owner: string,
  kind: K,
  record: Records[K],
): { key: string; id: string | undefined }[] {
  const keys = identityKeys(kind, record);
  if (kind === "person") return keys.map((key) => ({ key, id: personByKey(sql, owner, key) }));
  const columns = IDENTITY_COLUMNS[kind];
  if (!columns || keys.length === 0) return [];
  const same = columns.map((c) => `${c} = ?`).join(" AND ");
  const id = sql(`SELECT id FROM ${TABLES[kind]} WHERE owner = ? AND ${same}`)
    .pluck()
    .get(owner, ...identityValues(kind, record)) as string | undefined;
  return [{ key: keys[0]!, id }];
}

/** The records whose `fields` name one of `ids`, in the kind's list order. */
export function recordsByRefs<K extends RecordKind>(
  sql: Sql,
  owner: string,
  kind: K,
  fields: readonly string[],
  ids: readonly string[],
): Records[K][] {
  const direction = SPECS[kind].order === "asc" ? "ASC" : "DESC";
  const json = JSON.stringify(ids);
  const where = fields
    .map((f) => `t.${column(f)} IN (SELECT value FROM json_each(?))`)
    .join(" OR ");
  return select(sql, kind, `(${where}) ORDER BY t.sort_key ${direction}, t.id ${direction}`, [
    owner,
    ...fields.map(() => json),
  ]);
}

/** One page of the owner's records of `kind` matching `filter`, with the total count. */
export function listRecords<K extends RecordKind>(
  sql: Sql,
  owner: string,
  kind: K,
  filter?: Filters[K],
  page?: PageArgs,
): Connection<Records[K]> {
  const { first, after } = readPageArgs(page);
  const where = whereOf(kind, filter);
  const base = `FROM ${TABLES[kind]} t WHERE t.owner = ?${where.sql ? ` AND ${where.sql}` : ""}`;
  const total = sql(`SELECT count(*) ${base}`)
    .pluck()
    .get(owner, ...where.params) as number;
  const asc = SPECS[kind].order === "asc";
  const cursorSql = after ? ` AND (t.sort_key, t.id) ${asc ? ">" : "<"} (?, ?)` : "";
  const direction = asc ? "ASC" : "DESC";
  const order = `ORDER BY t.sort_key ${direction}, t.id ${direction}`;
  const rows = sql(`SELECT ${selectList(kind)} ${base}${cursorSql} ${order} LIMIT ?`)
    .raw()
    .all(owner, ...where.params, ...(after ? [after.key, after.id] : []), first + 1) as unknown[][];
  return toConnection(
    rows.map((row) => fromRaw(kind, row)),
    first,
    total,
    (r) => positionOf(kind, r),
  );
}

/** The owner's change entries after `version`, oldest first. */
export function changesAfter(sql: Sql, owner: string, version: number): ChangeEntry[] {
  type ChangeRow = { version: number; kind: RecordKind; op: ChangeEntry["op"]; ids: string };
  const rows = sql(
    `SELECT version, kind, op, ids FROM change
     WHERE owner = ? AND version > ? ORDER BY version, rowid`,
  ).all(owner, version) as ChangeRow[];
  return rows.map((r) => ({
    version: r.version,
    kind: r.kind,
    op: r.op,
    ids: JSON.parse(r.ids) as string[],
  }));
}
