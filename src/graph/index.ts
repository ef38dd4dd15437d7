/**
 * src/graph's face for the layers above it (resolvers, schema, limits, HTTP,
 * command line) and for src/index.ts, which picks the public API from it.
 * Every name is listed; nothing else of src/graph is reached from outside.
 * The storage adapters are not here: each has its own entry point
 * (src/sqlite.ts, src/neo4j.ts), so loading the engine loads no driver.
 */

// The domain model: record kinds, their types and enumerations.
export { nameKey } from "./model/fields.js";
export {
  CATEGORIES,
  type Category,
  type Person,
  type PersonInput,
  type PersonPatch,
  type PersonFilter,
} from "./model/person.js";
export {
  ORGANIZATION_KINDS,
  type OrganizationKind,
  type Organization,
  type OrganizationInput,
  type OrganizationPatch,
  type OrganizationFilter,
} from "./model/organization.js";
export {
  TIE_CONTEXTS,
  PROVENANCES,
  MIN_RATING,
  type TieContext,
  type Provenance,
  type Tie,
  type TieInput,
  type TiePatch,
  type TieFilter,
} from "./model/tie.js";
export {
  isCurrentEmployment,
  type Employment,
  type EmploymentInput,
  type EmploymentPatch,
  type EmploymentFilter,
} from "./model/employment.js";
export type {
  Membership,
  MembershipInput,
  MembershipPatch,
  MembershipFilter,
} from "./model/membership.js";
export {
  INTERACTION_KINDS,
  DIRECTIONS,
  type InteractionKind,
  type Direction,
  type Interaction,
  type InteractionInput,
  type InteractionPatch,
  type InteractionFilter,
} from "./model/interaction.js";
export {
  FOLLOW_UP_LISTS,
  FOLLOW_UP_STATUSES,
  type FollowUpList,
  type FollowUpStatus,
  type FollowUp,
  type FollowUpInput,
  type FollowUpPatch,
  type FollowUpFilter,
} from "./model/follow-up.js";
export {
  FAVOR_KINDS,
  FAVOR_DIRECTIONS,
  type FavorKind,
  type FavorDirection,
  type Favor,
  type FavorInput,
  type FavorPatch,
  type FavorFilter,
} from "./model/favor.js";
export {
  INTRO_REQUEST_STATUSES,
  type IntroRequestStatus,
  type IntroRequest,
  type IntroRequestInput,
  type IntroRequestPatch,
  type IntroRequestFilter,
} from "./model/intro-request.js";
export type { News, NewsInput } from "./model/news.js";
export type { Cadence, CadenceInput } from "./model/cadence.js";
export { DRAFT_STATUSES, type DraftStatus, type Draft } from "./model/draft.js";
export {
  RECORD_KINDS,
  UPSERT_KINDS,
  type RecordKind,
  type UpsertKind,
  type Records,
  type Inputs,
  type Patches,
  type Filters,
} from "./model/kinds.js";
export { currentEmployers } from "./current-employers.js";
export { peopleById, roleLine } from "./people-names.js";
export {
  foldText,
  searchPeople,
  SEARCH_PEOPLE_DEFAULTS,
  type PeopleSearch,
  bestNameMatches,
  ambiguous,
  nobodyNamed,
  lookupOf,
  matchLabel,
  resolvePerson,
  chooseOrganization,
  resolveOrganization,
  type SearchedStore,
} from "./search/index.js";
export {
  PROJECTION_BUDGET_DEFAULTS,
  projectionFor,
  saveProjectionSnapshots,
  setProjectionBudget,
  setProjectionSnapshots,
} from "./projection/projection-registry.js";
export { findTie, disconnect } from "./ties.js";

// The store port, what an adapter implements and returns, and the helpers the layers above share.
export type {
  NetworkStore,
  UpsertOutcome,
  UpsertResult,
  BulkUpsertResult,
  PersonLookup,
  CreateOptions,
} from "./store/network-store.js";
export type { ChangeEntry, ChangeSet } from "./store/change-set.js";
export type { NetworkSnapshot } from "./store/network-snapshot.js";
export type { LoadNetworkOptions } from "./store/load-network-options.js";
export type { TieRow } from "./store/tie-row.js";
export type { TiePage, TextCodes } from "./store/tie-page.js";
export type {
  ImportScope,
  ImportView,
  ImportWrites,
  ImportBatchPlanner,
} from "./store/import-batch.js";
export type { IdempotencyClaim, KeyClaimState } from "./store/idempotency-key.js";
export {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type PageArgs,
  type Connection,
  type Edge,
} from "./store/page.js";
export type {
  ApiToken,
  ApiTokenInput,
  ApiTokenWithUser,
  Session,
  SessionInput,
  SessionWithUser,
  User,
  UserInput,
} from "./store/accounts.js";
export { normalizeUserEmail } from "./store/accounts.js";
export type { Invitation, InvitationInput, SignUpInput } from "./store/invitations.js";
export type { Passkey, PasskeyInput, PasskeyWithUser } from "./store/passkeys.js";
export {
  AUDIT_KINDS,
  SHARING_LEVELS,
  TEAM_INTRO_STATUSES,
  TEAM_ROLES,
  type AuditKind,
  type ContactSharing,
  type PoolingSettings,
  type SharingLevel,
  type Team,
  type TeamAuditEntry,
  type TeamAuditInput,
  type TeamInput,
  type TeamIntroRequest,
  type TeamIntroRequestInput,
  type TeamIntroRequestPatch,
  type TeamIntroStatus,
  type TeamInvitation,
  type TeamInvitationInput,
  type TeamMember,
  type TeamMemberPatch,
  type TeamPatch,
  type TeamRole,
} from "./store/teams.js";
export { refFields } from "./store/store-rules.js";
export { listAll } from "./store/list-all.js";
export { networkSize } from "./store/network-size.js";
export { runIdempotent, createIdempotent } from "./run-idempotent.js";
export { withDeadline, checkDeadline, type Deadline } from "./deadline.js";

// The path engine: the warmth model, the path index, warmest paths and the analytics.
export { tieWarmth, type TieWarmth, type WarmthFactors } from "./warmth/tie-warmth.js";
export { summarizeEvidence, type TieEvidence } from "./warmth/tie-evidence.js";
export { WARMTH_DEFAULTS, type WarmthOptions } from "./warmth/warmth-options.js";
export {
  buildPathIndex,
  PathIndex,
  PATH_INDEX_DEFAULTS,
  type PathIndexOptions,
} from "./path-index/path-index.js";
export type { UndirectedOptions } from "./path-index/undirected-graph.js";
export {
  warmestPaths,
  WARMEST_PATHS_DEFAULTS,
  MAX_HOPS_LIMIT,
  type WarmestPathsOptions,
  type FoundPath,
} from "./paths/warmest-paths.js";
export { warmthLabel, type IntroPath, type IntroHop } from "./paths/intro-path.js";
export {
  MAX_K_LIMIT,
  type IntroTarget,
  type IntroPathsOptions,
  type IntroPathResult,
} from "./paths/intro-paths.js";
export { findIntroPaths, findShortestPath } from "./paths/find-paths.js";
export { explainPath } from "./paths/explain-path.js";
export { reach, REACH_DEFAULTS, type ReachLevel, type ReachOptions } from "./analytics/reach.js";
export {
  communities,
  type Community,
  type Bridge,
  type CommunitiesOptions,
} from "./analytics/communities.js";
export type { Connector, Coverage } from "./analytics/connectors-and-coverage.js";
export {
  brokers,
  BROKERS_DEFAULTS,
  type Broker,
  type BrokersOptions,
} from "./analytics/brokers.js";
export {
  findReach,
  findTopConnectors,
  findCommunities,
  findBridges,
  findBrokers,
  findCoverage,
  ANALYTICS_DEFAULTS,
} from "./analytics/find-analytics.js";
export {
  networkGraph,
  NETWORK_GRAPH_DEFAULTS,
  type NetworkGraph,
  type NetworkGraphOptions,
  type GraphNode,
  type GraphEdge,
} from "./analytics/network-graph.js";

// The networking habits: cadence and lists, news and updates, favors, introduction requests.
export {
  CADENCE_DEFAULTS,
  categoryCadences,
  setCadence,
  type CadenceRule,
  nextContacts,
  NEXT_CONTACTS_DEFAULTS,
  type NextContact,
  immediateFollowUps,
  type ImmediateFollowUp,
  losingTouch,
  type LosingTouch,
  addFollowUp,
  snoozeFollowUp,
  completeFollowUp,
  recordNews,
  newsHistory,
  draftUpdate,
  markUpdateSent,
  draftsOf,
  RECIPIENT_LISTS,
  type RecipientList,
  type UpdateRecipients,
  type DraftedUpdate,
  exportUpdate,
  DRAFT_EXPORT_FORMATS,
  type DraftExportFormat,
  type ExportedDraft,
  recordFavor,
  favorBalance,
  type FavorBalance,
  peopleYouCouldHelp,
  type HelpOpportunity,
  conversationStarters,
  type ConversationStarters,
  setElevatorPitch,
  INTRO_REQUEST_TRANSITIONS,
  createIntroRequest,
  setIntroRequestStatus,
  introRequests,
  type IntroRequestView,
  introRequestDraft,
  teammateIntroDraft,
  planIntroRequest,
  type IntroRequestPlan,
  type IntroRequestPlanInput,
} from "./habits/index.js";

// Imports and exports.
export {
  importContacts,
  IMPORT_DEFAULTS,
  type ImportOptions,
  type ImportReport,
  type ImportRowReport,
  type RowOutcome,
} from "./import/import-contacts.js";
export { IMPORT_LAYOUTS, type ImportLayout, type ImportWarning } from "./import/contact-row.js";
export { ZIP_DEFAULTS, type ZipLimits } from "./import/zip-contact-file.js";
export {
  importMail,
  importMailFromText,
  SKIP_REASONS as MAIL_SKIP_REASONS,
  type MailImportOptions,
  type MailImportReport,
  type MailProgress,
  type SkipReason as MailSkipReason,
} from "./import/mail/index.js";
export {
  importCalendar,
  importCalendarFromText,
  EVENT_SKIP_REASONS,
  MAX_CALENDAR_BYTES,
  type CalendarImportOptions,
  type CalendarImportReport,
  type EventSkipReason,
} from "./import/calendar/index.js";
export {
  importNetworkJson,
  type ImportCounts,
  type JsonImportReport,
} from "./import/json/import-network-json.js";
export {
  exportNetwork,
  NETWORK_EXPORT_FORMATS,
  type NetworkExportFormat,
  type ExportedFile,
} from "./export/export-network.js";
export { loadDemoNetwork, DEMO_HIGHLIGHTS } from "./demo/demo-network.js";

// Team pooling (issue 14): which contacts and members a team search may use, and the pooled search.
export {
  isPersonalAddress,
  shareableContacts,
  hiddenReason,
  labelKey,
  pooledId,
  type HiddenReason,
  effectiveLevel,
  poolMembers,
  type PoolMember,
  STRENGTH_BANDS,
  BAND_MIDPOINTS,
  TEAMMATE_STRENGTH,
  strengthBand,
  type StrengthBand,
  buildPooledNetwork,
  PooledNetwork,
  POOLED_NETWORK_DEFAULTS,
  type PoolRequester,
  type PoolMemberNetwork,
  type PooledNetworkOptions,
  type PooledNodeView,
  type PoolHolder,
  pooledIntroPaths,
  checkPooledTarget,
  viewName,
  type PooledTarget,
  type PooledPathsOptions,
  type PooledHop,
  type PooledPath,
  type PooledPathResult,
  teamPoolFor,
  forgetTeamPools,
  type TeamPoolInput,
  type TeamPoolMember,
  type TeamPoolOptions,
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
} from "./teams/index.js";
