/**
 * The team audit log in Neo4j: `:TeamAudit` nodes carrying their team's id, the members a pooled
 * use named as a list property (constraints in neo4j-schema.ts). Every function runs in the
 * caller's transaction.
 */
import { int } from "neo4j-driver";
import { fromIso, toIso } from "../accounts.js";
import type { AuditKind, TeamAuditEntry } from "../teams.js";
import { rows, type Row, type Tx } from "./neo4j-run.js";

function toEntry(p: Row): TeamAuditEntry {
  return {
    id: String(p.id),
    teamId: String(p.teamId),
    at: fromIso(p.at) as Date,
    kind: p.kind as AuditKind,
    actorUserId: String(p.actorUserId),
    memberUserIds: ((p.memberUserIds ?? []) as unknown[]).map(String),
    summary: String(p.summary),
  };
}

export async function insertAuditEntry(tx: Tx, entry: TeamAuditEntry): Promise<void> {
  await rows(tx, "CREATE (a:TeamAudit) SET a = $props", {
    props: { ...entry, at: toIso(entry.at) },
  });
}

/** The team's newest `first` entries; with `member`, only those naming them as actor or member. */
export async function auditEntriesOf(
  tx: Tx,
  teamId: string,
  member: string | null,
  first: number,
): Promise<TeamAuditEntry[]> {
  const found = await rows(
    tx,
    `MATCH (a:TeamAudit {teamId: $teamId})
     WHERE $member IS NULL OR a.actorUserId = $member OR $member IN a.memberUserIds
     RETURN properties(a) AS a ORDER BY a.at DESC, a.id DESC LIMIT $first`,
    { teamId, member, first: int(first) },
  );
  return found.map((row) => toEntry(row.a as Row));
}
