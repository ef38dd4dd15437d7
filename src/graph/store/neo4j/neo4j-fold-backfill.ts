/**
 * The folded copies of name and title (neo4j-records.ts FOLDED_FIELDS) for records written
 * before the copies existed: read in batches, folded in JavaScript (Cypher cannot), written
 * back. A record that has its copy is never read again, so after the first start this is one
 * index-free check per label that finds nothing.
 */
import { int } from "neo4j-driver";
import type { RecordKind } from "../../model/kinds.js";
import { foldText } from "../../model/fold-text.js";
import { LAYOUT } from "./neo4j-layout.js";
import { FOLDED_FIELDS, foldedProp } from "./neo4j-records.js";
import { rows, type Tx } from "./neo4j-run.js";

const BACKFILL_BATCH = 5_000;

/** Adds the missing folded copies, one write transaction per batch. */
export async function backfillFolds(
  writeTx: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>,
): Promise<void> {
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
}
