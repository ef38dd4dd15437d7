/**
 * Team invitations in Neo4j: `:TeamInvitation` nodes (constraints in neo4j-schema.ts) that carry
 * their team's and inviter's ids and are found by the SHA-256 of their token, which is stored but
 * never read back out. Every function runs in the caller's transaction.
 */
import { fromIso, toIso } from "../accounts.js";
import type { TeamInvitation, TeamRole } from "../teams.js";
import { rows, type Row, type Tx } from "./neo4j-run.js";

function toInvitation(p: Row): TeamInvitation {
  return {
    id: String(p.id),
    teamId: String(p.teamId),
    role: p.role as TeamRole,
    invitedBy: String(p.invitedBy),
    createdAt: fromIso(p.createdAt) as Date,
    expiresAt: fromIso(p.expiresAt) as Date,
    usedAt: fromIso(p.usedAt),
    usedBy: typeof p.usedBy === "string" ? p.usedBy : null,
  };
}

export async function insertTeamInvitation(
  tx: Tx,
  invitation: TeamInvitation,
  tokenHash: string,
): Promise<void> {
  await rows(tx, "CREATE (i:TeamInvitation) SET i = $props", {
    props: {
      ...invitation,
      tokenHash,
      createdAt: toIso(invitation.createdAt),
      expiresAt: toIso(invitation.expiresAt),
      usedAt: toIso(invitation.usedAt),
    },
  });
}

export async function teamInvitationByHash(
  tx: Tx,
  tokenHash: string,
): Promise<TeamInvitation | undefined> {
  const [row] = await rows(
    tx,
    "MATCH (i:TeamInvitation {tokenHash: $tokenHash}) RETURN properties(i) AS i",
    { tokenHash },
  );
  return row && toInvitation(row.i as Row);
}

/**
 * The invitation with this hash, read under its write lock (held until commit): a concurrent
 * join with it waits here, then reads it used (as lockedInvitation does for sign-ups).
 */
export async function lockedTeamInvitation(
  tx: Tx,
  tokenHash: string,
): Promise<TeamInvitation | undefined> {
  await rows(
    tx,
    "MATCH (i:TeamInvitation {tokenHash: $tokenHash}) SET i.lock = NOT coalesce(i.lock, false)",
    { tokenHash },
  );
  return teamInvitationByHash(tx, tokenHash);
}

/** Marks the invitation used by the user who joined with it. */
export async function markTeamInvitationUsed(
  tx: Tx,
  id: string,
  usedAt: Date,
  usedBy: string,
): Promise<void> {
  await rows(tx, "MATCH (i:TeamInvitation {id: $id}) SET i.usedAt = $usedAt, i.usedBy = $usedBy", {
    id,
    usedAt: toIso(usedAt),
    usedBy,
  });
}

export async function teamInvitationsOf(tx: Tx, teamId: string): Promise<TeamInvitation[]> {
  const found = await rows(
    tx,
    `MATCH (i:TeamInvitation {teamId: $teamId}) RETURN properties(i) AS i
     ORDER BY i.createdAt, i.id`,
    { teamId },
  );
  return found.map((row) => toInvitation(row.i as Row));
}
