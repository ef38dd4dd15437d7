/**
 * Introductions asked through a teammate, in SQLite: the `team_intro_request` table
 * (migration 6). A user's requests in a team are found by requester or by member, both indexed.
 * Every function runs in whatever transaction the store opened around the call.
 */
import { fromIso, toIso } from "../accounts.js";
import type { TeamIntroRequest, TeamIntroStatus } from "../teams.js";
import type { Row } from "./sqlite-accounts.js";
import type { Sql } from "./sqlite-run.js";

const REQUEST = `r.id, r.team_id, r.requester_user_id, r.member_user_id, r.member_person_id, r.note,
  r.status, r.reason, r.approved_by, r.draft, r.created_at, r.updated_at`;

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

function toRequest(row: Row): TeamIntroRequest {
  return {
    id: String(row.id),
    teamId: String(row.team_id),
    requesterUserId: String(row.requester_user_id),
    memberUserId: String(row.member_user_id),
    memberPersonId: String(row.member_person_id),
    note: text(row.note),
    status: row.status as TeamIntroStatus,
    reason: text(row.reason),
    approvedBy: text(row.approved_by),
    draft: text(row.draft),
    createdAt: fromIso(row.created_at) as Date,
    updatedAt: fromIso(row.updated_at) as Date,
  };
}

export function insertTeamIntro(sql: Sql, r: TeamIntroRequest): void {
  sql(
    `INSERT INTO team_intro_request (id, team_id, requester_user_id, member_user_id,
       member_person_id, note, status, reason, approved_by, draft, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    r.id,
    r.teamId,
    r.requesterUserId,
    r.memberUserId,
    r.memberPersonId,
    r.note,
    r.status,
    r.reason,
    r.approvedBy,
    r.draft,
    toIso(r.createdAt),
    toIso(r.updatedAt),
  );
}

/** The team's request with this id; undefined for a missing one and for another team's alike. */
export function teamIntroOf(sql: Sql, teamId: string, id: string): TeamIntroRequest | undefined {
  const row = sql(
    `SELECT ${REQUEST} FROM team_intro_request r WHERE r.id = ? AND r.team_id = ?`,
  ).get(id, teamId) as Row | undefined;
  return row && toRequest(row);
}

/** The team's requests the user made or was asked, newest first. */
export const teamIntrosOf = (sql: Sql, teamId: string, userId: string): TeamIntroRequest[] =>
  (
    sql(
      `SELECT ${REQUEST} FROM team_intro_request r
       WHERE r.team_id = @teamId AND (r.requester_user_id = @userId OR r.member_user_id = @userId)
       ORDER BY r.created_at DESC, r.id DESC`,
    ).all({ teamId, userId }) as Row[]
  ).map(toRequest);

export function updateTeamIntro(sql: Sql, r: TeamIntroRequest): void {
  sql(
    `UPDATE team_intro_request SET status = ?, reason = ?, approved_by = ?, draft = ?,
       updated_at = ?
     WHERE id = ?`,
  ).run(r.status, r.reason, r.approvedBy, r.draft, toIso(r.updatedAt), r.id);
}
