/**
 * Team invitations in SQLite: the `team_invitation` table (migration 6), found by the SHA-256 of
 * their token, which is stored but never read back out. Every function runs in whatever
 * transaction the store opened around the call; a join's is IMMEDIATE, so two joins with one
 * invitation run one after the other and the second finds it used.
 */
import { fromIso, toIso } from "../accounts.js";
import type { TeamInvitation, TeamRole } from "../teams.js";
import type { Row } from "./sqlite-accounts.js";
import type { Sql } from "./sqlite-run.js";

const INVITATION = `i.id, i.team_id, i.role, i.invited_by, i.created_at, i.expires_at, i.used_at,
  i.used_by`;

function toInvitation(row: Row): TeamInvitation {
  return {
    id: String(row.id),
    teamId: String(row.team_id),
    role: row.role as TeamRole,
    invitedBy: String(row.invited_by),
    createdAt: fromIso(row.created_at) as Date,
    expiresAt: fromIso(row.expires_at) as Date,
    usedAt: fromIso(row.used_at),
    usedBy: typeof row.used_by === "string" ? row.used_by : null,
  };
}

export function insertTeamInvitation(
  sql: Sql,
  invitation: TeamInvitation,
  tokenHash: string,
): void {
  sql(
    `INSERT INTO team_invitation (id, token_hash, team_id, role, invited_by, created_at,
       expires_at, used_at, used_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    invitation.id,
    tokenHash,
    invitation.teamId,
    invitation.role,
    invitation.invitedBy,
    toIso(invitation.createdAt),
    toIso(invitation.expiresAt),
    toIso(invitation.usedAt),
    invitation.usedBy,
  );
}

export function teamInvitationByHash(sql: Sql, tokenHash: string): TeamInvitation | undefined {
  const row = sql(`SELECT ${INVITATION} FROM team_invitation i WHERE i.token_hash = ?`).get(
    tokenHash,
  ) as Row | undefined;
  return row && toInvitation(row);
}

/** Marks the invitation used by the user who joined with it. */
export function markTeamInvitationUsed(sql: Sql, id: string, usedAt: Date, usedBy: string): void {
  sql("UPDATE team_invitation SET used_at = ?, used_by = ? WHERE id = ?").run(
    toIso(usedAt),
    usedBy,
    id,
  );
}

export const teamInvitationsOf = (sql: Sql, teamId: string): TeamInvitation[] =>
  (
    sql(
      `SELECT ${INVITATION} FROM team_invitation i WHERE i.team_id = ? ORDER BY i.created_at, i.id`,
    ).all(teamId) as Row[]
  ).map(toInvitation);
