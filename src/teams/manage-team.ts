/**
 * Creating a team and managing its members (issue 14): invitations by token link, roles, and
 * sharing, which every member turns on for themselves (joining shares nothing) and which an
 * owner or admin can only make stricter.
 */
import { badInput, ErrorCode, WarmpathError } from "../errors.js";
import type {
  NetworkStore,
  SharingLevel,
  Team,
  TeamInput,
  TeamInvitation,
  TeamMember,
  TeamPatch,
  TeamRole,
  User,
} from "../graph/index.js";
import { generateTeamInvitationToken, hashToken } from "../auth/index.js";
import { managerOf, membership, otherMember } from "./team-access.js";
import { isWider, mayGrantRole, outranks } from "./team-rules.js";

const DAY = 24 * 60 * 60 * 1000;

/** "An admin", "a member": for the messages of refusals. */
const withArticle = (role: TeamRole, capital = true): string => {
  const article = role === "admin" || role === "owner" ? "an" : "a";
  return `${capital ? article[0]!.toUpperCase() + article.slice(1) : article} ${role}`;
};

export const TEAM_INVITATION_DEFAULTS = Object.freeze({ expiresInDays: 7, longestDays: 30 });

export const createTeam = (
  store: NetworkStore,
  user: User,
  input: TeamInput,
): Promise<{ team: Team; member: TeamMember }> => store.createTeam(input, user.id);

export async function updateTeamSettings(
  store: NetworkStore,
  user: User,
  teamId: string,
  patch: TeamPatch,
): Promise<Team> {
  await managerOf(store, teamId, user);
  return store.updateTeam(teamId, patch);
}

/** An invitation link's token (shown once) for someone to join with `role`. */
export async function inviteToTeam(
  store: NetworkStore,
  user: User,
  teamId: string,
  request: { role?: TeamRole; expiresInDays?: number },
  now: Date,
): Promise<{ token: string; invitation: TeamInvitation }> {
  const inviter = await managerOf(store, teamId, user);
  const role = request.role ?? "member";
  if (!mayGrantRole(inviter.role, role))
    throw new WarmpathError(
      ErrorCode.FORBIDDEN,
      `${withArticle(inviter.role)} cannot invite ${withArticle(role, false)}.`,
    );
  const days = request.expiresInDays ?? TEAM_INVITATION_DEFAULTS.expiresInDays;
  const { longestDays } = TEAM_INVITATION_DEFAULTS;
  if (!Number.isInteger(days) || days < 1 || days > longestDays)
    throw badInput("expiresInDays", `must be a whole number from 1 to ${longestDays}`);
  const token = generateTeamInvitationToken();
  const invitation = await store.createTeamInvitation({
    teamId,
    tokenHash: hashToken(token),
    role,
    invitedBy: user.id,
    expiresAt: new Date(now.getTime() + days * DAY),
  });
  return { token, invitation };
}

/** Joins with an invitation's token: the new member shares nothing until they say so. */
export async function joinTeam(
  store: NetworkStore,
  user: User,
  token: string,
  now: Date,
): Promise<{ team: Team; member: TeamMember }> {
  const given = typeof token === "string" ? token.trim() : "";
  if (given === "" || given.length > 200) throw badInput("invitation", "is required");
  const member = await store.joinTeamByInvitation(hashToken(given), user.id, now);
  return { team: await store.getTeam(member.teamId), member };
}

/** A member's own sharing: any level, though the team uses no more than the cap allows. */
export async function setMySharing(
  store: NetworkStore,
  user: User,
  teamId: string,
  sharing: SharingLevel,
): Promise<TeamMember> {
  await membership(store, teamId, user);
  return store.updateTeamMember(teamId, user.id, { sharing });
}

/** An owner or admin caps a member's sharing: stricter than the cap they have, never wider. */
export async function capMemberSharing(
  store: NetworkStore,
  user: User,
  teamId: string,
  memberUserId: string,
  cap: SharingLevel,
): Promise<TeamMember> {
  await managerOf(store, teamId, user);
  const member = await otherMember(store, teamId, memberUserId);
  if (isWider(cap, member.sharingCap))
    throw new WarmpathError(
      ErrorCode.FORBIDDEN,
      "A member's sharing can be made stricter, never wider: only they choose to share more.",
    );
  return store.updateTeamMember(teamId, memberUserId, { sharingCap: cap });
}

async function checkNotLastOwner(store: NetworkStore, teamId: string, member: TeamMember) {
  if (member.role !== "owner") return;
  const owners = (await store.listTeamMembers(teamId)).filter((m) => m.role === "owner");
  if (owners.length <= 1)
    throw new WarmpathError(
      ErrorCode.CONFLICT,
      "A team keeps at least one owner: make someone else owner first.",
      { field: "userId" },
    );
}

export async function setMemberRole(
  store: NetworkStore,
  user: User,
  teamId: string,
  memberUserId: string,
  role: TeamRole,
): Promise<TeamMember> {
  const actor = await managerOf(store, teamId, user);
  const member = await otherMember(store, teamId, memberUserId);
  if (!mayGrantRole(actor.role, role) || !outranks(actor.role, member.role))
    throw new WarmpathError(
      ErrorCode.FORBIDDEN,
      `${withArticle(actor.role)} cannot make this change.`,
    );
  if (role !== "owner") await checkNotLastOwner(store, teamId, member);
  return store.updateTeamMember(teamId, memberUserId, { role });
}

/** Leaving (one's own id) or removing a member (an owner or admin, over a lower role). */
export async function removeMember(
  store: NetworkStore,
  user: User,
  teamId: string,
  memberUserId: string,
): Promise<void> {
  const actor = await membership(store, teamId, user);
  const member = memberUserId === user.id ? actor : await otherMember(store, teamId, memberUserId);
  if (member !== actor) {
    await managerOf(store, teamId, user);
    if (!outranks(actor.role, member.role))
      throw new WarmpathError(
        ErrorCode.FORBIDDEN,
        `${withArticle(actor.role)} cannot remove ${withArticle(member.role, false)}.`,
      );
  }
  await checkNotLastOwner(store, teamId, member);
  await store.removeTeamMember(teamId, memberUserId);
}
