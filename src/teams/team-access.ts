/**
 * Who may see a team: its members only. To anyone else a team's id answers exactly as a
 * missing one (rule 8 of issue 14: no existence oracle).
 */
import { ErrorCode, notFound, WarmpathError } from "../errors.js";
import type { NetworkStore, TeamMember, User } from "../graph/index.js";
import { manages } from "./team-rules.js";

/** The user's membership of the team; NOT_FOUND on `teamId` for a non-member and a missing team alike. */
export async function membership(
  store: NetworkStore,
  teamId: string,
  user: User,
): Promise<TeamMember> {
  const member = await store.getTeamMember(teamId, user.id);
  if (member === null) throw notFound("team", teamId, "teamId");
  return member;
}

/** The membership of an owner or admin; FORBIDDEN for other members. */
export async function managerOf(
  store: NetworkStore,
  teamId: string,
  user: User,
): Promise<TeamMember> {
  const member = await membership(store, teamId, user);
  if (!manages(member.role))
    throw new WarmpathError(ErrorCode.FORBIDDEN, "Only the team's owners and admins may do this.");
  return member;
}

/** Another member of the team; NOT_FOUND on `userId` for anyone else. */
export async function otherMember(
  store: NetworkStore,
  teamId: string,
  userId: string,
): Promise<TeamMember> {
  const member = await store.getTeamMember(teamId, userId);
  if (member === null) throw notFound("member", userId, "userId");
  return member;
}
