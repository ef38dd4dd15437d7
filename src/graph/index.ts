/**
 * src/graph: the domain and its storage, with no GraphQL in sight.
 */
export * from "./model/fields.js";
export type { RecordBase, RecordData, RecordSpec, FieldSpec, RefSpec } from "./model/record.js";
export * from "./model/person.js";
export * from "./model/organization.js";
export * from "./model/tie.js";
export * from "./model/employment.js";
export * from "./model/membership.js";
export * from "./model/interaction.js";
export * from "./model/follow-up.js";
export * from "./model/favor.js";
export * from "./model/intro-request.js";
export * from "./model/news.js";
export * from "./model/cadence.js";
export * from "./model/draft.js";
export { SPECS, RECORD_KINDS, UPSERT_KINDS, type RecordKind, type UpsertKind, type Records, type Inputs, type Patches, type Filters } from "./model/kinds.js";
export { FILTER_RULES, type FilterRule } from "./model/filter-rules.js";
export { refFields, MAX_NEIGHBORHOOD_DEPTH } from "./store/store-rules.js";
export { findTie, disconnect } from "./ties.js";
export type { NetworkStore, UpsertOutcome, UpsertResult, BulkUpsertResult, PersonLookup, CreateOptions } from "./store/network-store.js";
export type { ChangeEntry, ChangeSet } from "./store/change-set.js";
export type { ImportScope, ImportView, ImportWrites, ImportBatchPlanner } from "./store/import-batch.js";
export { IDEMPOTENCY_KEY_TTL_MS, MAX_IDEMPOTENCY_KEY_LENGTH, checkIdempotencyKey, type IdempotencyClaim, type KeyClaimState } from "./store/idempotency-key.js";
export { runIdempotent, createIdempotent, fingerprintOf, type IdempotentRequest } from "./run-idempotent.js";
export type { NetworkSnapshot } from "./store/network-snapshot.js";
export { networkSize } from "./store/network-size.js";
export { withDeadline, currentDeadline, remainingMs, checkDeadline, yieldToOthers, timeoutError, type Deadline } from "./deadline.js";
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageArgs, type Connection, type Edge } from "./store/page.js";
export { SqliteStore, DEFAULT_SQLITE_PATH, type SqliteStoreOptions } from "./store/sqlite/sqlite-store.js";
export { Neo4jStore, type Neo4jStoreOptions } from "./store/neo4j/index.js";

// The path engine: warmth model, projection, warmest paths.
export { tieWarmth, inferredWarmth, type TieWarmth, type WarmthFactors } from "./warmth/tie-warmth.js";
export { summarizeEvidence, NO_EVIDENCE, type TieEvidence } from "./warmth/tie-evidence.js";
export { WARMTH_DEFAULTS, warmthOptions, type WarmthOptions } from "./warmth/warmth-options.js";
export { NetworkProjection, type ProjectionOptions, type EdgeAttributes } from "./projection/network-projection.js";
export { projectionFor } from "./projection/projection-registry.js";
export { buildPathIndex, PathIndex, PATH_INDEX_DEFAULTS, type PathIndexOptions } from "./paths/path-index.js";
export type { UndirectedOptions } from "./paths/undirected-graph.js";
export { WARMTH_TOLERANCE } from "./paths/warmth-bound.js";
export { warmestPaths, WARMEST_PATHS_DEFAULTS, MAX_HOPS_LIMIT, type WarmestPathsOptions, type FoundPath } from "./paths/warmest-paths.js";
export { introPaths, warmthLabel, type IntroTarget, type IntroPathsOptions, type IntroPath, type IntroHop, type IntroPathResult } from "./paths/intro-paths.js";
export { findIntroPaths, findShortestPath } from "./paths/find-paths.js";
export { reach, REACH_DEFAULTS, type ReachLevel, type ReachOptions } from "./analytics/reach.js";
export { communities, type Community, type Bridge, type CommunitiesOptions } from "./analytics/communities.js";
export { topConnectors, coverage, type Connector, type Coverage } from "./analytics/connectors-and-coverage.js";
export { brokers, BROKERS_DEFAULTS, type Broker, type BrokersOptions } from "./analytics/brokers.js";
export { findReach, findTopConnectors, findCommunities, findBridges, findBrokers, findCoverage } from "./analytics/find-analytics.js";

// The networking habits: cadence and lists, news and updates, favors, introduction requests.
export * from "./habits/index.js";

// Imports and exports.
export { importContacts, IMPORT_DEFAULTS, type ImportOptions, type ImportReport, type ImportRowReport, type RowOutcome } from "./import/import-contacts.js";
export { readContacts } from "./import/read-contacts.js";
export { IMPORT_LAYOUTS, type ImportLayout, type ContactRow, type ImportWarning } from "./import/contact-row.js";
export { ZIP_DEFAULTS, type ZipLimits } from "./import/zip-contact-file.js";
export { exportNetwork, EXPORT_FORMATS, type ExportFormat, type ExportedFile } from "./export/export-network.js";
export { importNetworkJson, type JsonImportReport } from "./export/import-network-json.js";
export { loadDemoNetwork } from "./demo/demo-network.js";
export { csvCell } from "./export/csv-cell.js";
