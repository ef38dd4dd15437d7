/**
 * Teams in Neo4j: `:Team` nodes and one `:TeamMember` node per membership, keyed by
 * (teamId, userId) (constraints in neo4j-schema.ts). A member node holds the role and the sharing
 * levels; the name and owner a member carries are read from its `:User`. Writes that add to a
 * team first lock its node (`lockedTeam`), so they serialize with each other and with the
 * team's delete. Every function runs in the caller's transaction.
 */
import { fromIso, toIso } from "../accounts.js";
import type { SharingLevel, Team, TeamMember, TeamRole } from "../teams.js";
import { rows, type Row, type Tx } from "./neo4j-run.js";

/** Everything of a team that goes with it, by label; each node carries the team's id. */
const TEAM_PARTS = ["TeamMember", "TeamInvitation", "TeamAudit", "TeamIntroRequest"] as const;

function toTeam(p: Row): Team {
  return {
    id: String(p.id),
    name: String(p.name),
    createdAt: fromIso(p.createdAt) as Date,
    reciprocity: p.reciprocity === true,
    approval: p.approval === true,
  };
}

/** A member from its node's properties and its user's owner and name. */
function toMember(row: Row): TeamMember {
  const p = row.m as Row;
  return {
    teamId: String(p.teamId),
    userId: String(p.userId),
    ownerId: String(row.ownerId),
    name: String(row.name),
    role: p.role as TeamRole,
    sharing: p.sharing as SharingLevel,
    sharingCap: p.sharingCap as SharingLevel,
    joinedAt: fromIso(p.joinedAt) as Date,
  };
}

const MEMBER =
  "MATCH (u:User {id: m.userId}) RETURN properties(m) AS m, u.ownerId AS ownerId, u.name AS name";

// --- teams ------------------------------------------------------------------

export async function teamById(tx: Tx, id: string): Promise<Team | undefined> {
  const [row] = await rows(tx, "MATCH (t:Team {id: $id}) RETURN properties(t) AS t", { id });
  return row && toTeam(row.t as Row);
}

/**
 * The team, read under its write lock (held until commit); undefined when there is none. The
 * read is a statement of its own so that it runs after the lock (see lockedInvitation).
 */
export async function lockedTeam(tx: Tx, id: string): Promise<Team | undefined> {
  await rows(tx, "MATCH (t:Team {id: $id}) SET t.lock = NOT coalesce(t.lock, false)", { id });
  return teamById(tx, id);
}

export async function insertTeam(tx: Tx, team: Team): Promise<void> {
  await rows(tx, "CREATE (t:Team) SET t = $props", {
    props: { ...team, createdAt: toIso(team.createdAt) },
  });
}

export async function updateTeam(tx: Tx, team: Team): Promise<void> {
  await rows(
    tx,
    "MATCH (t:Team {id: $id}) SET t.name = $name, t.reciprocity = $reciprocity, t.approval = $approval",
    { id: team.id, name: team.name, reciprocity: team.reciprocity, approval: team.approval },
  );
}

/** Removes the team and everything of it; false when there is no such team. */
export async function deleteTeam(tx: Tx, id: string): Promise<boolean> {
  // Locked first: a concurrent write to the team either committed before (and is removed
  // here) or waits, then finds no team.
  if (!(await lockedTeam(tx, id))) return false;
  for (const label of TEAM_PARTS)
    await rows(tx, `MATCH (n:${label} {teamId: $id}) DELETE n`, { id });
  await rows(tx, "MATCH (t:Team {id: $id}) DETACH DELETE t", { id });
  return true;
}

// --- members ------------------------------------------------------------------

export async function memberOf(
  tx: Tx,
  teamId: string,
  userId: string,
): Promise<TeamMember | undefined> {
  const [row] = await rows(
    tx,
    `MATCH (m:TeamMember {teamId: $teamId, userId: $userId}) ${MEMBER}`,
    {
      teamId,
      userId,
    },
  );
  return row && toMember(row);
}

export async function membersOf(tx: Tx, teamId: string): Promise<TeamMember[]> {
  const found = await rows(
    tx,
    `MATCH (m:TeamMember {teamId: $teamId}) ${MEMBER} ORDER BY m.joinedAt, m.userId`,
    { teamId },
  );
  return found.map(toMember);
}

/** The user's teams with their membership, in the order they joined them. */
export async function teamsOf(
  tx: Tx,
  userId: string,
): Promise<{ team: Team; member: TeamMember }[]> {
  const found = await rows(
    tx,
    `MATCH (m:TeamMember {userId: $userId}) MATCH (t:Team {id: m.teamId})
     MATCH (u:User {id: m.userId})
     RETURN properties(t) AS t, properties(m) AS m, u.ownerId AS ownerId, u.name AS name
     ORDER BY m.joinedAt, t.createdAt, t.id`,
    { userId },
  );
  return found.map((row) => ({ team: toTeam(row.t as Row), member: toMember(row) }));
}

export async function insertMember(tx: Tx, member: TeamMember): Promise<void> {
  // The name and owner are the user's: only the membership's own fields are stored.
  const { ownerId: _owner, name: _name, ...own } = member;
  await rows(tx, "CREATE (m:TeamMember) SET m = $props", {
    props: { ...own, joinedAt: toIso(member.joinedAt) },
  });
}

export async function updateMember(tx: Tx, member: TeamMember): Promise<void> {
  await rows(
    tx,
    `MATCH (m:TeamMember {teamId: $teamId, userId: $userId})
     SET m.role = $role, m.sharing = $sharing, m.sharingCap = $sharingCap`,
    {
      teamId: member.teamId,
      userId: member.userId,
      role: member.role,
      sharing: member.sharing,
      sharingCap: member.sharingCap,
    },
  );
}

/** False when the user is not a member. */
export async function deleteMember(tx: Tx, teamId: string, userId: string): Promise<boolean> {
  const [row] = await rows(
    tx,
    "MATCH (m:TeamMember {teamId: $teamId, userId: $userId}) DELETE m RETURN count(*) AS n",
    { teamId, userId },
  );
  return Number(row?.n ?? 0) > 0;
}
