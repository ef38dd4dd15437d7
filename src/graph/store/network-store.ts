/**
 * The storage port: one interface for every adapter (SQLite, Neo4j). Every
 * operation is scoped to an owner; another owner's id behaves exactly like a
 * missing one. Adapters pass the contract suite in src/testing (`warmpath/testing`).
 */
import type { Filters, Inputs, Patches, RecordKind, Records, UpsertKind } from "../model/kinds.js";
import type { Person, PersonInput } from "../model/person.js";
import type { Connection, PageArgs } from "./page.js";
import type { ChangeSet } from "./change-set.js";
import type { NetworkSnapshot } from "./network-snapshot.js";
import type { LoadNetworkOptions } from "./load-network-options.js";
import type { ImportBatchPlanner, ImportScope, ImportView } from "./import-batch.js";
import type { IdempotencyClaim, KeyClaimState } from "./idempotency-key.js";
import type {
  ApiToken,
  ApiTokenInput,
  ApiTokenWithUser,
  Session,
  SessionInput,
  SessionWithUser,
  User,
  UserInput,
} from "./accounts.js";
import type { Invitation, InvitationInput, SignUpInput } from "./invitations.js";
import type { Passkey, PasskeyInput, PasskeyWithUser } from "./passkeys.js";
import type {
  ContactSharing,
  PoolingSettings,
  Team,
  TeamAuditEntry,
  TeamAuditInput,
  TeamInput,
  TeamIntroRequest,
  TeamIntroRequestInput,
  TeamIntroRequestPatch,
  TeamInvitation,
  TeamInvitationInput,
  TeamMember,
  TeamMemberPatch,
  TeamPatch,
  TeamRole,
} from "./teams.js";

export type UpsertOutcome = "created" | "updated" | "unchanged";

export interface UpsertResult<R> {
  outcome: UpsertOutcome;
  record: R;
}

/** One entry per input of a bulk upsert, in input order. */
export interface BulkUpsertResult {
  ids: string[];
  outcomes: UpsertOutcome[];
}

/** Options of a single-record create. */
export interface CreateOptions {
  /**
   * Records this idempotency key in the same transaction as the record, with the
   * record as its result: a retry with the key returns the first record and writes
   * nothing (see idempotency-key.ts for the CONFLICT cases).
   */
  idempotency?: IdempotencyClaim;
}

export type PersonLookup = { email: string } | { profileUrl: string } | { name: string };

export interface NetworkStore {
  /** "sqlite" or "neo4j", for logs and readiness checks. */
  readonly backend: string;
  /** Creates tables or constraints; idempotent. */
  init(): Promise<void>;
  /** Throws UNAVAILABLE when the backing database cannot be reached. */
  ping(): Promise<void>;
  close(): Promise<void>;

  /** Creates the owner and their self person if missing; returns the self person either way. */
  ensureOwner(ownerId: string, self: PersonInput): Promise<Person>;
  /** The owner's own person, where their paths start. NOT_FOUND for an unknown owner. */
  getSelf(ownerId: string): Promise<Person>;

  create<K extends RecordKind>(
    ownerId: string,
    kind: K,
    input: Inputs[K],
    options?: CreateOptions,
  ): Promise<Records[K]>;
  /** NOT_FOUND when missing or owned by someone else. */
  get<K extends RecordKind>(ownerId: string, kind: K, id: string): Promise<Records[K]>;
  /** In the order asked, null where missing: for per-request batching. */
  getMany<K extends RecordKind>(
    ownerId: string,
    kind: K,
    ids: readonly string[],
  ): Promise<(Records[K] | null)[]>;
  update<K extends RecordKind>(
    ownerId: string,
    kind: K,
    id: string,
    patch: Patches[K],
  ): Promise<Records[K]>;
  /** Deletes the record and everything that references it (a person's ties, employment, interactions...). */
  delete(ownerId: string, kind: RecordKind, id: string): Promise<void>;
  list<K extends RecordKind>(
    ownerId: string,
    kind: K,
    filter?: Filters[K],
    page?: PageArgs,
  ): Promise<Connection<Records[K]>>;
  /**
   * Every record of `kind` that references one of these people (or organizations),
   * in list order: a person's ties and employment for many people in one call,
   * so nested fields can be batched per request.
   */
  listByRefs<K extends RecordKind>(
    ownerId: string,
    kind: K,
    refKind: "person" | "organization",
    ids: readonly string[],
  ): Promise<Records[K][]>;

  /** Exact look-up; e-mails and profile URLs are normalized first, names compared ignoring case. */
  findPeople(ownerId: string, lookup: PersonLookup): Promise<Person[]>;

  /** Creates, or merges into the record with the same identity (profile URL or e-mail for people). */
  upsert<K extends UpsertKind>(
    ownerId: string,
    kind: K,
    input: Inputs[K],
  ): Promise<UpsertResult<Records[K]>>;
  /** Many upserts in one transaction: all are written, or none (the first bad input's error names its index). */
  bulkUpsert<K extends UpsertKind>(
    ownerId: string,
    kind: K,
    inputs: readonly Inputs[K][],
  ): Promise<BulkUpsertResult>;

  /**
   * One import batch in one write transaction under the owner's lock: reads the
   * records `scope` names, lets `plan` decide the matches against them, writes what
   * it decided and returns its result. Concurrent imports therefore never match
   * against a stale copy.
   */
  importBatch<T>(ownerId: string, scope: ImportScope, plan: ImportBatchPlanner<T>): Promise<T>;
  /**
   * What `importBatch` would plan against for `scope`, read in one read transaction
   * that writes nothing: a dry run plans each batch on it instead of reading the whole
   * network. NOT_FOUND for an unknown owner.
   */
  readImportView(ownerId: string, scope: ImportScope): Promise<ImportView>;

  /**
   * Claims an idempotency key for a request that writes in several transactions:
   * `run` when the caller now holds it, `done` with the first request's result;
   * CONFLICT on `idempotencyKey` for another input or while the key is held. Writes
   * no record and does not move the version; purges the owner's expired keys.
   */
  claimKey(ownerId: string, claim: IdempotencyClaim): Promise<KeyClaimState>;
  /** Stores the result of the request that holds the key. */
  settleKey(ownerId: string, claim: IdempotencyClaim, result: string): Promise<void>;
  /** Lets a key go after its request failed, so a retry runs; a settled key stays. */
  releaseKey(ownerId: string, key: string): Promise<void>;

  /**
   * Creates a user who owns `ownerId` when that owner exists (an existing network is
   * adopted as it is), else a new owner with the user as its self person. CONFLICT on
   * `email` when the normalized address is taken, on `ownerId` when another user owns it.
   */
  createUser(input: UserInput): Promise<User>;
  /** NOT_FOUND when missing. */
  getUser(id: string): Promise<User>;
  /** The user with this address (normalized first), or null. */
  findUserByEmail(email: string): Promise<User | null>;
  countUsers(): Promise<number>;
  /** Every user, oldest first. */
  listUsers(): Promise<User[]>;
  /** Stores a new encoded password hash; NOT_FOUND for an unknown user. */
  setUserPassword(id: string, passwordHash: string): Promise<void>;
  /** Marks the user disabled (the first time only) and ends their sessions. */
  disableUser(id: string): Promise<User>;

  /** Stores a session by its token's hash; NOT_FOUND on `userId` for an unknown user. */
  createSession(input: SessionInput): Promise<Session>;
  /** The session with this token hash and its user, expired or not, or null. */
  findSession(tokenHash: string): Promise<SessionWithUser | null>;
  /** Records a request; NOT_FOUND when the session is gone. */
  touchSession(tokenHash: string, times: { lastSeenAt: Date; expiresAt: Date }): Promise<void>;
  /** Ends one session; nothing happens when it is already gone. */
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of the user but `except`; returns how many ended. */
  deleteUserSessions(userId: string, options?: { except?: string }): Promise<number>;
  /** The user's sessions, oldest first. */
  listSessions(userId: string): Promise<Session[]>;
  /** Ends one of the user's sessions by its id. NOT_FOUND for a missing or another user's id. */
  deleteUserSession(userId: string, sessionId: string): Promise<void>;

  /** Stores an invitation by its token's hash; NOT_FOUND on `invitedBy` for an unknown user. */
  createInvitation(input: InvitationInput): Promise<Invitation>;
  /**
   * In one transaction: uses the invitation with this token hash and creates its user (with a
   * network of their own, admin when the invitation says so). NOT_FOUND on `invitation` when the
   * invitation is unknown, used or expired at `now` (one answer for all three); BAD_USER_INPUT on
   * `email` when the invitation names another address; CONFLICT on `email` when it is taken, and
   * then the invitation stays unused.
   */
  signUpByInvitation(tokenHash: string, input: SignUpInput, now: Date): Promise<User>;
  /** The invitations `invitedBy` made, used ones included, oldest first. */
  listInvitations(invitedBy: string): Promise<Invitation[]>;

  /** Stores a user's WebAuthn credential; CONFLICT on `id` when the credential is registered. */
  createPasskey(input: PasskeyInput): Promise<Passkey>;
  /** The credential with this id and its user, or null. */
  findPasskey(id: string): Promise<PasskeyWithUser | null>;
  /** The user's passkeys, oldest first. */
  listPasskeys(userId: string): Promise<Passkey[]>;
  /** Records a sign-in: the authenticator's new signature counter and the time. NOT_FOUND when missing. */
  usePasskey(id: string, counter: number, usedAt: Date): Promise<void>;
  /** Removes one of the user's passkeys. NOT_FOUND for a missing or another user's id. */
  deletePasskey(userId: string, id: string): Promise<void>;

  /** Stores an API token by its hash; NOT_FOUND on `userId` for an unknown user. */
  createApiToken(input: ApiTokenInput): Promise<ApiToken>;
  /** The token with this hash and its user, revoked or expired too, or null. */
  findApiToken(tokenHash: string): Promise<ApiTokenWithUser | null>;
  /** The user's tokens, revoked ones included, oldest first. */
  listApiTokens(userId: string): Promise<ApiToken[]>;
  /** Records when a token was last used; NOT_FOUND when missing. */
  touchApiToken(id: string, lastUsedAt: Date): Promise<void>;
  /** Revokes one of the user's tokens (once; later calls keep the first time). NOT_FOUND for a missing or another user's id. */
  revokeApiToken(userId: string, id: string): Promise<ApiToken>;

  /** Creates a team whose first member, its owner, is `createdBy` (sharing off). */
  createTeam(input: TeamInput, createdBy: string): Promise<{ team: Team; member: TeamMember }>;
  /** NOT_FOUND for a missing team. */
  getTeam(teamId: string): Promise<Team>;
  updateTeam(teamId: string, patch: TeamPatch): Promise<Team>;
  /** Removes the team with its memberships, invitations, audit entries and requests. */
  deleteTeam(teamId: string): Promise<void>;
  /** The teams `userId` belongs to, with their membership, oldest first. */
  listUserTeams(userId: string): Promise<{ team: Team; member: TeamMember }[]>;
  /** The membership, or null when `userId` is not a member (or the team is missing). */
  getTeamMember(teamId: string, userId: string): Promise<TeamMember | null>;
  /** Members oldest first. */
  listTeamMembers(teamId: string): Promise<TeamMember[]>;
  /** CONFLICT on `userId` for a member already; NOT_FOUND for a missing team or user. */
  addTeamMember(teamId: string, userId: string, role: TeamRole): Promise<TeamMember>;
  /** NOT_FOUND when not a member. */
  updateTeamMember(teamId: string, userId: string, patch: TeamMemberPatch): Promise<TeamMember>;
  /** NOT_FOUND when not a member. */
  removeTeamMember(teamId: string, userId: string): Promise<void>;

  createTeamInvitation(input: TeamInvitationInput): Promise<TeamInvitation>;
  /**
   * In one transaction: uses the invitation with this token hash and adds `userId` with its
   * role. NOT_FOUND on `invitation` for an unknown, used or expired one (one answer); CONFLICT
   * on `userId` for a member already, and then the invitation stays unused.
   */
  joinTeamByInvitation(tokenHash: string, userId: string, now: Date): Promise<TeamMember>;
  listTeamInvitations(teamId: string): Promise<TeamInvitation[]>;

  /** The owner's pooling choices; empty ones (no overrides, no blocked labels) for a new owner. */
  getPoolingSettings(ownerId: string): Promise<PoolingSettings>;
  /** Shares or hides one contact over the defaults, or (null) returns it to them. NOT_FOUND for a person not the owner's. */
  setContactSharing(
    ownerId: string,
    personId: string,
    sharing: ContactSharing | null,
  ): Promise<void>;
  /** Replaces the owner's blocked labels (categories and tags). */
  setBlockedLabels(ownerId: string, labels: readonly string[]): Promise<void>;

  appendTeamAudit(entry: TeamAuditInput): Promise<TeamAuditEntry>;
  /** Newest first; only entries naming `memberUserId` (as actor or used member) when given. */
  listTeamAudit(
    teamId: string,
    options?: { memberUserId?: string; first?: number },
  ): Promise<TeamAuditEntry[]>;

  createTeamIntroRequest(input: TeamIntroRequestInput): Promise<TeamIntroRequest>;
  /** NOT_FOUND for a missing request or one of another team. */
  getTeamIntroRequest(teamId: string, id: string): Promise<TeamIntroRequest>;
  /** The team's requests that `userId` made or was asked, newest first. */
  listTeamIntroRequests(teamId: string, userId: string): Promise<TeamIntroRequest[]>;
  updateTeamIntroRequest(
    teamId: string,
    id: string,
    patch: TeamIntroRequestPatch,
  ): Promise<TeamIntroRequest>;

  /** Rises with every committed change of the owner's records; 0 for an owner with none. */
  version(ownerId: string): Promise<number>;
  /** What changed after `version`, oldest first. */
  changesSince(ownerId: string, version: number): Promise<ChangeSet>;

  /**
   * The owner's whole network in one call, for building the in-memory projection; with `onTie`,
   * the ties are streamed to it as rows (tie-row.ts) instead of returned.
   */
  loadNetwork(ownerId: string, options?: LoadNetworkOptions): Promise<NetworkSnapshot>;
  /** People within `depth` ties of a person, the ties among them, and their employers and groups. */
  loadNeighborhood(ownerId: string, personId: string, depth: number): Promise<NetworkSnapshot>;
}
