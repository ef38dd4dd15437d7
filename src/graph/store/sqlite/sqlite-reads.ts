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
  fromRaw,
  IDENTITY_COLUMNS,
  identityValues,
  refMatches,
  listOrder,
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

/**
 * The holders of a batch's person identity keys, read in one statement: key to
 * person id, or null for a key nobody holds. A bulk write keeps it current as it
 * writes, and reads holders from it instead of one statement per key.
 */
export type PersonKeys = Map<string, string | null>;

export function personKeysOf(sql: Sql, owner: string, keys: readonly string[]): PersonKeys {
  const held = sql(
    `SELECT key, person_id FROM person_identity
     WHERE owner = ? AND key IN (SELECT value FROM json_each(?))`,
  )
    .raw()
    .all(owner, JSON.stringify(keys)) as [string, string][];
  const holders: PersonKeys = new Map(keys.map((k) => [k, null]));
  for (const [key, id] of held) holders.set(key, id);
  return holders;
}

/**
 * The ids of the owner's records sharing an identity key with `record`, key by
 * key; a person's keys come from `known` when it has them.
 */
export function holdersOf<K extends RecordKind>(
  sql: Sql,
  owner: string,
  kind: K,
  record: Records[K],
  known?: PersonKeys,
): { key: string; id: string | undefined }[] {
  const keys = identityKeys(kind, record);
  if (kind === "person") {
    return keys.map((key) => {
      const cached = known?.get(key);
      return {
        key,
        id: cached === undefined ? personByKey(sql, owner, key) : (cached ?? undefined),
      };
    });
  }
  const columns = IDENTITY_COLUMNS[kind];
  if (!columns || keys.length === 0) return [];
  const same = columns.map((c) => refMatches(TABLES[kind], c, "=", "?")).join(" AND ");
  const id = sql(`SELECT id FROM ${TABLES[kind]} WHERE owner = ? AND ${same}`)
    .pluck()
    .get(owner, ...identityValues(kind, record)) as string | undefined;
  return [{ key: keys[0]!, id }];
}

const REFS_QUERIES = new Map<string, string>();

/**
 * The SQL of `recordsByRefs`: one indexed look-up per reference column, their rowids
 * united, then the rows read by rowid and sorted. A single `a IN (...) OR b IN (...)`
 * lets SQLite walk the owner's whole list index instead (every tie of the owner), since
 * that one also yields the rows in list order.
 */
export function refsQuery(kind: RecordKind, fields: readonly string[]): string {
  const key = `${kind}:${fields.join(",")}`;
  let text = REFS_QUERIES.get(key);
  if (text !== undefined) return text;
  const direction = SPECS[kind].order === "asc" ? "ASC" : "DESC";
  const table = TABLES[kind];
  const lookups = fields
    .map(
      (f) =>
        `SELECT rowid FROM ${table} WHERE owner = @owner AND ${refMatches(table, f, "IN", "(SELECT value FROM json_each(@ids))")}`,
    )
    .join(" UNION ");
  text = `SELECT ${selectList(kind)} FROM ${table} t WHERE t.rowid IN (${lookups})
    ORDER BY ${listOrder(kind, direction)}`;
  REFS_QUERIES.set(key, text);
  return text;
}

/** The records whose `fields` name one of `ids`, in the kind's list order. */
export function recordsByRefs<K extends RecordKind>(
  sql: Sql,
  owner: string,
  kind: K,
  fields: readonly string[],
  ids: readonly string[],
): Records[K][] {
  const rows = sql(refsQuery(kind, fields))
    .raw()
    .all({ owner, ids: JSON.stringify(ids) }) as unknown[][];
  return rows.map((row) => fromRaw(kind, row));
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
  const where = whereOf(kind, filter, owner);
  const base = `FROM ${TABLES[kind]} t WHERE t.owner = ?${where.sql ? ` AND ${where.sql}` : ""}`;
  const asc = SPECS[kind].order === "asc";
  // A tie's sort key is always empty: its position is its id (`listOrder`).
  const byId = kind === "tie";
  const cursorSql = !after
    ? ""
    : ` AND ${byId ? "t.id" : "(t.sort_key, t.id)"} ${asc ? ">" : "<"} ${byId ? "?" : "(?, ?)"}`;
  const cursor = !after ? [] : byId ? [after.id] : [after.key, after.id];
  const order = `ORDER BY ${listOrder(kind, asc ? "ASC" : "DESC")}`;
  const rows = sql(`SELECT ${selectList(kind)} ${base}${cursorSql} ${order} LIMIT ?`)
    .raw()
    .all(owner, ...where.params, ...cursor, first + 1) as unknown[][];
  const connection = toConnection(
    rows.map((row) => fromRaw(kind, row)),
    first,
    0,
    (r) => positionOf(kind, r),
  );
  // Counted when first read, not with the page: counting reads every matching row, so a page
  // of a million-row list (a GraphQL query that does not ask for totalCount) would otherwise
  // cost as much as the whole list.
  let total: number | undefined;
  Object.defineProperty(connection, "totalCount", {
    enumerable: true,
    configurable: true,
    get: () =>
      (total ??= sql(`SELECT count(*) ${base}`)
        .pluck()
        .get(owner, ...where.params) as number),
  });
  return connection;
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
