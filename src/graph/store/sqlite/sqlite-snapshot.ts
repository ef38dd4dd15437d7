/**
 * Whole-network and neighborhood reads for the in-memory projection. Each
 * runs inside one read transaction of the store: in WAL mode it sees a single
 * consistent snapshot, so the parts agree with one version.
 */
import type { RecordKind, Records } from "../../model/kinds.js";
import type { NetworkSnapshot } from "../network-snapshot.js";
import { mustGet, type OwnerRow } from "./sqlite-reads.js";
import { select, type Sql } from "./sqlite-run.js";
import { fromOwnedRaw, ownedSelectList, TABLES } from "./sqlite-tables.js";

/** The owner's whole graph. */
export function readNetwork(sql: Sql, owner: string, state: OwnerRow): NetworkSnapshot {
  const all = <K extends RecordKind>(kind: K): Records[K][] => {
    const rows = sql(`SELECT ${ownedSelectList(kind)} FROM ${TABLES[kind]} t WHERE t.owner = ?`)
      .raw()
      .all(owner) as unknown[][];
    const records = new Array<Records[K]>(rows.length);
    for (let i = 0; i < rows.length; i++) records[i] = fromOwnedRaw(kind, rows[i]!, owner);
    return records;
  };
  return {
    version: state.version,
    selfId: String(state.self_id),
    people: all("person"),
    organizations: all("organization"),
    ties: all("tie"),
    employments: all("employment"),
    memberships: all("membership"),
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
    select(sql, "tie", "(t.person_a = ? OR t.person_b = ?)", [owner, id, id]);
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
