/**
 * An import batch's view read without writing (see `NetworkStore.readImportView`):
 * the same records `importBatch` plans against, for a dry run.
 */
import type { ImportScope, ImportView } from "../import-batch.js";
import { importView } from "./neo4j-import-batch.js";
import { requireOwner } from "./neo4j-reads.js";
import type { Tx } from "./neo4j-run.js";

/** The view of `scope`; NOT_FOUND for an unknown owner. Run it in one read transaction. */
export async function readImportView(
  tx: Tx,
  owner: string,
  scope: ImportScope,
): Promise<ImportView> {
  const { selfId } = await requireOwner(tx, owner);
  return importView(tx, owner, selfId, scope);
}
