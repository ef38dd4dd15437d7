/**
 * Whole-network and neighborhood reads for the in-memory projection. Each
 * runs inside one read transaction, so the parts agree with one version.
 * Each record is read with one `properties(n)`, which walks its property
 * chain once; reading the fields one by one walks it once per field, and
 * that was 1.6x slower over 200,000 ties on Neo4j 5.26 (the C1-only test JVM).
 * The whole network streams each record as a compact row: a list of the values
 * a record needs (neo4j-records.ts `recordColumns`), without property names.
 * Ties streamed as rows (`onTie`) are handed over once the transaction has
 * committed: `work` may run again on a transient failure, and the caller must
 * not see a tie twice.
 */
import { notFound } from "../../../errors.js";
import type { RecordKind, Records } from "../../model/kinds.js";
import type { NetworkSnapshot } from "../network-snapshot.js";
import { TIE_ROW_FIELDS, tieRowReader, type TieRow } from "../tie-row.js";
import { patternOf } from "./neo4j-layout.js";
import { fromColumns, fromProps, recordColumns, type Props } from "./neo4j-records.js";
import { seekOn, type OwnerState } from "./neo4j-reads.js";
import { rows, type Tx } from "./neo4j-run.js";

/** A whole-network read whose ties are kept as the driver's rows, to be streamed after commit. */
export interface NetworkRead {
  snapshot: NetworkSnapshot;
  /** Each tie's values in TIE_ROW_FIELDS order (null when streaming was not asked for). */
  tieValues: unknown[][] | null;
}

async function recordsWhere<K extends RecordKind>(
  tx: Tx,
  kind: K,
  where: string,
  params: Record<string, unknown>,
): Promise<Records[K][]> {
  const found = await rows(
    tx,
    `MATCH ${patternOf(kind)} WHERE ${where} RETURN properties(n) AS p`,
    params,
  );
  return found.map((row) => fromProps(kind, row.p as Props));
}

/** The owner's records of a kind as value lists of `names`, read by the (owner, sortKey) index. */
async function ownerValueLists(
  tx: Tx,
  kind: RecordKind,
  owner: string,
  names: readonly string[],
): Promise<unknown[][]> {
  const values = names.map((name) => `p.\`${name}\``).join(", ");
  // `sortKey IS NOT NULL` (always true) lets the planner seek the (owner, sortKey) index.
  const found = await tx.run(
    `MATCH ${patternOf(kind)} ${seekOn(kind, "owner, sortKey")}
     WHERE n.owner = $owner AND n.sortKey IS NOT NULL
     WITH properties(n) AS p RETURN [${values}] AS r`,
    { owner },
  );
  return found.records.map((record) => record.get(0) as unknown[]);
}

/** The owner's records of a kind, read as compact rows. */
async function ownerRecords<K extends RecordKind>(
  tx: Tx,
  kind: K,
  owner: string,
): Promise<Records[K][]> {
  const lists = await ownerValueLists(tx, kind, owner, recordColumns(kind));
  return lists.map((values) => fromColumns(kind, owner, values));
}

/**
 * The owner's whole graph; with `streamTies`, the ties are kept as value lists (`tieValues`,
 * for `emitTieRows` after commit) and the snapshot's `ties` is empty.
 */
export async function readNetwork(
  tx: Tx,
  owner: string,
  state: OwnerState,
  streamTies = false,
): Promise<NetworkRead> {
  const people = await ownerRecords(tx, "person", owner);
  const organizations = await ownerRecords(tx, "organization", owner);
  const tieValues = streamTies ? await ownerValueLists(tx, "tie", owner, TIE_ROW_FIELDS) : null;
  const ties = streamTies ? [] : await ownerRecords(tx, "tie", owner);
  const snapshot: NetworkSnapshot = {
    version: state.version,
    selfId: state.selfId,
    people,
    organizations,
    ties,
    employments: await ownerRecords(tx, "employment", owner),
    memberships: await ownerRecords(tx, "membership", owner),
  };
  return { snapshot, tieValues };
}

/** What a handed-over list is replaced by. */
const NONE: unknown[] = [];

/** Hands each tie's values to `onTie` as a row, letting go of each list once handed over. */
export function emitTieRows(tieValues: unknown[][], onTie: (row: TieRow) => void): void {
  const read = tieRowReader();
  for (let i = 0; i < tieValues.length; i++) {
    const values = tieValues[i]!;
    tieValues[i] = NONE;
    onTie(read(values));
  }
}

/** The people within `depth` KNOWS hops of a person, breadth first, one statement per hop. */
async function reach(tx: Tx, start: string, depth: number): Promise<string[]> {
  const seen = new Set([start]);
  let frontier = [start];
  for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
    const found = await rows(
      tx,
      "UNWIND $ids AS id MATCH (:Person {id: id})-[:KNOWS]-(q:Person) RETURN DISTINCT q.id AS id",
      {
        ids: frontier,
      },
    );
    frontier = found.map((row) => String(row.id)).filter((id) => !seen.has(id));
    for (const id of frontier) seen.add(id);
  }
  return [...seen];
}

/** People within `depth` ties of `personId` (checked by the caller), the ties among them, their jobs and groups, and those organizations. */
export async function readNeighborhood(
  tx: Tx,
  owner: string,
  state: OwnerState,
  personId: string,
  depth: number,
): Promise<NetworkSnapshot> {
  const [start] = await rows(
    tx,
    "MATCH (p:Person {id: $id}) WHERE p.owner = $owner RETURN p.id AS id",
    { owner, id: personId },
  );
  if (!start) throw notFound("person", personId);
  const ids = await reach(tx, personId, depth);
  const params = { owner, ids };
  const employments = await recordsWhere(tx, "employment", "s.id IN $ids", params);
  const memberships = await recordsWhere(tx, "membership", "s.id IN $ids", params);
  const orgIds = [...new Set([...employments, ...memberships].map((r) => r.organizationId))];
  return {
    version: state.version,
    selfId: state.selfId,
    people: await recordsWhere(tx, "person", "n.id IN $ids", params),
    organizations: await recordsWhere(tx, "organization", "n.id IN $orgIds", { orgIds }),
    ties: await recordsWhere(tx, "tie", "s.id IN $ids AND e.id IN $ids", params),
    employments,
    memberships,
  };
}
