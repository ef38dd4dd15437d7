/**
 * Teams as the stores keep them (issue 14): teams, memberships with a role and a sharing level,
 * invitations to join (a token link, stored as its SHA-256, used once), each owner's pooling
 * settings (per-contact overrides, blocked labels), the audit log of pooled use, and
 * introductions asked through a teammate. The privacy rules that read them live in
 * src/graph/teams; the stores only keep and check records.
 */

export const TEAM_ROLES = ["owner", "admin", "member", "guest"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/**
 * How much of a member's network the team may use, from none to most: `off` shares nothing
 * (the default on joining), `company` shows a contact only as "someone at Acme", `full` shows
 * name, title, company and a strength band. Never more than that, whatever the level.
 */
export const SHARING_LEVELS = ["off", "company", "full"] as const;
export type SharingLevel = (typeof SHARING_LEVELS)[number];

export interface Team {
  id: string;
  name: string;
  createdAt: Date;
  /** On by default: a member who shares nothing sees only their own network. */
  reciprocity: boolean;
  /** Off by default: an owner or admin approves each request before the member sees it. */
  approval: boolean;
}

export interface TeamInput {
  name: string;
  reciprocity?: boolean;
  approval?: boolean;
}

export type TeamPatch = Partial<TeamInput>;

export interface TeamMember {
  teamId: string;
  userId: string;
  /** The network the member owns (their user's owner id). */
  ownerId: string;
  /** The member's name as their account has it, for "via Ada". */
  name: string;
  role: TeamRole;
  /** What the member chose to share. */
  sharing: SharingLevel;
  /** The most an owner or admin lets them share (`full` unless made stricter). */
  sharingCap: SharingLevel;
  joinedAt: Date;
}

export type TeamMemberPatch = Partial<Pick<TeamMember, "role" | "sharing" | "sharingCap">>;

export interface TeamInvitation {
  id: string;
  teamId: string;
  role: TeamRole;
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  usedBy: string | null;
}

export interface TeamInvitationInput {
  teamId: string;
  tokenHash: string;
  role: TeamRole;
  invitedBy: string;
  expiresAt: Date;
}

/** A member's choice for one contact, over the defaults: shared even if hidden by default, or hidden. */
export type ContactSharing = "shared" | "hidden";

export interface PoolingSettings {
  /** Per-contact choices, by the owner's person id. */
  contacts: { personId: string; sharing: ContactSharing }[];
  /** Categories and tags whose people are never pooled ("family", "doctor", "lawyer"). */
  blockedLabels: string[];
}

export const AUDIT_KINDS = ["pooled_search", "intro_request"] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/** One pooled use: who searched or asked, and the members whose ties it used. */
export interface TeamAuditEntry {
  id: string;
  teamId: string;
  at: Date;
  kind: AuditKind;
  actorUserId: string;
  /** The members whose shared ties the answer used (for a search) or who were asked. */
  memberUserIds: string[];
  /** What was asked, in words a member may see ("paths to someone at Acme"); never private fields. */
  summary: string;
}

export type TeamAuditInput = Omit<TeamAuditEntry, "id">;

/**
 * awaiting_approval (when the team asks for it) → pending → accepted (the member has the
 * double opt-in draft) → introduced → met; or declined (with a reason) or withdrawn. A request
 * may stay pending for ever: nothing reminds or penalizes the member.
 */
export const TEAM_INTRO_STATUSES = [
  "awaiting_approval",
  "pending",
  "accepted",
  "introduced",
  "met",
  "declined",
  "withdrawn",
] as const;
export type TeamIntroStatus = (typeof TEAM_INTRO_STATUSES)[number];

/** An introduction asked of the teammate who knows the target. */
export interface TeamIntroRequest {
  id: string;
  teamId: string;
  requesterUserId: string;
  /** The member asked: the one whose tie reaches the target. */
  memberUserId: string;
  /** The target in the member's own network (never shown to the requester as a record). */
  memberPersonId: string;
  /** The requester's note to the member (why, and their pitch). */
  note: string | null;
  status: TeamIntroStatus;
  /** The member's reason when declining; shown to the requester. */
  reason: string | null;
  approvedBy: string | null;
  /** The double opt-in note the member sends the target from their own mailbox, made on acceptance. */
  draft: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type TeamIntroRequestInput = Pick<
  TeamIntroRequest,
  "teamId" | "requesterUserId" | "memberUserId" | "memberPersonId" | "note"
> & { status: TeamIntroStatus };

export type TeamIntroRequestPatch = Partial<
  Pick<TeamIntroRequest, "status" | "reason" | "approvedBy" | "draft">
>;
