/** Runs one statement and returns its rows as plain objects. */
import { isInt, type Record as Neo4jRecord } from "neo4j-driver";

/** A transaction (see neo4j-transact.ts), or the store's runner of lone statements: anything that runs Cypher. */
export interface Tx {
  run(cypher: string, params: Record<string, unknown>): PromiseLike<{ records: Neo4jRecord[] }>;
}
export type Row = Record<string, unknown>;

/**
 * The one place values are converted: the store's own driver returns plain
 * numbers already (`disableLosslessIntegers`), a borrowed driver may return
 * Integer objects for counts and versions (records hold no integers).
 */
export async function rows(
  tx: Tx,
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<Row[]> {
  const result = await tx.run(cypher, params);
  return result.records.map((record) => {
    const row = record.toObject() as Row;
    for (const key in row)
      if (isInt(row[key])) row[key] = (row[key] as { toNumber(): number }).toNumber();
    return row;
  });
}

/** Rows per UNWIND statement in bulk writes: big enough to amortize a round trip, small enough for the heap. */
export const BATCH = 10_000;

/** Runs `each` over `items` in slices of `BATCH`, one statement per slice. */
export async function inBatches<T>(
  items: readonly T[],
  each: (slice: T[]) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH) await each(items.slice(i, i + BATCH));
}
