/**
 * Teams, the adapter-independent half (issue 14): the checks at the store's boundary and the
 * records both adapters write, so a bad name, role or token hash gets the same answer (code and
 * field) whichever store keeps it. The records themselves are declared in teams.ts.
 */
import { badInput, conflict, notFound, type WarmpathError } from "../../errors.js";
import * as f from "../model/fields.js";
import { checkTime, checkTokenHash, type User } from "./accounts.js";
import { newId } from "./ids.js";
import { invitationNotFound } from "./invitations.js";
import {
  AUDIT_KINDS,
  SHARING_LEVELS,
  TEAM_INTRO_STATUSES,
  TEAM_ROLES,
  type ContactSharing,
  type Team,
  type TeamAuditEntry,
  type TeamAuditInput,
  type TeamInput,
  type TeamIntroRequest,
  type TeamIntroRequestInput,
  type TeamIntroRequestPatch,
  type TeamInvitation,
  type TeamInvitationInput,
  type TeamMember,
  type TeamMemberPatch,
  type TeamPatch,
  type TeamRole,
} from "./teams.js";

/** The limits the checks below apply; `auditPage` is `listTeamAudit`'s `first`. */
export const TEAM_LIMITS = Object.freeze({
  name: 200,
  summary: 500,
  note: 2_000,
  reason: 2_000,
  draft: 10_000,
  /** textList's own cap (100 items), restated so callers can show it. */
  blockedLabels: 100,
  auditMembers: 1_000,
  auditPage: Object.freeze({ default: 100, max: 1_000 }),
});

export const CONTACT_SHARING: readonly ContactSharing[] = ["shared", "hidden"];

function object(input: unknown, field = "input"): Record<string, unknown> {
  if (input === null || typeof input !== "object") throw badInput(field, "must be an object");
  return input as Record<string, unknown>;
}

/** Reads a patch: a field it leaves out keeps `current`; one it names is checked. */
function patchReader(patch: unknown) {
  const o = object(patch, "patch");
  return <T>(field: string, current: T, check: (value: unknown, field: string) => T): T =>
    o[field] === undefined ? current : check(o[field], field);
}

const optionalId = (value: unknown, field: string): string | null =>
  value === null ? null : f.id(field, value);

export const checkRole = (value: unknown, field = "role"): TeamRole =>
  f.oneOf(field, value, TEAM_ROLES);

/** NOT_FOUND for a missing team; `field` names the argument when it is one of several. */
export const teamNotFound = (id: string, field?: string): WarmpathError =>
  notFound("team", id, field);

/** NOT_FOUND on `userId` when the user is not a member of the team. */
export const memberNotFound = (userId: string): WarmpathError =>
  notFound("teamMember", userId, "userId");

/** CONFLICT on `userId` when the user is a member of the team already. */
export function checkNotMember(found: unknown): void {
  if (found) throw conflict("userId", "is a member of this team already");
}

// --- teams and members -----------------------------------------------------------

export function newTeam(input: TeamInput, now = new Date()): Team {
  const o = object(input);
  return {
    id: newId("team", now.getTime()),
    name: f.requiredText("name", o.name, TEAM_LIMITS.name),
    createdAt: now,
    reciprocity: f.bool("reciprocity", o.reciprocity, true),
    approval: f.bool("approval", o.approval, false),
  };
}

/** The team with the patch applied; an absent field keeps its value. */
export function patchedTeam(team: Team, patch: TeamPatch): Team {
  const field = patchReader(patch);
  return {
    ...team,
    name: field("name", team.name, (v, k) => f.requiredText(k, v, TEAM_LIMITS.name)),
    reciprocity: field("reciprocity", team.reciprocity, (v, k) => f.bool(k, v, team.reciprocity)),
    approval: field("approval", team.approval, (v, k) => f.bool(k, v, team.approval)),
  };
}

/** A new member: shares nothing until they choose to, and may share everything. */
export const newTeamMember = (
  teamId: string,
  user: User,
  role: TeamRole,
  joinedAt: Date,
): TeamMember => ({
  teamId,
  userId: user.id,
  ownerId: user.ownerId,
  name: user.name,
  role,
  sharing: "off",
  sharingCap: "full",
  joinedAt,
});

/** The member with the patch applied; the store keeps `sharing` and `sharingCap` as given. */
export function patchedTeamMember(member: TeamMember, patch: TeamMemberPatch): TeamMember {
  const field = patchReader(patch);
  const level = (v: unknown, k: string) => f.oneOf(k, v, SHARING_LEVELS);
  return {
    ...member,
    role: field("role", member.role, checkRole),
    sharing: field("sharing", member.sharing, level),
    sharingCap: field("sharingCap", member.sharingCap, level),
  };
}

// --- invitations -----------------------------------------------------------------

/** A validated new invitation and its token hash, stored beside it but never listed. */
export function newTeamInvitation(
  input: TeamInvitationInput,
  now = new Date(),
): { invitation: TeamInvitation; tokenHash: string } {
  const o = object(input);
  return {
    tokenHash: checkTokenHash(o.tokenHash),
    invitation: {
      id: newId("tinv", now.getTime()),
      teamId: f.id("teamId", o.teamId),
      role: checkRole(o.role),
      invitedBy: f.id("invitedBy", o.invitedBy),
      createdAt: now,
      expiresAt: checkTime("expiresAt", o.expiresAt),
      usedAt: null,
      usedBy: null,
    },
  };
}

/** The invitation when it may be used at `now`; NOT_FOUND on `invitation` (one answer) otherwise. */
export function usableTeamInvitation(
  invitation: TeamInvitation | undefined,
  now: Date,
): TeamInvitation {
  if (!invitation || invitation.usedAt !== null || now.getTime() >= invitation.expiresAt.getTime())
    throw invitationNotFound();
  return invitation;
}

// --- pooling settings --------------------------------------------------------------

/** A contact's override, or null to return it to the defaults. */
export function checkContactSharing(value: unknown): ContactSharing | null {
  return value === null ? null : f.oneOf("sharing", value, CONTACT_SHARING);
}

/** Labels as categories and tags are stored (trimmed, lower-case), distinct and sorted. */
export function checkBlockedLabels(labels: unknown): string[] {
  return f.textList("labels", labels, (label) => label.toLowerCase()).sort();
}

// --- the audit log -----------------------------------------------------------------

export function newTeamAuditEntry(input: TeamAuditInput): TeamAuditEntry {
  const o = object(input);
  const at = checkTime("at", o.at);
  if (!Array.isArray(o.memberUserIds) || o.memberUserIds.length > TEAM_LIMITS.auditMembers)
    throw badInput("memberUserIds", `must be a list of at most ${TEAM_LIMITS.auditMembers}`);
  const members = o.memberUserIds.map((id, i) => f.id(`memberUserIds[${i}]`, id));
  return {
    id: newId("taud", at.getTime()),
    teamId: f.id("teamId", o.teamId),
    at,
    kind: f.oneOf("kind", o.kind, AUDIT_KINDS),
    actorUserId: f.id("actorUserId", o.actorUserId),
    memberUserIds: [...new Set(members)],
    summary: f.requiredText("summary", o.summary, TEAM_LIMITS.summary),
  };
}

/** `listTeamAudit`'s options, checked: the member to filter by (or null) and the page size. */
export function auditQuery(options: { memberUserId?: string; first?: number } = {}): {
  memberUserId: string | null;
  first: number;
} {
  const o = object(options, "options");
  const { default: first, max } = TEAM_LIMITS.auditPage;
  const size = o.first ?? first;
  if (typeof size !== "number" || !Number.isInteger(size) || size < 0 || size > max)
    throw badInput("first", `must be a whole number from 0 to ${max}`);
  const member = o.memberUserId;
  return { memberUserId: member == null ? null : f.id("memberUserId", member), first: size };
}

// --- introductions through a teammate -------------------------------------------------

export function newTeamIntroRequest(
  input: TeamIntroRequestInput,
  now = new Date(),
): TeamIntroRequest {
  const o = object(input);
  return {
    id: newId("tint", now.getTime()),
    teamId: f.id("teamId", o.teamId),
    requesterUserId: f.id("requesterUserId", o.requesterUserId),
    memberUserId: f.id("memberUserId", o.memberUserId),
    memberPersonId: f.id("memberPersonId", o.memberPersonId),
    note: f.optionalText("note", o.note, TEAM_LIMITS.note),
    status: f.oneOf("status", o.status, TEAM_INTRO_STATUSES),
    reason: null,
    approvedBy: null,
    draft: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** The request with the patch applied and `updatedAt` moved to `now`; null clears a field. */
export function patchedTeamIntroRequest(
  request: TeamIntroRequest,
  patch: TeamIntroRequestPatch,
  now = new Date(),
): TeamIntroRequest {
  const field = patchReader(patch);
  return {
    ...request,
    status: field("status", request.status, (v, k) => f.oneOf(k, v, TEAM_INTRO_STATUSES)),
    reason: field("reason", request.reason, (v, k) => f.optionalText(k, v, TEAM_LIMITS.reason)),
    approvedBy: field("approvedBy", request.approvedBy, optionalId),
    draft: field("draft", request.draft, (v, k) => f.optionalText(k, v, TEAM_LIMITS.draft)),
    updatedAt: now,
  };
}
