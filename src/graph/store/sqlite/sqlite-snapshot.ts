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
const A = TIE_ROW_FIELDS.indexOf("personA");
const B = TIE_ROW_FIELDS.indexOf("personB");

/**
 * The owner's ties, each handed to `onTie` as a reused row straight from the raw row. Each end
 * comes as its person's key and is named with the id string of the person's record already
 * read: ten million ties then make no string for their twenty million ends (and the reader
 * hashes each person's id once, not once per tie).
 */
function streamTies(
  sql: Sql,
  owner: string,
  people: readonly Person[],
  onTie: (row: TieRow) => void,
): [] {
  // The people's keys in their list order, the order their records were read in (one read
  // transaction), so the i-th key is the i-th record's.
  const keys = sql(
    `SELECT t.pk FROM person t WHERE t.owner = ? ORDER BY ${listOrder("person")}`,
  ).pluck();
  const idOf = new Map<number, string>();
  let i = 0;
  for (const key of keys.iterate(owner) as IterableIterator<number>) idOf.set(key, people[i++]!.id);
  invariant(i === people.length, "the people changed within one read transaction");
  const read = tieRowReader();
  const statement = sql(
    `SELECT ${TIE_ROW_COLUMNS} FROM tie t WHERE t.owner = ? ORDER BY ${listOrder("tie")}`,
  ).raw();
  for (const row of statement.iterate(owner) as IterableIterator<unknown[]>) {
    const a = idOf.get(row[A] as number);
    const b = idOf.get(row[B] as number);
    invariant(a !== undefined && b !== undefined, "a tie's end is one of its owner's people");
    row[A] = a;
    row[B] = b;
    onTie(read(row));
  }
  return [];
}

/** The owner's whole graph; with `onTie`, the ties go to it as rows and `ties` is empty. */
export function readNetwork(
  sql: Sql,
  owner: string,
  state: OwnerRow,
  onTie?: (row: TieRow) => void,
): NetworkSnapshot {
  const people = ownedRecords(sql, "person", PERSON_ROWS, owner);
  return {
    version: state.version,
    selfId: String(state.self_id),
    people,
    organizations: ownedRecords(sql, "organization", ORGANIZATION_ROWS, owner),
    ties: onTie ? streamTies(sql, owner, people, onTie) : ownedRecords(sql, "tie", TIE_ROWS, owner),
    employments: ownedRecords(sql, "employment", EMPLOYMENT_ROWS, owner),
    memberships: ownedRecords(sql, "membership", MEMBERSHIP_ROWS, owner),
  };
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
