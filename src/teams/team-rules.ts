/**
 * The rules of team roles and sharing (issue 14), as pure functions: who may invite whom, who
 * may change what, and how much of a member's network the team may use. An admin can make a
 * member's sharing stricter, never wider: the member's own choice is capped, and the cap only
 * goes down.
 */
import {
  SHARING_LEVELS,
  type SharingLevel,
  type TeamMember,
  type TeamRole,
} from "../graph/index.js";

const RANK: Readonly<Record<TeamRole, number>> = Object.freeze({
  guest: 0,
  member: 1,
  admin: 2,
  owner: 3,
});

const levelRank = (level: SharingLevel): number => SHARING_LEVELS.indexOf(level);

/** The stricter of two sharing levels. */
export const stricter = (a: SharingLevel, b: SharingLevel): SharingLevel =>
  levelRank(a) <= levelRank(b) ? a : b;

/** What the team may use of a member's network: their choice, under the cap an admin set. */
export const effectiveSharing = (member: TeamMember): SharingLevel =>
  stricter(member.sharing, member.sharingCap);

/** Whether `level` shares more than `than`. */
export const isWider = (level: SharingLevel, than: SharingLevel): boolean =>
  levelRank(level) > levelRank(than);

/** Owners and admins manage membership and settings. */
export const manages = (role: TeamRole): boolean => RANK[role] >= RANK.admin;

/** A manager may invite or set roles up to their own (an admin cannot make an owner). */
export const mayGrantRole = (granter: TeamRole, role: TeamRole): boolean =>
  manages(granter) && RANK[role] <= RANK[granter];

/** A manager may act on members below them, and an owner on anyone but the last owner (checked by the caller). */
export const outranks = (actor: TeamRole, target: TeamRole): boolean =>
  actor === "owner" || RANK[actor] > RANK[target];
