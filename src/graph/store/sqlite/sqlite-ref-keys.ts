/**
 * The integer keys of the records a write points at, cached per transaction: a bulk import
 * names the same people over and over. A person's key is its `pk`, which a tie's row is keyed
 * on (migration 7); an organization's is its rowid, used only to say that it exists.
 */
import type { ChangeLog } from "./sqlite-change-log.js";
import type { Sql } from "./sqlite-run.js";
import { TABLES } from "./sqlite-tables.js";

export type RefKind = "person" | "organization";

const KEY_COLUMN: { readonly [K in RefKind]: string } = { person: "pk", organization: "rowid" };

export const knownKeys = (log: ChangeLog, kind: RefKind): Map<string, number | null> =>
  kind === "person" ? log.knownPeople : log.knownOrganizations;

/** The key of the owner's `kind` record `id`, or null when the owner has none. */
export function refKey(sql: Sql, owner: string, kind: RefKind, id: string, log: ChangeLog) {
  const known = knownKeys(log, kind);
  let key = known.get(id);
  if (key === undefined) {
    key = (sql(`SELECT ${KEY_COLUMN[kind]} FROM ${TABLES[kind]} WHERE owner = ? AND id = ?`)
      .pluck()
      .get(owner, id) ?? null) as number | null;
    known.set(id, key);
  }
  return key;
}

/**
 * Reads the keys of `ids` in one statement into the cache; false when one of them is missing.
 */
export function prefetchKeys(
  sql: Sql,
  owner: string,
  kind: RefKind,
  ids: readonly string[],
  log: ChangeLog,
): boolean {
  const known = knownKeys(log, kind);
  const rows = sql(
    `SELECT id, ${KEY_COLUMN[kind]} FROM ${TABLES[kind]} WHERE owner = ? AND id IN (SELECT value FROM json_each(?))`,
  )
    .raw()
    .all(owner, JSON.stringify(ids)) as [string, number][];
  for (const id of ids) known.set(id, null);
  for (const [id, key] of rows) known.set(id, key);
  return rows.length === ids.length;
}
