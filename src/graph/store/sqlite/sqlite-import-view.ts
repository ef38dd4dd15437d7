/**
 * An import batch's view read without writing (see `NetworkStore.readImportView`):
 * the same records `importBatch` plans against, for a dry run.
 */
import type { ImportScope, ImportView } from "../import-batch.js";
import { importView } from "./sqlite-import-batch.js";
import { requireOwner } from "./sqlite-reads.js";
import type { Sql } from "./sqlite-run.js";

/** The view of `scope`; NOT_FOUND for an unknown owner. Run it in one read transaction. */
export function readImportView(sql: Sql, owner: string, scope: ImportScope): ImportView {
  requireOwner(sql, owner);
  return importView(sql, owner, scope);
}
