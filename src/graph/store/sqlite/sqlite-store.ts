/**
 * The embedded default store, on better-sqlite3: one file (or `:memory:` for
 * tests), WAL with synchronous=FULL, foreign keys on. Calls are synchronous
 * underneath; every write is one IMMEDIATE transaction, so writes serialize
 * even across processes sharing the file. This class owns the connection, the
 * statement cache and the transactions; the statements live in one file per
 * operation (sqlite-reads.ts, sqlite-writes.ts, ...), cut as the Neo4j adapter is.
 */
import { resolve } from "node:path";
import type Database from "better-sqlite3";
import { badInput, conflict, ErrorCode, notFound, WarmpathError } from "../../../errors.js";
import {
  email as normalizeEmail,
  nameKey,
  profileUrl as normalizeProfileUrl,
} from "../../model/fields.js";
import type {
  Filters,
  Inputs,
  Patches,
  RecordKind,
  Records,
  UpsertKind,
} from "../../model/kinds.js";
import type { Person, PersonInput } from "../../model/person.js";
import {
  checkHashFree,
  checkPasswordHash,
  checkTime,
  checkTokenHash,
  newApiToken,
  newSession,
  newUser,
  normalizeUserEmail,
  selfOf,
  sessionNotFound,
  type ApiToken,
  type ApiTokenInput,
  type ApiTokenWithUser,
  type Session,
  type SessionInput,
  type SessionWithUser,
  type User,
  type UserInput,
} from "../accounts.js";
import type { ChangeSet } from "../change-set.js";
import {
  checkUsable,
  invitedUser,
  newInvitation,
  newInvitedUser,
  type Invitation,
  type InvitationInput,
  type SignUpInput,
} from "../invitations.js";
import {
  checkCounter,
  checkPasskeyFree,
  newPasskey,
  type Passkey,
  type PasskeyInput,
  type PasskeyWithUser,
} from "../passkeys.js";
import {
  checkClaim,
  claimedKey,
  settledKey,
  type IdempotencyClaim,
  type KeyClaimState,
} from "../idempotency-key.js";
import type { ImportBatchPlanner, ImportScope, ImportView } from "../import-batch.js";
import {
  auditQuery,
  checkBlockedLabels,
  checkContactSharing,
  checkNotMember,
  checkRole,
  memberNotFound,
  newTeam,
  newTeamAuditEntry,
  newTeamIntroRequest,
  newTeamInvitation,
  newTeamMember,
  patchedTeam,
  patchedTeamIntroRequest,
  patchedTeamMember,
  teamNotFound,
  usableTeamInvitation,
} from "../team-records.js";
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
} from "../teams.js";
import type {
  BulkUpsertResult,
  CreateOptions,
  NetworkStore,
  PersonLookup,
  UpsertResult,
} from "../network-store.js";
import type { NetworkSnapshot } from "../network-snapshot.js";
import type { LoadNetworkOptions } from "../load-network-options.js";
import type { Connection, PageArgs } from "../page.js";
import { checkOwnerId, newRecord, newRecords, patchedRecord } from "../record-ops.js";
import { checkDepth, refFields } from "../store-rules.js";
import {
  checkUserFree,
  countUsers,
  deleteSession,
  deleteUserSession,
  deleteUserSessions,
  disable,
  insertSession,
  insertToken,
  insertUser,
  listUsers,
  revokeToken,
  sessionByHash,
  sessionsOf,
  setPassword,
  tokenByHash,
  tokenOf,
  tokensOf,
  touchToken,
  updateSession,
  userByEmail,
  userById,
} from "./sqlite-accounts.js";
import { ChangeLog } from "./sqlite-change-log.js";
import {
  insertInvitation,
  invitationByHash,
  invitationsBy,
  markUsed,
} from "./sqlite-invitations.js";
import {
  deletePasskey,
  insertPasskey,
  passkeyById,
  passkeysOf,
  usePasskey,
} from "./sqlite-passkeys.js";
import {
  migrate,
  openDatabase,
  refreshStatistics,
  withoutForeignKeys,
} from "./sqlite-connection.js";
import { poolingSettingsOf, putBlockedLabels, putContactSharing } from "./sqlite-pooling.js";
import { auditEntriesOf, insertAuditEntry } from "./sqlite-team-audit.js";
import {
  insertTeamIntro,
  teamIntroOf,
  teamIntrosOf,
  updateTeamIntro,
} from "./sqlite-team-intros.js";
import {
  insertTeamInvitation,
  markTeamInvitationUsed,
  teamInvitationByHash,
  teamInvitationsOf,
} from "./sqlite-team-invitations.js";
import {
  deleteMember,
  deleteTeam,
  insertMember,
  insertTeam,
  memberOf,
  membersOf,
  teamById,
  teamsOf,
  updateMember,
  updateTeam,
} from "./sqlite-teams.js";
import { deleteWithDependents } from "./sqlite-delete.js";
import { ensureOwnerIn } from "./sqlite-owner.js";
import { decideKey, deletePendingKey, putKey } from "./sqlite-idempotency.js";
import { importView, writeImport } from "./sqlite-import-batch.js";
import { readImportView } from "./sqlite-import-view.js";
import {
  changesAfter,
  listRecords,
  mustGet,
  ownerRow,
  peopleByNameKey,
  personByKey,
  recordsByIds,
  recordsByRefs,
  requireOwner,
} from "./sqlite-reads.js";
import type { Sql } from "./sqlite-run.js";
import { StatisticsSchedule } from "./sqlite-statistics.js";
import { TABLES } from "./sqlite-tables.js";
import {
  PARALLEL_READ_DEFAULTS,
  readNetworkInParallel,
  type ParallelReadOptions,
} from "./sqlite-parallel-ties.js";
import { readNeighborhood, readNetwork } from "./sqlite-snapshot.js";
import { upsertAll, upsertOne } from "./sqlite-upsert.js";
import { checkIdentityFree, checkRefs } from "./sqlite-write-checks.js";
import { insertRecord, recordChanges, updateRecord } from "./sqlite-writes.js";

export interface SqliteStoreOptions {
  /** A file path (its folder is created), or ":memory:". The server's default is in config.ts. */
  path: string;
  /** When a whole-network read steps its ties on worker threads (sqlite-parallel-ties.ts). */
  parallelRead?: Partial<ParallelReadOptions>;
}

export class SqliteStore implements NetworkStore {
  readonly backend = "sqlite";
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** Prepares each statement once per store; every operation file runs its SQL through it. */
  private readonly sql: Sql = (source) => {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  };

  private readonly statistics: StatisticsSchedule;

  private readonly path: string;
  private readonly parallelRead: ParallelReadOptions;

  constructor(options: SqliteStoreOptions) {
    // The workers of a parallel read open the file by this path, whatever the directory then.
    this.path = options.path === ":memory:" ? options.path : resolve(options.path);
    this.parallelRead = { ...PARALLEL_READ_DEFAULTS, ...options.parallelRead };
    this.db = openDatabase(options.path);
    this.statistics = new StatisticsSchedule(this.db);
  }

  async init(): Promise<void> {
    migrate(this.db);
    refreshStatistics(this.db);
  }

  async ping(): Promise<void> {
    try {
      this.db.prepare("SELECT 1").get();
    } catch (cause) {
      throw new WarmpathError(
        ErrorCode.UNAVAILABLE,
        `SQLite store is not usable: ${String(cause)}`,
        { cause },
      );
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  // --- owners -------------------------------------------------------------

  async ensureOwner(ownerId: string, self: PersonInput): Promise<Person> {
    checkOwnerId(ownerId);
    const incoming = { ...newRecord(ownerId, "person", self), isSelf: true };
    // Not `write`: the owner may not exist yet. IMMEDIATE makes a concurrent first call
    // wait for this one, then find the owner it created.
    return this.db.transaction(() => ensureOwnerIn(this.sql, ownerId, incoming)).immediate();
  }

  async getSelf(ownerId: string): Promise<Person> {
    const owner = requireOwner(this.sql, ownerId);
    return mustGet(this.sql, ownerId, "person", String(owner.self_id));
  }

  // --- records ------------------------------------------------------------

  async create<K extends RecordKind>(
    ownerId: string,
    kind: K,
    input: Inputs[K],
    options: CreateOptions = {},
  ): Promise<Records[K]> {
    checkOwnerId(ownerId);
    const claim = options.idempotency === undefined ? undefined : checkClaim(options.idempotency);
    const record = newRecord(ownerId, kind, input);
    return this.write(ownerId, (log) => {
      if (claim) {
        const decision = decideKey(this.sql, ownerId, claim, Date.now());
        if (decision.state === "done") return JSON.parse(decision.result) as Records[K];
      }
      checkRefs(this.sql, ownerId, kind, record, input, log);
      checkIdentityFree(this.sql, ownerId, kind, record, null);
      insertRecord(this.sql, kind, record, log);
      log.add(kind, "upsert", [record.id]);
      // In the record's own transaction: no retry can miss it, whenever the process dies.
      if (claim) {
        putKey(this.sql, ownerId, claim.key, settledKey(claim, JSON.stringify(record), Date.now()));
      }
      return record;
    });
  }

  async get<K extends RecordKind>(ownerId: string, kind: K, id: string): Promise<Records[K]> {
    checkOwnerId(ownerId);
    return mustGet(this.sql, ownerId, kind, id);
  }

  async getMany<K extends RecordKind>(
    ownerId: string,
    kind: K,
    ids: readonly string[],
  ): Promise<(Records[K] | null)[]> {
    checkOwnerId(ownerId);
    const byId = recordsByIds(this.sql, ownerId, kind, ids);
    return ids.map((id) => byId.get(id) ?? null);
  }

  async update<K extends RecordKind>(
    ownerId: string,
    kind: K,
    id: string,
    patch: Patches[K],
  ): Promise<Records[K]> {
    checkOwnerId(ownerId);
    return this.write(ownerId, (log) => {
      const current = mustGet(this.sql, ownerId, kind, id);
      const next = patchedRecord(kind, current, patch);
      if (next === current) return current;
      checkIdentityFree(this.sql, ownerId, kind, next, id);
      updateRecord(this.sql, kind, next);
      log.add(kind, "upsert", [id]);
      return next;
    });
  }

  async delete(ownerId: string, kind: RecordKind, id: string): Promise<void> {
    checkOwnerId(ownerId);
    this.write(ownerId, (log) => {
      const current = mustGet(this.sql, ownerId, kind, id);
      if (kind === "person" && (current as Person).isSelf) {
        throw conflict("id", "the owner's own person cannot be deleted");
      }
      deleteWithDependents(this.sql, ownerId, kind, id, log);
    });
  }

  async list<K extends RecordKind>(
    ownerId: string,
    kind: K,
    filter?: Filters[K],
    page?: PageArgs,
  ): Promise<Connection<Records[K]>> {
    checkOwnerId(ownerId);
    return listRecords(this.sql, ownerId, kind, filter, page);
  }

  async listByRefs<K extends RecordKind>(
    ownerId: string,
    kind: K,
    refKind: "person" | "organization",
    ids: readonly string[],
  ): Promise<Records[K][]> {
    checkOwnerId(ownerId);
    const fields = refFields(kind, refKind);
    if (ids.length === 0) return [];
    return recordsByRefs(this.sql, ownerId, kind, fields, ids);
  }

  async findPeople(ownerId: string, lookup: PersonLookup): Promise<Person[]> {
    checkOwnerId(ownerId);
    if ("name" in lookup) {
      return peopleByNameKey(this.sql, ownerId, nameKey(String(lookup.name ?? "")));
    }
    const key =
      "email" in lookup
        ? `email:${normalizeEmail(String(lookup.email ?? ""), "email")}`
        : `url:${normalizeProfileUrl("profileUrl", lookup.profileUrl) ?? ""}`;
    const id = personByKey(this.sql, ownerId, key);
    return id === undefined ? [] : [mustGet(this.sql, ownerId, "person", id)];
  }

  // --- upserts ------------------------------------------------------------

  async upsert<K extends UpsertKind>(
    ownerId: string,
    kind: K,
    input: Inputs[K],
  ): Promise<UpsertResult<Records[K]>> {
    checkOwnerId(ownerId);
    const incoming = newRecord(ownerId, kind, input);
    return this.write(ownerId, (log) => upsertOne(this.sql, ownerId, kind, incoming, input, log));
  }

  async bulkUpsert<K extends UpsertKind>(
    ownerId: string,
    kind: K,
    inputs: readonly Inputs[K][],
  ): Promise<BulkUpsertResult> {
    checkOwnerId(ownerId);
    const incoming = newRecords(ownerId, kind, inputs);
    if (incoming.length === 0) return { ids: [], outcomes: [] };
    const result = withoutForeignKeys(this.db, () =>
      this.write(ownerId, (log) => upsertAll(this.sql, ownerId, kind, incoming, inputs, log)),
    );
    this.statistics.wrote(TABLES[kind], incoming.length);
    return result;
  }

  // --- imports and idempotency keys --------------------------------------

  async importBatch<T>(
    ownerId: string,
    scope: ImportScope,
    plan: ImportBatchPlanner<T>,
  ): Promise<T> {
    checkOwnerId(ownerId);
    return this.write(ownerId, (log) => {
      const { writes, result } = plan(importView(this.sql, ownerId, scope));
      writeImport(this.sql, ownerId, writes, log);
      return result;
    });
  }

  async readImportView(ownerId: string, scope: ImportScope): Promise<ImportView> {
    return this.read(() => readImportView(this.sql, checkOwnerId(ownerId), scope));
  }

  async claimKey(ownerId: string, claim: IdempotencyClaim): Promise<KeyClaimState> {
    checkOwnerId(ownerId);
    checkClaim(claim);
    return this.write(ownerId, () => {
      const now = Date.now();
      const decision = decideKey(this.sql, ownerId, claim, now);
      if (decision.state === "run") putKey(this.sql, ownerId, claim.key, claimedKey(claim, now));
      return decision;
    });
  }

  async settleKey(ownerId: string, claim: IdempotencyClaim, result: string): Promise<void> {
    checkOwnerId(ownerId);
    checkClaim(claim);
    this.write(ownerId, () =>
      putKey(this.sql, ownerId, claim.key, settledKey(claim, result, Date.now())),
    );
  }

  async releaseKey(ownerId: string, key: string): Promise<void> {
    checkOwnerId(ownerId);
    this.write(ownerId, () => deletePendingKey(this.sql, ownerId, key));
  }

  // --- accounts (sqlite-accounts.ts) ----------------------------------------

  async createUser(input: UserInput): Promise<User> {
    const user = newUser(input);
    checkOwnerId(user.ownerId);
    const self = selfOf(user);
    return this.account(() => {
      checkUserFree(this.sql, user);
      // An existing owner is adopted as it is; a missing one is created with the user as its self.
      ensureOwnerIn(this.sql, user.ownerId, self);
      insertUser(this.sql, user);
      return user;
    });
  }

  async getUser(id: string): Promise<User> {
    const user = userById(this.sql, String(id));
    if (!user) throw notFound("user", String(id));
    return user;
  }

  async findUserByEmail(email: string): Promise<User | null> {
    return userByEmail(this.sql, normalizeUserEmail(email)) ?? null;
  }

  async countUsers(): Promise<number> {
    return countUsers(this.sql);
  }

  async listUsers(): Promise<User[]> {
    return listUsers(this.sql);
  }

  async setUserPassword(id: string, passwordHash: string): Promise<void> {
    const hash = checkPasswordHash(passwordHash);
    if (!this.account(() => setPassword(this.sql, id, hash))) throw notFound("user", String(id));
  }

  async disableUser(id: string): Promise<User> {
    const at = new Date();
    return this.account(() => {
      if (!userById(this.sql, id)) throw notFound("user", String(id));
      disable(this.sql, id, at);
      return userById(this.sql, id) as User;
    });
  }

  async createSession(input: SessionInput): Promise<Session> {
    const session = newSession(input);
    return this.account(() => {
      if (!userById(this.sql, session.userId)) throw notFound("user", session.userId, "userId");
      checkHashFree(sessionByHash(this.sql, session.tokenHash));
      insertSession(this.sql, session);
      return session;
    });
  }

  async findSession(tokenHash: string): Promise<SessionWithUser | null> {
    return sessionByHash(this.sql, checkTokenHash(tokenHash));
  }

  async touchSession(
    tokenHash: string,
    times: { lastSeenAt: Date; expiresAt: Date },
  ): Promise<void> {
    const hash = checkTokenHash(tokenHash);
    const lastSeenAt = checkTime("lastSeenAt", times?.lastSeenAt);
    const expiresAt = checkTime("expiresAt", times?.expiresAt);
    if (!this.account(() => updateSession(this.sql, hash, lastSeenAt, expiresAt)))
      throw sessionNotFound();
  }

  async deleteSession(tokenHash: string): Promise<void> {
    const hash = checkTokenHash(tokenHash);
    this.account(() => deleteSession(this.sql, hash));
  }

  async deleteUserSessions(userId: string, options: { except?: string } = {}): Promise<number> {
    const except = options.except === undefined ? null : checkTokenHash(options.except, "except");
    return this.account(() => deleteUserSessions(this.sql, userId, except));
  }

  async listSessions(userId: string): Promise<Session[]> {
    return sessionsOf(this.sql, userId);
  }

  async deleteUserSession(userId: string, sessionId: string): Promise<void> {
    if (!this.account(() => deleteUserSession(this.sql, String(userId), String(sessionId))))
      throw notFound("session", String(sessionId));
  }

  // --- invitations (sqlite-invitations.ts) ----------------------------------

  async createInvitation(input: InvitationInput): Promise<Invitation> {
    const { invitation, tokenHash } = newInvitation(input);
    return this.account(() => {
      if (!userById(this.sql, invitation.invitedBy))
        throw notFound("user", invitation.invitedBy, "invitedBy");
      checkHashFree(invitationByHash(this.sql, tokenHash));
      insertInvitation(this.sql, invitation, tokenHash);
      return invitation;
    });
  }

  async signUpByInvitation(tokenHash: string, input: SignUpInput, now: Date): Promise<User> {
    const hash = checkTokenHash(tokenHash);
    const at = checkTime("now", now);
    const candidate = newInvitedUser(input, at);
    // IMMEDIATE: a concurrent sign-up with the same invitation waits, then finds it used.
    return this.account(() => {
      const invitation = checkUsable(invitationByHash(this.sql, hash), at);
      const user = invitedUser(invitation, candidate);
      checkUserFree(this.sql, user);
      ensureOwnerIn(this.sql, user.ownerId, selfOf(user));
      insertUser(this.sql, user);
      markUsed(this.sql, invitation.id, at, user.id);
      return user;
    });
  }

  async listInvitations(invitedBy: string): Promise<Invitation[]> {
    return invitationsBy(this.sql, String(invitedBy));
  }

  // --- passkeys (sqlite-passkeys.ts) ------------------------------------------

  async createPasskey(input: PasskeyInput): Promise<Passkey> {
    const passkey = newPasskey(input);
    return this.account(() => {
      if (!userById(this.sql, passkey.userId)) throw notFound("user", passkey.userId, "userId");
      checkPasskeyFree(passkeyById(this.sql, passkey.id));
      insertPasskey(this.sql, passkey);
      return passkey;
    });
  }

  async findPasskey(id: string): Promise<PasskeyWithUser | null> {
    return passkeyById(this.sql, String(id));
  }

  async listPasskeys(userId: string): Promise<Passkey[]> {
    return passkeysOf(this.sql, String(userId));
  }

  async usePasskey(id: string, counter: number, usedAt: Date): Promise<void> {
    const next = checkCounter(counter);
    const at = checkTime("usedAt", usedAt);
    if (!this.account(() => usePasskey(this.sql, String(id), next, at)))
      throw notFound("passkey", String(id));
  }

  async deletePasskey(userId: string, id: string): Promise<void> {
    if (!this.account(() => deletePasskey(this.sql, String(userId), String(id))))
      throw notFound("passkey", String(id));
  }

  // --- API tokens (sqlite-accounts.ts) ---------------------------------------

  async createApiToken(input: ApiTokenInput): Promise<ApiToken> {
    const { token, tokenHash } = newApiToken(input);
    return this.account(() => {
      if (!userById(this.sql, token.userId)) throw notFound("user", token.userId, "userId");
      checkHashFree(tokenByHash(this.sql, tokenHash));
      insertToken(this.sql, token, tokenHash);
      return token;
    });
  }

  async findApiToken(tokenHash: string): Promise<ApiTokenWithUser | null> {
    return tokenByHash(this.sql, checkTokenHash(tokenHash));
  }

  async listApiTokens(userId: string): Promise<ApiToken[]> {
    return tokensOf(this.sql, userId);
  }

  async touchApiToken(id: string, lastUsedAt: Date): Promise<void> {
    const at = checkTime("lastUsedAt", lastUsedAt);
    if (!this.account(() => touchToken(this.sql, id, at))) throw notFound("apiToken", String(id));
  }

  async revokeApiToken(userId: string, id: string): Promise<ApiToken> {
    const at = new Date();
    return this.account(() => {
      if (!tokenOf(this.sql, userId, id)) throw notFound("apiToken", String(id));
      revokeToken(this.sql, id, at);
      return tokenOf(this.sql, userId, id) as ApiToken;
    });
  }

  // --- teams (sqlite-teams.ts, sqlite-team-invitations.ts) -------------------

  async createTeam(
    input: TeamInput,
    createdBy: string,
  ): Promise<{ team: Team; member: TeamMember }> {
    const team = newTeam(input);
    return this.account(() => {
      const user = userById(this.sql, String(createdBy));
      if (!user) throw notFound("user", String(createdBy), "createdBy");
      const member = newTeamMember(team.id, user, "owner", team.createdAt);
      insertTeam(this.sql, team);
      insertMember(this.sql, member);
      return { team, member };
    });
  }

  async getTeam(teamId: string): Promise<Team> {
    const team = teamById(this.sql, String(teamId));
    if (!team) throw teamNotFound(String(teamId));
    return team;
  }

  async updateTeam(teamId: string, patch: TeamPatch): Promise<Team> {
    return this.account(() => {
      const team = teamById(this.sql, String(teamId));
      if (!team) throw teamNotFound(String(teamId));
      const next = patchedTeam(team, patch);
      updateTeam(this.sql, next);
      return next;
    });
  }

  async deleteTeam(teamId: string): Promise<void> {
    if (!this.account(() => deleteTeam(this.sql, String(teamId))))
      throw teamNotFound(String(teamId));
  }

  async listUserTeams(userId: string): Promise<{ team: Team; member: TeamMember }[]> {
    return teamsOf(this.sql, String(userId));
  }

  async getTeamMember(teamId: string, userId: string): Promise<TeamMember | null> {
    return memberOf(this.sql, String(teamId), String(userId)) ?? null;
  }

  async listTeamMembers(teamId: string): Promise<TeamMember[]> {
    return membersOf(this.sql, String(teamId));
  }

  async addTeamMember(teamId: string, userId: string, role: TeamRole): Promise<TeamMember> {
    const checked = checkRole(role);
    const at = new Date();
    return this.account(() => {
      if (!teamById(this.sql, String(teamId))) throw teamNotFound(String(teamId), "teamId");
      const user = userById(this.sql, String(userId));
      if (!user) throw notFound("user", String(userId), "userId");
      checkNotMember(memberOf(this.sql, String(teamId), user.id));
      const member = newTeamMember(String(teamId), user, checked, at);
      insertMember(this.sql, member);
      return member;
    });
  }

  async updateTeamMember(
    teamId: string,
    userId: string,
    patch: TeamMemberPatch,
  ): Promise<TeamMember> {
    return this.account(() => {
      const member = memberOf(this.sql, String(teamId), String(userId));
      if (!member) throw memberNotFound(String(userId));
      const next = patchedTeamMember(member, patch);
      updateMember(this.sql, next);
      return next;
    });
  }

  async removeTeamMember(teamId: string, userId: string): Promise<void> {
    if (!this.account(() => deleteMember(this.sql, String(teamId), String(userId))))
      throw memberNotFound(String(userId));
  }

  async createTeamInvitation(input: TeamInvitationInput): Promise<TeamInvitation> {
    const { invitation, tokenHash } = newTeamInvitation(input);
    return this.account(() => {
      if (!teamById(this.sql, invitation.teamId)) throw teamNotFound(invitation.teamId, "teamId");
      if (!userById(this.sql, invitation.invitedBy))
        throw notFound("user", invitation.invitedBy, "invitedBy");
      checkHashFree(teamInvitationByHash(this.sql, tokenHash));
      insertTeamInvitation(this.sql, invitation, tokenHash);
      return invitation;
    });
  }

  async joinTeamByInvitation(tokenHash: string, userId: string, now: Date): Promise<TeamMember> {
    const hash = checkTokenHash(tokenHash);
    const at = checkTime("now", now);
    // IMMEDIATE: a concurrent join with the same invitation waits, then finds it used.
    return this.account(() => {
      const invitation = usableTeamInvitation(teamInvitationByHash(this.sql, hash), at);
      const user = userById(this.sql, String(userId));
      if (!user) throw notFound("user", String(userId), "userId");
      checkNotMember(memberOf(this.sql, invitation.teamId, user.id));
      const member = newTeamMember(invitation.teamId, user, invitation.role, at);
      insertMember(this.sql, member);
      markTeamInvitationUsed(this.sql, invitation.id, at, user.id);
      return member;
    });
  }

  async listTeamInvitations(teamId: string): Promise<TeamInvitation[]> {
    return teamInvitationsOf(this.sql, String(teamId));
  }

  // --- pooling settings, audit log, team intro requests ----------------------

  async getPoolingSettings(ownerId: string): Promise<PoolingSettings> {
    checkOwnerId(ownerId);
    return this.read(() => poolingSettingsOf(this.sql, ownerId));
  }

  async setContactSharing(
    ownerId: string,
    personId: string,
    sharing: ContactSharing | null,
  ): Promise<void> {
    checkOwnerId(ownerId);
    const value = checkContactSharing(sharing);
    this.account(() => {
      // Another owner's person answers as a missing one; the key makes it go with the person.
      mustGet(this.sql, ownerId, "person", String(personId));
      putContactSharing(this.sql, ownerId, String(personId), value);
    });
  }

  async setBlockedLabels(ownerId: string, labels: readonly string[]): Promise<void> {
    checkOwnerId(ownerId);
    const normalized = checkBlockedLabels(labels);
    this.account(() => {
      requireOwner(this.sql, ownerId);
      putBlockedLabels(this.sql, ownerId, normalized);
    });
  }

  async appendTeamAudit(input: TeamAuditInput): Promise<TeamAuditEntry> {
    const entry = newTeamAuditEntry(input);
    return this.account(() => {
      if (!teamById(this.sql, entry.teamId)) throw teamNotFound(entry.teamId, "teamId");
      insertAuditEntry(this.sql, entry);
      return entry;
    });
  }

  async listTeamAudit(
    teamId: string,
    options?: { memberUserId?: string; first?: number },
  ): Promise<TeamAuditEntry[]> {
    const { memberUserId, first } = auditQuery(options);
    return auditEntriesOf(this.sql, String(teamId), memberUserId, first);
  }

  async createTeamIntroRequest(input: TeamIntroRequestInput): Promise<TeamIntroRequest> {
    const request = newTeamIntroRequest(input);
    return this.account(() => {
      if (!teamById(this.sql, request.teamId)) throw teamNotFound(request.teamId, "teamId");
      if (!userById(this.sql, request.requesterUserId))
        throw notFound("user", request.requesterUserId, "requesterUserId");
      const member = userById(this.sql, request.memberUserId);
      if (!member) throw notFound("user", request.memberUserId, "memberUserId");
      // The target must be in the member's own network.
      if (!recordsByIds(this.sql, member.ownerId, "person", [request.memberPersonId]).size)
        throw notFound("person", request.memberPersonId, "memberPersonId");
      insertTeamIntro(this.sql, request);
      return request;
    });
  }

  async getTeamIntroRequest(teamId: string, id: string): Promise<TeamIntroRequest> {
    const request = teamIntroOf(this.sql, String(teamId), String(id));
    if (!request) throw notFound("teamIntroRequest", String(id));
    return request;
  }

  async listTeamIntroRequests(teamId: string, userId: string): Promise<TeamIntroRequest[]> {
    return teamIntrosOf(this.sql, String(teamId), String(userId));
  }

  async updateTeamIntroRequest(
    teamId: string,
    id: string,
    patch: TeamIntroRequestPatch,
  ): Promise<TeamIntroRequest> {
    const at = new Date();
    return this.account(() => {
      const request = teamIntroOf(this.sql, String(teamId), String(id));
      if (!request) throw notFound("teamIntroRequest", String(id));
      const next = patchedTeamIntroRequest(request, patch, at);
      if (next.approvedBy !== null && !userById(this.sql, next.approvedBy))
        throw notFound("user", next.approvedBy, "approvedBy");
      updateTeamIntro(this.sql, next);
      return next;
    });
  }

  // --- change feed and snapshots -------------------------------------------

  async version(ownerId: string): Promise<number> {
    checkOwnerId(ownerId);
    return ownerRow(this.sql, ownerId)?.version ?? 0;
  }

  async changesSince(ownerId: string, version: number): Promise<ChangeSet> {
    checkOwnerId(ownerId);
    if (!Number.isInteger(version) || version < 0) {
      throw badInput("version", "must be a whole number, 0 or more");
    }
    return this.read(() => {
      const changes = changesAfter(this.sql, ownerId, version);
      return { version: ownerRow(this.sql, ownerId)?.version ?? 0, changes };
    });
  }

  async loadNetwork(ownerId: string, options: LoadNetworkOptions = {}): Promise<NetworkSnapshot> {
    checkOwnerId(ownerId);
    const { onTie } = options;
    if (onTie) {
      const read = <T>(work: () => T) => this.read(work);
      const network = await readNetworkInParallel(
        read,
        this.sql,
        this.path,
        ownerId,
        { onTie, onTiePage: options.onTiePage },
        this.parallelRead,
      );
      if (network !== null) return network;
    }
    return this.read(() => readNetwork(this.sql, ownerId, requireOwner(this.sql, ownerId), onTie));
  }

  async loadNeighborhood(
    ownerId: string,
    personId: string,
    depth: number,
  ): Promise<NetworkSnapshot> {
    checkOwnerId(ownerId);
    checkDepth(depth);
    return this.read(() =>
      readNeighborhood(this.sql, ownerId, requireOwner(this.sql, ownerId), personId, depth),
    );
  }

  // --- transactions --------------------------------------------------------

  /** Runs `work` in one IMMEDIATE transaction and commits its changes under one new version. */
  private write<T>(ownerId: string, work: (log: ChangeLog) => T): T {
    return this.db
      .transaction(() => {
        requireOwner(this.sql, ownerId);
        const log = new ChangeLog();
        const result = work(log);
        recordChanges(this.sql, ownerId, log);
        return result;
      })
      .immediate();
  }

  /** Account writes touch no owner's records: one IMMEDIATE transaction, no version. */
  private account<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** Runs `work` in one read transaction: in WAL mode it sees a single consistent snapshot. */
  private read<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}
