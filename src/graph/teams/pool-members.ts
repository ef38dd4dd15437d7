/**
 * Which teammates' networks a requester's team search may use: the membership rules of the
 * pooling policy (issue 14), in one pure function so the GraphQL layer and the tests apply
 * the same ones. A member shares nothing until their effective level (the stricter of what
 * they chose and what an owner or admin allows) is above `off`; with reciprocity on, a
 * requester who shares nothing sees only their own network; a guest never sees another
 * guest's network. buildPooledNetwork then pools exactly the members it is given.
 */
import { badInput } from "../../errors.js";
import { SHARING_LEVELS, type SharingLevel, type Team, type TeamMember } from "../store/teams.js";

/** The stricter of the member's choice and the cap an owner or admin set. */
export function effectiveLevel(member: Pick<TeamMember, "sharing" | "sharingCap">): SharingLevel {
  const rank = (level: SharingLevel) => SHARING_LEVELS.indexOf(level);
  if (rank(member.sharing) < 0) throw badInput("sharing", `unknown level ${member.sharing}`);
  if (rank(member.sharingCap) < 0)
    throw badInput("sharingCap", `unknown level ${member.sharingCap}`);
  return rank(member.sharing) <= rank(member.sharingCap) ? member.sharing : member.sharingCap;
}

/** A teammate whose network the requester's search may pool, at the level it is shared. */
export interface PoolMember extends TeamMember {
  level: Exclude<SharingLevel, "off">;
}

/** The other members whose networks a team search by `requester` pools, by user id. */
export function poolMembers(
  requester: TeamMember,
  allMembers: readonly TeamMember[],
  team: Pick<Team, "id" | "reciprocity">,
): PoolMember[] {
  if (requester.teamId !== team.id) throw badInput("requester", "is not a member of this team");
  for (const [i, m] of allMembers.entries())
    if (m.teamId !== team.id) throw badInput(`members[${i}]`, "is not a member of this team");
  if (team.reciprocity && effectiveLevel(requester) === "off") return [];
  const pooled: PoolMember[] = [];
  for (const member of allMembers) {
    const level = effectiveLevel(member);
    if (member.userId === requester.userId || level === "off") continue;
    if (requester.role === "guest" && member.role === "guest") continue;
    pooled.push({ ...member, level });
  }
  return pooled.sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}
