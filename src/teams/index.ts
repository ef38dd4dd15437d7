/**
 * Teams, the service layer of issue 14: membership and sharing, pooled searches and requests
 * through a teammate, the audit log; on top of the store port and the pooling engine of
 * src/graph/teams. Knows nothing of HTTP or GraphQL.
 */
export { effectiveSharing, isWider, manages, mayGrantRole, stricter } from "./team-rules.js";
export { managerOf, membership, otherMember } from "./team-access.js";
export {
  TEAM_INVITATION_DEFAULTS,
  capMemberSharing,
  createTeam,
  inviteToTeam,
  joinTeam,
  removeMember,
  setMemberRole,
  setMySharing,
  updateTeamSettings,
} from "./manage-team.js";
export { teamAudit } from "./team-audit.js";
export { memberPool, type MemberPool } from "./team-pool.js";
export { teamIntroPaths, type TeamPathSearch } from "./pooled-search.js";
export { teamPersonView } from "./pooled-lookup.js";
export {
  askTeammate,
  moveTeammateRequest,
  teammateRequests,
  visibleRequest,
  type AskTeammate,
  type RequestAnswer,
} from "./teammate-requests.js";
export { requestTarget, type RequestTargetView } from "./request-target.js";
export {
  teamCoverage,
  teamReach,
  teamTopConnectors,
  type TeamAnalysis,
} from "./pooled-analytics.js";
