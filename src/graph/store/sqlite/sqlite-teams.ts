/**
 * Teams in SQLite: `team` and `team_member` (migration 6). A member row holds the role and the
 * sharing levels; the name and owner a member carries are read from their `app_user` row. A
 * team's members, invitations, audit entries and requests go with it (ON DELETE CASCADE).
 * Every function runs in whatever transaction the store opened around the call.
 */
import { fromIso, toIso } from "../accounts.js";
import type { SharingLevel, Team, TeamMember, TeamRole } from "../teams.js";
import type { Row } from "./sqlite-accounts.js";
import type { Sql } from "./sqlite-run.js";

const TEAM = `t.id AS teamId, t.name AS teamName, t.created_at AS teamCreatedAt, t.reciprocity,
  t.approval`;
const MEMBER = `m.team_id, m.user_id, u.owner, u.name AS userName, m.role, m.sharing,
  m.sharing_cap, m.joined_at`;

function toTeam(row: Row): Team {
  return {
    id: String(row.teamId),
    name: String(row.teamName),
    createdAt: fromIso(row.teamCreatedAt) as Date,
    reciprocity: row.reciprocity === 1,
    approval: row.approval === 1,
  };
}

function toMember(row: Row): TeamMember {
  return {
    teamId: String(row.team_id),
    userId: String(row.user_id),
    ownerId: String(row.owner),
    name: String(row.userName),
    role: row.role as TeamRole,
    sharing: row.sharing as SharingLevel,
    sharingCap: row.sharing_cap as SharingLevel,
    joinedAt: fromIso(row.joined_at) as Date,
  };
}

// --- teams ------------------------------------------------------------------

export function teamById(sql: Sql, id: string): Team | undefined {
  const row = sql(`SELECT ${TEAM} FROM team t WHERE t.id = ?`).get(id) as Row | undefined;
  return row && toTeam(row);
}

export function insertTeam(sql: Sql, team: Team): void {
  sql("INSERT INTO team (id, name, created_at, reciprocity, approval) VALUES (?, ?, ?, ?, ?)").run(
    team.id,
    team.name,
    toIso(team.createdAt),
    team.reciprocity ? 1 : 0,
    team.approval ? 1 : 0,
  );
}

export function updateTeam(sql: Sql, team: Team): void {
  sql("UPDATE team SET name = ?, reciprocity = ?, approval = ? WHERE id = ?").run(
    team.name,
    team.reciprocity ? 1 : 0,
    team.approval ? 1 : 0,
    team.id,
  );
}

/** Removes the team and, by its keys, everything of it; false when there is no such team. */
export const deleteTeam = (sql: Sql, id: string): boolean =>
  sql("DELETE FROM team WHERE id = ?").run(id).changes > 0;

// --- members ------------------------------------------------------------------

export function memberOf(sql: Sql, teamId: string, userId: string): TeamMember | undefined {
  const row = sql(
    `SELECT ${MEMBER} FROM team_member m JOIN app_user u ON u.id = m.user_id
     WHERE m.team_id = ? AND m.user_id = ?`,
  ).get(teamId, userId) as Row | undefined;
  return row && toMember(row);
}

export const membersOf = (sql: Sql, teamId: string): TeamMember[] =>
  (
    sql(
      `SELECT ${MEMBER} FROM team_member m JOIN app_user u ON u.id = m.user_id
       WHERE m.team_id = ? ORDER BY m.joined_at, m.user_id`,
    ).all(teamId) as Row[]
  ).map(toMember);

/** The user's teams with their membership, in the order they joined them. */
export const teamsOf = (sql: Sql, userId: string): { team: Team; member: TeamMember }[] =>
  (
    sql(
      `SELECT ${TEAM}, ${MEMBER} FROM team_member m JOIN team t ON t.id = m.team_id
       JOIN app_user u ON u.id = m.user_id
       WHERE m.user_id = ? ORDER BY m.joined_at, t.created_at, t.id`,
    ).all(userId) as Row[]
  ).map((row) => ({ team: toTeam(row), member: toMember(row) }));

export function insertMember(sql: Sql, member: TeamMember): void {
  sql(
    `INSERT INTO team_member (team_id, user_id, role, sharing, sharing_cap, joined_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    member.teamId,
    member.userId,
    member.role,
    member.sharing,
    member.sharingCap,
    toIso(member.joinedAt),
  );
}

export function updateMember(sql: Sql, member: TeamMember): void {
  sql(
    `UPDATE team_member SET role = ?, sharing = ?, sharing_cap = ?
     WHERE team_id = ? AND user_id = ?`,
  ).run(member.role, member.sharing, member.sharingCap, member.teamId, member.userId);
}

/** False when the user is not a member. */
export const deleteMember = (sql: Sql, teamId: string, userId: string): boolean =>
  sql("DELETE FROM team_member WHERE team_id = ? AND user_id = ?").run(teamId, userId).changes > 0;
