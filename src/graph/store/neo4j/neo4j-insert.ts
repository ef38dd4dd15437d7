/**
 * Inserts of new records, one UNWIND statement per batch. Rows travel as lists
 * of values in `columnsOf` order, not as maps: a map repeats every property
 * name in every row, and packing those names was the driver's largest cost in
 * a bulk load. Properties are given inline in CREATE, not by `SET n = row`
 * after it, which spares a relationship insert an Eager barrier (the SET could
 * write what its MATCHes read) that holds the whole batch in memory.
 */
import { invariant } from "../../../errors.js";
import type { RecordKind, Records } from "../../model/kinds.js";
import type { Person } from "../../model/person.js";
import { identityKeys } from "../record-ops.js";
import { LAYOUT } from "./neo4j-layout.js";
import { propNames, toProps } from "./neo4j-records.js";
import { inBatches, rows, type Tx } from "./neo4j-run.js";

/** The stored properties sent per row: all but `owner`, which is one parameter for the batch. */
const columnsOf = (kind: RecordKind): string[] => propNames(kind).filter((n) => n !== "owner");

/** A Cypher map of a kind's stored properties read from the list `row`. */
const inlineProps = (kind: RecordKind): string =>
  `{owner: $owner, ${columnsOf(kind)
    .map((name, i) => `\`${name}\`: row[${i}]`)
    .join(", ")}}`;

function rowOf<K extends RecordKind>(kind: K, columns: readonly string[], record: Records[K]) {
  const props = toProps(kind, record);
  return columns.map((name) => props[name]);
}

/**
 * Stores new records and tells whether every reference was found: a relationship
 * and each link are created only between nodes of this owner, found by their
 * unique id (a seek each), so a record whose reference is missing, or is another
 * owner's, is not written and the answer is false. A caller that gets false must
 * fail its transaction, which discards the batches written. People are created
 * with their Identity nodes in the same statement.
 */
export async function insertRecordsFound<K extends RecordKind>(
  tx: Tx,
  owner: string,
  kind: K,
  records: readonly Records[K][],
): Promise<boolean> {
  const layout = LAYOUT[kind];
  const columns = columnsOf(kind);
  let found = true;
  await inBatches(records, async (slice) => {
    if (!found) return;
    const values = slice.map((r) => rowOf(kind, columns, r));
    if (layout.form === "rel") {
      const [from, to] = [columns.indexOf(layout.from.field), columns.indexOf(layout.to.field)];
      const [row] = await rows(
        tx,
        `UNWIND $rows AS row
         MATCH (s:${layout.from.label} {id: row[${from}]}) USING INDEX s:${layout.from.label}(id)
         WHERE s.owner = $owner
         MATCH (e:${layout.to.label} {id: row[${to}]}) USING INDEX e:${layout.to.label}(id)
         WHERE e.owner = $owner
         CREATE (s)-[n:${layout.type} ${inlineProps(kind)}]->(e)
         RETURN count(n) AS created`,
        { owner, rows: values },
      );
      found = Number(row?.created) === slice.length;
      return;
    }
    if (kind === "person") {
      await rows(
        tx,
        `UNWIND $rows AS row CREATE (n:Person ${inlineProps(kind)})
         WITH n, row[${columns.length}] AS keys UNWIND keys AS key
         CREATE (:Identity {owner: $owner, key: key})-[:IDENTIFIES]->(n)`,
        {
          owner,
          rows: slice.map((r, i) => [...values[i]!, identityKeys("person", r as Person)]),
        },
      );
      return;
    }
    await rows(tx, `UNWIND $rows AS row CREATE (n:${layout.label} ${inlineProps(kind)})`, {
      owner,
      rows: values,
    });
    for (const [field, type] of Object.entries(layout.links)) {
      const links = slice.flatMap((r) => {
        const ref = (r as unknown as Record<string, unknown>)[field];
        return ref === null || ref === undefined ? [] : [{ id: r.id, ref }];
      });
      const [row] = await rows(
        tx,
        `UNWIND $rows AS row
         MATCH (n:${layout.label} {id: row.id}) USING INDEX n:${layout.label}(id)
         MATCH (p:Person {id: row.ref}) USING INDEX p:Person(id) WHERE p.owner = $owner
         CREATE (n)-[:${type}]->(p) RETURN count(*) AS created`,
        { owner, rows: links },
      );
      found &&= Number(row?.created) === links.length;
    }
  });
  return found;
}

/** Stores new records whose references the caller checked. */
export async function insertRecords<K extends RecordKind>(
  tx: Tx,
  owner: string,
  kind: K,
  records: readonly Records[K][],
): Promise<void> {
  invariant(
    await insertRecordsFound(tx, owner, kind, records),
    `every new ${kind} finds its references`,
  );
}
