/**
 * The folded copies of name and title (neo4j-records.ts FOLDED_FIELDS) for records written
 * before the copies existed: read in batches, folded in JavaScript (Cypher cannot), written
 * back. Finding the records without copies scans every node of a label (no index answers
 * IS NULL), a second or more at a million people, so a finished backfill leaves a marker node
 * and a start that finds it does nothing: this version writes the copies with every record.
 */
import { int } from "neo4j-driver";
import type { RecordKind } from "../../model/kinds.js";
import { foldText } from "../../model/fold-text.js";
import { LAYOUT } from "./neo4j-layout.js";
import { FOLDED_FIELDS, foldedProp } from "./neo4j-records.js";
import { rows, type Tx } from "./neo4j-run.js";

const BACKFILL_BATCH = 5_000;

/** The marker a finished backfill leaves (one node: finding it is a label lookup, not a scan). */
export const FOLD_BACKFILL_MARKER = { label: "WarmpathMigration", id: "name-folds" } as const;

/** Adds the missing folded copies, one write transaction per batch, unless a backfill has finished. */
export async function backfillFolds(
  writeTx: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>,
): Promise<void> {
  const marker = `(m:${FOLD_BACKFILL_MARKER.label} {id: $id})`;
  const { id } = FOLD_BACKFILL_MARKER;
  const finished = await writeTx((tx) => rows(tx, `MATCH ${marker} RETURN m.id AS id`, { id }));
  if (finished.length > 0) return;
  for (const [kind, fields] of Object.entries(FOLDED_FIELDS) as [RecordKind, string[]][]) {
    const layout = LAYOUT[kind];
    if (layout.form !== "node") continue;
    const returned = fields.map((f) => `n.\`${f}\` AS \`${f}\``).join(", ");
    for (;;) {
      const done = await writeTx(async (tx) => {
        const found = await rows(
          tx,
          `MATCH (n:${layout.label}) WHERE n.nameFold IS NULL AND n.name IS NOT NULL
           RETURN n.id AS id, ${returned} LIMIT $limit`,
          { limit: int(BACKFILL_BATCH) },
        );
        const folded = found.map((row) => ({
          id: row.id,
          props: Object.fromEntries(
            fields.map((f) => [
              foldedProp(f),
              typeof row[f] === "string" ? foldText(row[f]) : null,
            ]),
          ),
        }));
        await rows(
          tx,
          `UNWIND $rows AS row MATCH (n:${layout.label} {id: row.id}) SET n += row.props`,
          { rows: folded },
        );
        return found.length < BACKFILL_BATCH;
      });
      if (done) break;
    }
  }
  await writeTx((tx) => rows(tx, `MERGE ${marker} SET m.at = datetime()`, { id }));
}
