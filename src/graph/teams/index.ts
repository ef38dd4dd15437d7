/** Team pooling (issue 14): the privacy rules and the pooled search, over projections; no store writes. */
export { isPersonalAddress, isPersonalDomain } from "./personal-mail-domains.js";
export {
  shareableContacts,
  hiddenReason,
  labelKey,
  type ContactSource,
  type HiddenReason,
} from "./shareable-contacts.js";
export { effectiveLevel, poolMembers, type PoolMember } from "./pool-members.js";
export {
  STRENGTH_BANDS,
  BAND_FLOORS,
  BAND_MIDPOINTS,
  TEAMMATE_STRENGTH,
  strengthBand,
  type StrengthBand,
} from "./strength-bands.js";
export { identityKeys } from "./identity-groups.js";
export {
  buildPooledNetwork,
  POOLED_NETWORK_DEFAULTS,
  type PoolRequester,
  type PoolMemberNetwork,
  type PooledNetworkOptions,
} from "./pooled-network.js";
export {
  PooledNetwork,
  pooledId,
  type PooledNodeView,
  type PooledEdgeAttributes,
  type PoolHolder,
} from "./pooled-graph.js";
export {
  pooledIntroPaths,
  checkPooledTarget,
  viewName,
  type PooledTarget,
  type PooledPathsOptions,
  type PooledHop,
  type PooledPath,
  type PooledPathResult,
} from "./pooled-paths.js";
export {
  teamPoolFor,
  forgetTeamPools,
  type TeamPoolInput,
  type TeamPoolMember,
  type TeamPoolOptions,
} from "./team-projection.js";
export {
  pooledReach,
  pooledTopConnectors,
  pooledCoverage,
  POOLED_ANALYTICS_DEFAULTS,
  checkOrganizationNames,
  checkReachOptions,
  checkConnectorArguments,
  type PooledReachOptions,
  type PooledReach,
  type PooledConnector,
  type PooledConnectors,
  type PooledCoverage,
  type PooledCoverageResult,
} from "./pooled-analytics.js";
