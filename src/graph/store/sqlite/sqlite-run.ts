/** Runs SQL through the store's statement cache and returns plain records. */
import type Database from "better-sqlite3";
import type { RecordKind, Records } from "../../model/kinds.js";
import { fromRaw, selectList, TABLES } from "./sqlite-tables.js";

/**
 * The store's prepared-statement cache (see sqlite-store.ts). Every function
 * of this adapter takes it, as the Neo4j adapter's take a `Tx`, and runs in
 * whatever transaction the store opened around the call.
 */
export type Sql = (source: string) => Database.Statement;

/** The owner's records of `kind` matching `where` (alias `t`); params start with the owner. */
export function select<K extends RecordKind>(
  sql: Sql,
  kind: K,
  where: string,
  params: unknown[],
): Records[K][] {
  const rows = sql(
    `SELECT ${selectList(kind)} FROM ${TABLES[kind]} t WHERE t.owner = ? AND ${where}`,
  )
    .raw()
    .all(...params) as unknown[][];
  return rows.map((row) => fromRaw(kind, row));
}
