/**
 * Introductions asked through a teammate, in Neo4j: `:TeamIntroRequest` nodes carrying their
 * team's and users' ids (constraints in neo4j-schema.ts). Every function runs in the caller's
 * transaction.
 */
import { fromIso, toIso } from "../accounts.js";
import type { TeamIntroRequest, TeamIntroStatus } from "../teams.js";
import { rows, type Row, type Tx } from "./neo4j-run.js";

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

function toRequest(p: Row): TeamIntroRequest {
  return {
    id: String(p.id),
    teamId: String(p.teamId),
    requesterUserId: String(p.requesterUserId),
    memberUserId: String(p.memberUserId),
    memberPersonId: String(p.memberPersonId),
    note: text(p.note),
    status: p.status as TeamIntroStatus,
    reason: text(p.reason),
    approvedBy: text(p.approvedBy),
    draft: text(p.draft),
    createdAt: fromIso(p.createdAt) as Date,
    updatedAt: fromIso(p.updatedAt) as Date,
  };
}

const props = (r: TeamIntroRequest): Row => ({
  ...r,
  createdAt: toIso(r.createdAt),
  updatedAt: toIso(r.updatedAt),
});

export async function insertTeamIntro(tx: Tx, request: TeamIntroRequest): Promise<void> {
  await rows(tx, "CREATE (r:TeamIntroRequest) SET r = $props", { props: props(request) });
}

/** The team's request with this id; undefined for a missing one and for another team's alike. */
export async function teamIntroOf(
  tx: Tx,
  teamId: string,
  id: string,
): Promise<TeamIntroRequest | undefined> {
  const [row] = await rows(
    tx,
    "MATCH (r:TeamIntroRequest {id: $id}) WHERE r.teamId = $teamId RETURN properties(r) AS r",
    { id, teamId },
  );
  return row && toRequest(row.r as Row);
}

/** The team's requests the user made or was asked, newest first. */
export async function teamIntrosOf(
  tx: Tx,
  teamId: string,
  userId: string,
): Promise<TeamIntroRequest[]> {
  const found = await rows(
    tx,
    `MATCH (r:TeamIntroRequest {teamId: $teamId})
     WHERE r.requesterUserId = $userId OR r.memberUserId = $userId
     RETURN properties(r) AS r ORDER BY r.createdAt DESC, r.id DESC`,
    { teamId, userId },
  );
  return found.map((row) => toRequest(row.r as Row));
}

/** Overwrites the stored request (null fields are removed, and read back as null). */
export async function updateTeamIntro(tx: Tx, request: TeamIntroRequest): Promise<void> {
  await rows(tx, "MATCH (r:TeamIntroRequest {id: $id}) SET r = $props", {
    id: request.id,
    props: props(request),
  });
}
