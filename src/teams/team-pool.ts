/**
 * The pooled network a member searches in one team: which members it pools (their levels,
 * reciprocity and the guest rule, decided by poolMembers), with their pooling settings, from
 * the registry that rebuilds it only when something it depends on changed.
 */
import {
  poolMembers,
  teamPoolFor,
  type NetworkStore,
  type PooledNetwork,
  type Team,
  type TeamMember,
  type User,
} from "../graph/index.js";
import { membership } from "./team-access.js";

export interface MemberPool {
  team: Team;
  me: TeamMember;
  pool: PooledNetwork;
}

/** The requester's pool in this team; NOT_FOUND on `teamId` for a non-member. */
export async function memberPool(
  store: NetworkStore,
  user: User,
  teamId: string,
): Promise<MemberPool> {
  const me = await membership(store, teamId, user);
  const [team, all] = await Promise.all([store.getTeam(teamId), store.listTeamMembers(teamId)]);
  const pooled = poolMembers(me, all, team);
  const members = await Promise.all(
    pooled.map(async (m) => ({
      userId: m.userId,
      ownerId: m.ownerId,
      name: m.name,
      role: m.role,
      level: m.level,
      settings: await store.getPoolingSettings(m.ownerId),
    })),
  );
  const pool = await teamPoolFor(store, {
    teamId,
    requester: { userId: user.id, ownerId: user.ownerId },
    members,
    fingerprint: JSON.stringify([team.reciprocity]),
  });
  return { team, me, pool };
}
