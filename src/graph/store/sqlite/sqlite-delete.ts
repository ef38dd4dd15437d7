/**
 * Deleting a record and, for people and organizations, every record that
 * references it (the specs' cascading refs), logging each deleted id per kind.
 */
import type { RecordKind } from "../../model/kinds.js";
import { dependentsOf } from "../store-rules.js";
import type { ChangeLog } from "./sqlite-change-log.js";
import type { Sql } from "./sqlite-run.js";
import { refMatches, TABLES } from "./sqlite-tables.js";

/** Deletes a record the caller found (inside its write transaction) with its dependents. */
export function deleteWithDependents(
  sql: Sql,
  owner: string,
  kind: RecordKind,
  id: string,
  log: ChangeLog,
): void {
  // The foreign keys cascade the delete (a person's pooling override in contact_sharing too);
  // the ids are read first for the change feed.
  for (const { kind: dependent, fields } of dependentsOf(kind)) {
    const where = fields.map((f) => refMatches(TABLES[dependent], f, "=", "?")).join(" OR ");
    const ids = sql(`SELECT id FROM ${TABLES[dependent]} WHERE owner = ? AND (${where})`)
      .pluck()
      .all(owner, ...fields.map(() => id)) as string[];
    log.add(dependent, "delete", ids);
  }
  sql(`DELETE FROM ${TABLES[kind]} WHERE owner = ? AND id = ?`).run(owner, id);
  log.add(kind, "delete", [id]);
}
