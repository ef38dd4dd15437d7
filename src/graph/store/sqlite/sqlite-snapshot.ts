/**
 * Whole-network and neighborhood reads for the in-memory projection. Each
 * runs inside one read transaction of the store: in WAL mode it sees a single
 * consistent snapshot, so the parts agree with one version.
 */
import { invariant } from "../../../errors.js";
import type { RecordKind, Records } from "../../model/kinds.js";
import type { Person } from "../../model/person.js";
import type { NetworkSnapshot } from "../network-snapshot.js";
import { TIE_ROW_FIELDS, tieRowReader, type TieRow } from "../tie-row.js";
import { mustGet, type OwnerRow } from "./sqlite-reads.js";
import { select, type Sql } from "./sqlite-run.js";
import {
  EMPLOYMENT_ROWS,
  MEMBERSHIP_ROWS,
  ORGANIZATION_ROWS,
  PERSON_ROWS,
  TIE_ROW_COLUMNS,
  TIE_ROWS,
  type NetworkRows,
} from "./sqlite-network-rows.js";
import { listOrder, refMatches, TABLES } from "./sqlite-tables.js";

/**
 * Every kind is read in its list order (`listOrder`), the order the Neo4j adapter
 * reads too: the projection numbers people and lays out ties in the order they
 * come, and that numbering settles which of two equally warm paths is listed
 * first, so both stores must give one order. (A scan in storage order reads a big
 * file faster, but changed that order; it waits for a tiebreak that does not
 * depend on it.)
 */

/**
 * The owner's records of one kind, streamed: each raw row dies young once its
 * record is built, where `all()` would keep every row until the last.
 */
function ownedRecords<R>(sql: Sql, kind: RecordKind, rows: NetworkRows<R>, owner: string): R[] {
  const read = rows.scan(owner);
  const records: R[] = [];
  const statement = sql(
    `SELECT ${rows.columns} FROM ${TABLES[kind]} t WHERE t.owner = ? ORDER BY ${listOrder(kind)}`,
  ).raw();
  for (const row of statement.iterate(owner) as IterableIterator<unknown[]>) {
    records.push(read(row));
  }
  return records;
}

/** Where a tie row holds its ends (TIE_ROW_COLUMNS reads them as the people's keys). */
const ENDS = [TIE_ROW_FIELDS.indexOf("personA"), TIE_ROW_FIELDS.indexOf("personB")];

/** A person's id by their key (`pk`), or undefined for a key that is not one of the people. */
export type IdOfKey = (key: number) => string | undefined;

/**
 * Each person's id by their key, from the records just read in the same read transaction: a
 * tie row's ends are keys, and naming them with these strings makes no string for each of ten
 * million ties' twenty million ends (and hashes each person's id once). The ids sit in an array
 * from the smallest key: an owner's keys are mostly consecutive, and an array index is cheaper
 * than a map look-up, twenty million times.
 */
export function personIdsByKey(sql: Sql, owner: string, people: readonly Person[]): IdOfKey {
  // The people's keys in their list order, the order their records were read in, so the i-th
  // key is the i-th record's.
  const keys = sql(`SELECT t.pk FROM person t WHERE t.owner = ? ORDER BY ${listOrder("person")}`)
    .pluck()
    .all(owner) as number[];
  invariant(keys.length === people.length, "the people changed within one read transaction");
  let [low, high] = [Infinity, -Infinity];
  for (const key of keys) [low, high] = [Math.min(low, key), Math.max(high, key)];
  const ids: (string | undefined)[] = new Array<string | undefined>(
    keys.length === 0 ? 0 : high - low + 1,
  ).fill(undefined);
  keys.forEach((key, i) => (ids[key - low] = people[i]!.id));
  return (key) => ids[key - low];
}

/** The owner's ties, in their list order, each handed to `onTie` as a reused row. */
function streamTies(sql: Sql, owner: string, idOf: IdOfKey, onTie: (row: TieRow) => void): void {
  const read = tieRowReader();
  const statement = sql(
    `SELECT ${TIE_ROW_COLUMNS} FROM tie t WHERE t.owner = ? ORDER BY ${listOrder("tie")}`,
  ).raw();
  for (const row of statement.iterate(owner) as IterableIterator<unknown[]>) {
    for (const end of ENDS) {
      const id = idOf(row[end] as number);
      invariant(id !== undefined, "a tie's end is one of its owner's people");
      row[end] = id;
    }
    onTie(read(row));
  }
}

/** The owner's network but its ties (`ties` is empty), in one read transaction. */
export function readNetworkBesideTies(sql: Sql, owner: string, state: OwnerRow): NetworkSnapshot {
  return {
    version: state.version,
    selfId: String(state.self_id),
    people: ownedRecords(sql, "person", PERSON_ROWS, owner),
    organizations: ownedRecords(sql, "organization", ORGANIZATION_ROWS, owner),
    ties: [],
    employments: ownedRecords(sql, "employment", EMPLOYMENT_ROWS, owner),
    memberships: ownedRecords(sql, "membership", MEMBERSHIP_ROWS, owner),
  };
}

/** The owner's whole graph; with `onTie`, the ties go to it as rows and `ties` is empty. */
export function readNetwork(
  sql: Sql,
  owner: string,
  state: OwnerRow,
  onTie?: (row: TieRow) => void,
): NetworkSnapshot {
  const network = readNetworkBesideTies(sql, owner, state);
  if (onTie) streamTies(sql, owner, personIdsByKey(sql, owner, network.people), onTie);
  else network.ties = ownedRecords(sql, "tie", TIE_ROWS, owner);
  return network;
}

/**
 * People within `depth` ties of `personId` (NOT_FOUND if none), the ties among
 * them, their jobs and groups, and those organizations.
 */
export function readNeighborhood(
  sql: Sql,
  owner: string,
  state: OwnerRow,
  personId: string,
  depth: number,
): NetworkSnapshot {
  mustGet(sql, owner, "person", personId);
  const tiesOf = (id: string) =>
    select(
      sql,
      "tie",
      `(${refMatches("t", "personA", "=", "?")} OR ${refMatches("t", "personB", "=", "?")})`,
      [owner, id, id],
    );
  const seen = new Set([personId]);
  const ties = new Map<string, Records["tie"]>();
  let frontier = [personId];
  for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const tie of tiesOf(id)) {
        ties.set(tie.id, tie);
        const other = tie.personA === id ? tie.personB : tie.personA;
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  // Ties from the last ring to people already inside also belong to the neighborhood.
  for (const id of frontier) {
    for (const tie of tiesOf(id)) {
      if (seen.has(tie.personA) && seen.has(tie.personB)) ties.set(tie.id, tie);
    }
  }
  const ids = JSON.stringify([...seen]);
  const inList = "t.id IN (SELECT value FROM json_each(?))";
  const byPeople = <K extends "employment" | "membership">(kind: K) =>
    select(sql, kind, "t.person_id IN (SELECT value FROM json_each(?))", [owner, ids]);
  const employments = byPeople("employment");
  const memberships = byPeople("membership");
  const orgIds = JSON.stringify([
    ...new Set([...employments, ...memberships].map((r) => r.organizationId)),
  ]);
  return {
    version: state.version,
    selfId: String(state.self_id),
    people: select(sql, "person", inList, [owner, ids]),
    organizations: select(sql, "organization", inList, [owner, orgIds]),
    ties: [...ties.values()],
    employments,
    memberships,
  };
}
