/**
 * The Neo4j adapter of the store port. People, organizations and notes about
 * people are nodes; ties, employment and membership are relationships (see
 * neo4j-layout.ts). Every write is one transaction (neo4j-transact.ts) that first locks
 * the owner's node, so one owner's writes serialize and their uniqueness
 * checks cannot race; the constraints of neo4j-schema.ts back them up.
 * This class holds the driver and the transaction wrappers only; each operation
 * is a function of its own file (reads, writes, upsert, import batch, ...), cut
 * the same way as the SQLite adapter.
 */
import neo4j, { type Driver } from "neo4j-driver";
import { backfillFolds } from "./neo4j-fold-backfill.js";
import { badInput, conflict, notFound } from "../../../errors.js";
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
import type {
  BulkUpsertResult,
  CreateOptions,
  NetworkStore,
  PersonLookup,
  UpsertResult,
} from "../network-store.js";
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
} from "./neo4j-accounts.js";
import { ChangeLog } from "./neo4j-change-log.js";
import { deleteWithDependents } from "./neo4j-delete.js";
import { translateError } from "./neo4j-errors.js";
import { decideKey, deletePendingKey, putKey } from "./neo4j-idempotency.js";
import { importView, writeImport } from "./neo4j-import-batch.js";
import { readImportView } from "./neo4j-import-view.js";
import {
  insertInvitation,
  invitationByHash,
  invitationsBy,
  lockedInvitation,
  markUsed,
} from "./neo4j-invitations.js";
import {
  deletePasskey,
  insertPasskey,
  passkeyById,
  passkeysOf,
  usePasskey,
} from "./neo4j-passkeys.js";
import { ensureOwnerIn } from "./neo4j-owner.js";
import {
  lockedOwner,
  poolingSettingsOf,
  putBlockedLabels,
  putContactSharing,
} from "./neo4j-pooling.js";
import { auditEntriesOf, insertAuditEntry } from "./neo4j-team-audit.js";
import {
  insertTeamIntro,
  teamIntroOf,
  teamIntrosOf,
  updateTeamIntro,
} from "./neo4j-team-intros.js";
import {
  insertTeamInvitation,
  lockedTeamInvitation,
  markTeamInvitationUsed,
  teamInvitationByHash,
  teamInvitationsOf,
} from "./neo4j-team-invitations.js";
import {
  deleteMember,
  deleteTeam,
  insertMember,
  insertTeam,
  lockedTeam,
  memberOf,
  membersOf,
  teamById,
  teamsOf,
  updateMember,
  updateTeam,
} from "./neo4j-teams.js";
import { patternOf } from "./neo4j-layout.js";
import { fromProps, type Props } from "./neo4j-records.js";
import {
  changesAfter,
  listRecords,
  mustGet,
  ownerState,
  peopleByKeys,
  peopleByNameKeys,
  recordsByIds,
  recordsByRefs,
  requireOwner,
  type OwnerState,
} from "./neo4j-reads.js";
import { rows, type Tx } from "./neo4j-run.js";
import { SCHEMA, unlessMadeMeanwhile } from "./neo4j-schema.js";
import { emitTieRows, readNeighborhood, readNetwork } from "./neo4j-snapshot.js";
import { driverTimeouts, NEO4J_TIMEOUTS, type Neo4jTimeouts } from "./neo4j-timeouts.js";
import { transact } from "./neo4j-transact.js";
import { upsertAll, upsertOne } from "./neo4j-upsert.js";
import { checkIdentityFree, checkRefs } from "./neo4j-write-checks.js";
import { insertRecords } from "./neo4j-insert.js";
import { lockOwner, recordChanges, syncIdentities, updateRecords } from "./neo4j-writes.js";

/** Where the server is; with auth disabled any user and password are accepted. */
export interface Neo4jStoreOptions {
  uri: string;
  user: string;
  password: string;
  /** Default: the server's default database. */
  database?: string;
  /** How long to wait for the database outside a deadline, and at most inside one (default NEO4J_TIMEOUTS). */
  timeouts?: Partial<Neo4jTimeouts>;
}

/** Records per Bolt PULL when reading a whole network: 10x the default cut its read time by a third. */
const SNAPSHOT_FETCH_SIZE = 10_000;

type Work<T> = (tx: Tx, owner: OwnerState, log: ChangeLog) => Promise<T>;

export class Neo4jStore implements NetworkStore {
  readonly backend = "neo4j";
  private readonly driver: Driver;
  /** Only a driver the store created is closed by it; a borrowed one belongs to the caller. */
  private readonly ownsDriver: boolean;
  private readonly database: string | undefined;
  private readonly timeouts: Neo4jTimeouts;
  /** When Neo4j last answered anything: tells a frozen server (UNAVAILABLE) from slow work (TIMEOUT). */
  private readonly liveness = { lastAnswerAt: 0 };
  /**
   * Causal consistency on a cluster (neo4j:// routing, reads on followers): every session of this
   * store carries the bookmarks of the transactions it saw, so a follower answers only once it
   * has caught up with them. Together with changesSince on the leader, a projection's sync sees
   * every write acknowledged before it, by any process. One server: the bookmarks cost nothing.
   */
  private readonly bookmarks = neo4j.bookmarkManager();

  /** A borrowed driver keeps its own connection settings; the retry window and deadlines still apply. */
  constructor(
    target: Neo4jStoreOptions | Driver,
    options: { database?: string; timeouts?: Partial<Neo4jTimeouts> } = {},
  ) {
    if ("session" in target && typeof target.session === "function") {
      this.driver = target;
      this.ownsDriver = false;
      this.database = options.database;
      this.timeouts = { ...NEO4J_TIMEOUTS, ...options.timeouts };
    } else {
      const o = target as Neo4jStoreOptions;
      this.timeouts = { ...NEO4J_TIMEOUTS, ...options.timeouts, ...o.timeouts };
      this.driver = neo4j.driver(o.uri, neo4j.auth.basic(o.user, o.password), {
        disableLosslessIntegers: true,
        ...driverTimeouts(this.timeouts),
      });
      this.ownsDriver = true;
      this.database = o.database ?? options.database;
    }
  }

  async init(): Promise<void> {
    // One transaction per schema statement: Neo4j refuses to mix them with other work.
    for (const statement of SCHEMA)
      await this.writeTx((tx) => rows(tx, statement)).catch(unlessMadeMeanwhile);
    await this.readTx((tx) => rows(tx, "CALL db.awaitIndexes(300)"));
    await backfillFolds((work) => this.writeTx(work));
  }

  /**
   * A statement on the path the real work takes (the database, a transaction, the
   * retries and the race of neo4j-transact.ts), answering within `pingMs` up or down.
   */
  async ping(): Promise<void> {
    await transact(
      this.driver,
      { ...this.txOptions("READ"), limitMs: this.timeouts.pingMs },
      (tx) => rows(tx, "RETURN 1 AS ok"),
    );
  }

  async close(): Promise<void> {
    if (this.ownsDriver) await this.driver.close();
  }

  // --- owners -------------------------------------------------------------

  async ensureOwner(ownerId: string, self: PersonInput): Promise<Person> {
    checkOwnerId(ownerId);
    const incoming: Person = { ...newRecord(ownerId, "person", self), isSelf: true };
    return this.writeTx((tx) => ensureOwnerIn(tx, ownerId, incoming));
  }

  async getSelf(ownerId: string): Promise<Person> {
    checkOwnerId(ownerId);
    const [row] = await this.query(
      "MATCH (o:Owner {id: $owner}) MATCH (n:Person {id: o.selfId}) RETURN properties(n) AS p",
      { owner: ownerId },
    );
    if (!row) throw notFound("owner", ownerId);
    return fromProps("person", row.p as Props);
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
    return this.write(ownerId, async (tx, _owner, log) => {
      if (claim) {
        const decision = await decideKey(tx, ownerId, claim, Date.now());
        if (decision.state === "done") return JSON.parse(decision.result) as Records[K];
        // In the record's own transaction: no retry can miss it, whenever the process dies.
        await putKey(tx, ownerId, claim.key, settledKey(claim, JSON.stringify(record), Date.now()));
      }
      await checkRefs(tx, ownerId, kind, record, input);
      await checkIdentityFree(tx, ownerId, kind, record);
      await insertRecords(tx, ownerId, kind, [record]);
      log.add(kind, "upsert", [record.id]);
      return record;
    });
  }

  async get<K extends RecordKind>(ownerId: string, kind: K, id: string): Promise<Records[K]> {
    checkOwnerId(ownerId);
    const [row] = await this.query(
      `MATCH ${patternOf(kind, "{id: $id}")} WHERE n.owner = $owner RETURN properties(n) AS p`,
      {
        owner: ownerId,
        id,
      },
    );
    if (!row) throw notFound(kind, id);
    return fromProps(kind, row.p as Props);
  }

  async getMany<K extends RecordKind>(
    ownerId: string,
    kind: K,
    ids: readonly string[],
  ): Promise<(Records[K] | null)[]> {
    checkOwnerId(ownerId);
    if (ids.length === 0) return [];
    const found = await recordsByIds(this.runner(), ownerId, kind, ids);
    return ids.map((id) => found.get(id) ?? null);
  }

  async update<K extends RecordKind>(
    ownerId: string,
    kind: K,
    id: string,
    patch: Patches[K],
  ): Promise<Records[K]> {
    checkOwnerId(ownerId);
    return this.write(ownerId, async (tx, _owner, log) => {
      const current = await mustGet(tx, ownerId, kind, id);
      const next = patchedRecord(kind, current, patch);
      if (next === current) return current;
      await checkIdentityFree(tx, ownerId, kind, next);
      await updateRecords(tx, kind, [next]);
      if (kind === "person")
        await syncIdentities(tx, ownerId, [{ before: current as Person, after: next as Person }]);
      log.add(kind, "upsert", [id]);
      return next;
    });
  }

  async delete(ownerId: string, kind: RecordKind, id: string): Promise<void> {
    checkOwnerId(ownerId);
    await this.write(ownerId, async (tx, owner, log) => {
      if (kind === "person" && id === owner.selfId)
        throw conflict("id", "the owner's own person cannot be deleted");
      await deleteWithDependents(tx, ownerId, kind, id, log);
    });
  }

  async list<K extends RecordKind>(
    ownerId: string,
    kind: K,
    filter?: Filters[K],
    page?: PageArgs,
  ): Promise<Connection<Records[K]>> {
    checkOwnerId(ownerId);
    return this.readTx((tx) => listRecords(tx, ownerId, kind, filter, page));
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
    return this.readTx((tx) => recordsByRefs(tx, ownerId, kind, fields, ids));
  }

  async findPeople(ownerId: string, lookup: PersonLookup): Promise<Person[]> {
    checkOwnerId(ownerId);
    if ("name" in lookup) {
      return this.guard(() =>
        peopleByNameKeys(this.runner(), ownerId, [nameKey(String(lookup.name ?? ""))]),
      );
    }
    const key =
      "email" in lookup
        ? `email:${normalizeEmail(String(lookup.email ?? ""), "email")}`
        : `url:${normalizeProfileUrl("profileUrl", lookup.profileUrl) ?? ""}`;
    const found = await this.guard(() => peopleByKeys(this.runner(), ownerId, [key]));
    const match = found.get(key);
    return match ? [match] : [];
  }

  // --- upserts ------------------------------------------------------------

  async upsert<K extends UpsertKind>(
    ownerId: string,
    kind: K,
    input: Inputs[K],
  ): Promise<UpsertResult<Records[K]>> {
    checkOwnerId(ownerId);
    const incoming = newRecord(ownerId, kind, input);
    return this.write(ownerId, (tx, _owner, log) =>
      upsertOne(tx, ownerId, kind, incoming, input, log),
    );
  }

  async bulkUpsert<K extends UpsertKind>(
    ownerId: string,
    kind: K,
    inputs: readonly Inputs[K][],
  ): Promise<BulkUpsertResult> {
    checkOwnerId(ownerId);
    const incoming = newRecords(ownerId, kind, inputs);
    if (incoming.length === 0) return { ids: [], outcomes: [] };
    return this.write(ownerId, (tx, _owner, log) =>
      upsertAll(tx, ownerId, kind, incoming, inputs, log),
    );
  }

  // --- imports and idempotency keys --------------------------------------

  async importBatch<T>(
    ownerId: string,
    scope: ImportScope,
    plan: ImportBatchPlanner<T>,
  ): Promise<T> {
    checkOwnerId(ownerId);
    return this.write(ownerId, async (tx, owner, log) => {
      // Read after the owner's lock: every import of this owner that committed before is seen.
      const { writes, result } = plan(await importView(tx, ownerId, owner.selfId, scope));
      await writeImport(tx, ownerId, writes, log);
      return result;
    });
  }

  async readImportView(ownerId: string, scope: ImportScope): Promise<ImportView> {
    return this.readTx((tx) => readImportView(tx, checkOwnerId(ownerId), scope));
  }

  async claimKey(ownerId: string, claim: IdempotencyClaim): Promise<KeyClaimState> {
    checkOwnerId(ownerId);
    checkClaim(claim);
    return this.write(ownerId, async (tx) => {
      const now = Date.now();
      const decision = await decideKey(tx, ownerId, claim, now);
      if (decision.state === "run") await putKey(tx, ownerId, claim.key, claimedKey(claim, now));
      return decision;
    });
  }

  async settleKey(ownerId: string, claim: IdempotencyClaim, result: string): Promise<void> {
    checkOwnerId(ownerId);
    checkClaim(claim);
    await this.write(ownerId, (tx) =>
      putKey(tx, ownerId, claim.key, settledKey(claim, result, Date.now())),
    );
  }

  async releaseKey(ownerId: string, key: string): Promise<void> {
    checkOwnerId(ownerId);
    await this.write(ownerId, (tx) => deletePendingKey(tx, ownerId, key));
  }

  // --- accounts (neo4j-accounts.ts) ----------------------------------------

  async createUser(input: UserInput): Promise<User> {
    const user = newUser(input);
    checkOwnerId(user.ownerId);
    const self = selfOf(user);
    return this.writeTx(async (tx) => {
      await checkUserFree(tx, user);
      // An existing owner is adopted as it is; a missing one is created with the user as its self.
      await ensureOwnerIn(tx, user.ownerId, self);
      await insertUser(tx, user);
      return user;
    });
  }

  async getUser(id: string): Promise<User> {
    const user = await this.readTx((tx) => userById(tx, String(id)));
    if (!user) throw notFound("user", String(id));
    return user;
  }

  async findUserByEmail(email: string): Promise<User | null> {
    const normalized = normalizeUserEmail(email);
    return (await this.readTx((tx) => userByEmail(tx, normalized))) ?? null;
  }

  async countUsers(): Promise<number> {
    return this.readTx((tx) => countUsers(tx));
  }

  async listUsers(): Promise<User[]> {
    return this.readTx((tx) => listUsers(tx));
  }

  async setUserPassword(id: string, passwordHash: string): Promise<void> {
    const hash = checkPasswordHash(passwordHash);
    if (!(await this.writeTx((tx) => setPassword(tx, String(id), hash))))
      throw notFound("user", String(id));
  }

  async disableUser(id: string): Promise<User> {
    const at = new Date();
    return this.writeTx(async (tx) => {
      if (!(await userById(tx, String(id)))) throw notFound("user", String(id));
      await disable(tx, String(id), at);
      return (await userById(tx, String(id))) as User;
    });
  }

  async createSession(input: SessionInput): Promise<Session> {
    const session = newSession(input);
    return this.writeTx(async (tx) => {
      if (!(await userById(tx, session.userId))) throw notFound("user", session.userId, "userId");
      checkHashFree(await sessionByHash(tx, session.tokenHash));
      await insertSession(tx, session);
      return session;
    });
  }

  async findSession(tokenHash: string): Promise<SessionWithUser | null> {
    const hash = checkTokenHash(tokenHash);
    return this.readTx((tx) => sessionByHash(tx, hash));
  }

  async touchSession(
    tokenHash: string,
    times: { lastSeenAt: Date; expiresAt: Date },
  ): Promise<void> {
    const hash = checkTokenHash(tokenHash);
    const lastSeenAt = checkTime("lastSeenAt", times?.lastSeenAt);
    const expiresAt = checkTime("expiresAt", times?.expiresAt);
    if (!(await this.writeTx((tx) => updateSession(tx, hash, lastSeenAt, expiresAt))))
      throw sessionNotFound();
  }

  async deleteSession(tokenHash: string): Promise<void> {
    const hash = checkTokenHash(tokenHash);
    await this.writeTx((tx) => deleteSession(tx, hash));
  }

  async deleteUserSessions(userId: string, options: { except?: string } = {}): Promise<number> {
    const except = options.except === undefined ? null : checkTokenHash(options.except, "except");
    return this.writeTx((tx) => deleteUserSessions(tx, String(userId), except));
  }

  async listSessions(userId: string): Promise<Session[]> {
    return this.readTx((tx) => sessionsOf(tx, String(userId)));
  }

  async deleteUserSession(userId: string, sessionId: string): Promise<void> {
    if (!(await this.writeTx((tx) => deleteUserSession(tx, String(userId), String(sessionId)))))
      throw notFound("session", String(sessionId));
  }

  // --- invitations (neo4j-invitations.ts) -----------------------------------

  async createInvitation(input: InvitationInput): Promise<Invitation> {
    const { invitation, tokenHash } = newInvitation(input);
    return this.writeTx(async (tx) => {
      if (!(await userById(tx, invitation.invitedBy)))
        throw notFound("user", invitation.invitedBy, "invitedBy");
      checkHashFree(await invitationByHash(tx, tokenHash));
      await insertInvitation(tx, invitation, tokenHash);
      return invitation;
    });
  }

  async signUpByInvitation(tokenHash: string, input: SignUpInput, now: Date): Promise<User> {
    const hash = checkTokenHash(tokenHash);
    const at = checkTime("now", now);
    const candidate = newInvitedUser(input, at);
    return this.writeTx(async (tx) => {
      // Locked before it is checked: a concurrent sign-up with it waits, then finds it used.
      const invitation = checkUsable(await lockedInvitation(tx, hash), at);
      const user = invitedUser(invitation, candidate);
      await checkUserFree(tx, user);
      await ensureOwnerIn(tx, user.ownerId, selfOf(user));
      await insertUser(tx, user);
      await markUsed(tx, invitation.id, at, user.id);
      return user;
    });
  }

  async listInvitations(invitedBy: string): Promise<Invitation[]> {
    return this.readTx((tx) => invitationsBy(tx, String(invitedBy)));
  }

  // --- passkeys (neo4j-passkeys.ts) -------------------------------------------

  async createPasskey(input: PasskeyInput): Promise<Passkey> {
    const passkey = newPasskey(input);
    return this.writeTx(async (tx) => {
      if (!(await userById(tx, passkey.userId))) throw notFound("user", passkey.userId, "userId");
      checkPasskeyFree(await passkeyById(tx, passkey.id));
      await insertPasskey(tx, passkey);
      return passkey;
    });
  }

  async findPasskey(id: string): Promise<PasskeyWithUser | null> {
    return this.readTx((tx) => passkeyById(tx, String(id)));
  }

  async listPasskeys(userId: string): Promise<Passkey[]> {
    return this.readTx((tx) => passkeysOf(tx, String(userId)));
  }

  async usePasskey(id: string, counter: number, usedAt: Date): Promise<void> {
    const next = checkCounter(counter);
    const at = checkTime("usedAt", usedAt);
    if (!(await this.writeTx((tx) => usePasskey(tx, String(id), next, at))))
      throw notFound("passkey", String(id));
  }

  async deletePasskey(userId: string, id: string): Promise<void> {
    if (!(await this.writeTx((tx) => deletePasskey(tx, String(userId), String(id)))))
      throw notFound("passkey", String(id));
  }

  // --- API tokens (neo4j-accounts.ts) ----------------------------------------

  async createApiToken(input: ApiTokenInput): Promise<ApiToken> {
    const { token, tokenHash } = newApiToken(input);
    return this.writeTx(async (tx) => {
      if (!(await userById(tx, token.userId))) throw notFound("user", token.userId, "userId");
      checkHashFree(await tokenByHash(tx, tokenHash));
      await insertToken(tx, token, tokenHash);
      return token;
    });
  }

  async findApiToken(tokenHash: string): Promise<ApiTokenWithUser | null> {
    const hash = checkTokenHash(tokenHash);
    return this.readTx((tx) => tokenByHash(tx, hash));
  }

  async listApiTokens(userId: string): Promise<ApiToken[]> {
    return this.readTx((tx) => tokensOf(tx, String(userId)));
  }

  async touchApiToken(id: string, lastUsedAt: Date): Promise<void> {
    const at = checkTime("lastUsedAt", lastUsedAt);
    if (!(await this.writeTx((tx) => touchToken(tx, String(id), at))))
      throw notFound("apiToken", String(id));
  }

  async revokeApiToken(userId: string, id: string): Promise<ApiToken> {
    const at = new Date();
    return this.writeTx(async (tx) => {
      if (!(await tokenOf(tx, String(userId), String(id)))) throw notFound("apiToken", String(id));
      await revokeToken(tx, String(id), at);
      return (await tokenOf(tx, String(userId), String(id))) as ApiToken;
    });
  }

  // --- teams (neo4j-teams.ts, neo4j-team-invitations.ts) ---------------------

  async createTeam(
    input: TeamInput,
    createdBy: string,
  ): Promise<{ team: Team; member: TeamMember }> {
    const team = newTeam(input);
    return this.writeTx(async (tx) => {
      const user = await userById(tx, String(createdBy));
      if (!user) throw notFound("user", String(createdBy), "createdBy");
      const member = newTeamMember(team.id, user, "owner", team.createdAt);
      await insertTeam(tx, team);
      await insertMember(tx, member);
      return { team, member };
    });
  }

  async getTeam(teamId: string): Promise<Team> {
    const team = await this.readTx((tx) => teamById(tx, String(teamId)));
    if (!team) throw teamNotFound(String(teamId));
    return team;
  }

  async updateTeam(teamId: string, patch: TeamPatch): Promise<Team> {
    return this.writeTx(async (tx) => {
      const team = await lockedTeam(tx, String(teamId));
      if (!team) throw teamNotFound(String(teamId));
      const next = patchedTeam(team, patch);
      await updateTeam(tx, next);
      return next;
    });
  }

  async deleteTeam(teamId: string): Promise<void> {
    if (!(await this.writeTx((tx) => deleteTeam(tx, String(teamId)))))
      throw teamNotFound(String(teamId));
  }

  async listUserTeams(userId: string): Promise<{ team: Team; member: TeamMember }[]> {
    return this.readTx((tx) => teamsOf(tx, String(userId)));
  }

  async getTeamMember(teamId: string, userId: string): Promise<TeamMember | null> {
    return (await this.readTx((tx) => memberOf(tx, String(teamId), String(userId)))) ?? null;
  }

  async listTeamMembers(teamId: string): Promise<TeamMember[]> {
    return this.readTx((tx) => membersOf(tx, String(teamId)));
  }

  async addTeamMember(teamId: string, userId: string, role: TeamRole): Promise<TeamMember> {
    const checked = checkRole(role);
    const at = new Date();
    return this.writeTx(async (tx) => {
      // Locked: two adds of one user (or an add and a join) run one after the other.
      if (!(await lockedTeam(tx, String(teamId)))) throw teamNotFound(String(teamId), "teamId");
      const user = await userById(tx, String(userId));
      if (!user) throw notFound("user", String(userId), "userId");
      checkNotMember(await memberOf(tx, String(teamId), user.id));
      const member = newTeamMember(String(teamId), user, checked, at);
      await insertMember(tx, member);
      return member;
    });
  }

  async updateTeamMember(
    teamId: string,
    userId: string,
    patch: TeamMemberPatch,
  ): Promise<TeamMember> {
    return this.writeTx(async (tx) => {
      const member = await memberOf(tx, String(teamId), String(userId));
      if (!member) throw memberNotFound(String(userId));
      const next = patchedTeamMember(member, patch);
      await updateMember(tx, next);
      return next;
    });
  }

  async removeTeamMember(teamId: string, userId: string): Promise<void> {
    if (!(await this.writeTx((tx) => deleteMember(tx, String(teamId), String(userId)))))
      throw memberNotFound(String(userId));
  }

  async createTeamInvitation(input: TeamInvitationInput): Promise<TeamInvitation> {
    const { invitation, tokenHash } = newTeamInvitation(input);
    return this.writeTx(async (tx) => {
      if (!(await lockedTeam(tx, invitation.teamId)))
        throw teamNotFound(invitation.teamId, "teamId");
      if (!(await userById(tx, invitation.invitedBy)))
        throw notFound("user", invitation.invitedBy, "invitedBy");
      checkHashFree(await teamInvitationByHash(tx, tokenHash));
      await insertTeamInvitation(tx, invitation, tokenHash);
      return invitation;
    });
  }

  async joinTeamByInvitation(tokenHash: string, userId: string, now: Date): Promise<TeamMember> {
    const hash = checkTokenHash(tokenHash);
    const at = checkTime("now", now);
    return this.writeTx(async (tx) => {
      // The team is locked first, in the order its delete takes its locks (no deadlock); the
      // invitation is locked before it is checked: a concurrent join with it waits, then finds
      // it used, and one whose team was deleted meanwhile finds none.
      const seen = await teamInvitationByHash(tx, hash);
      if (seen) await lockedTeam(tx, seen.teamId);
      const invitation = usableTeamInvitation(await lockedTeamInvitation(tx, hash), at);
      const user = await userById(tx, String(userId));
      if (!user) throw notFound("user", String(userId), "userId");
      checkNotMember(await memberOf(tx, invitation.teamId, user.id));
      const member = newTeamMember(invitation.teamId, user, invitation.role, at);
      await insertMember(tx, member);
      await markTeamInvitationUsed(tx, invitation.id, at, user.id);
      return member;
    });
  }

  async listTeamInvitations(teamId: string): Promise<TeamInvitation[]> {
    return this.readTx((tx) => teamInvitationsOf(tx, String(teamId)));
  }

  // --- pooling settings, audit log, team intro requests ----------------------

  async getPoolingSettings(ownerId: string): Promise<PoolingSettings> {
    checkOwnerId(ownerId);
    return this.readTx((tx) => poolingSettingsOf(tx, ownerId));
  }

  async setContactSharing(
    ownerId: string,
    personId: string,
    sharing: ContactSharing | null,
  ): Promise<void> {
    checkOwnerId(ownerId);
    const value = checkContactSharing(sharing);
    await this.writeTx(async (tx) => {
      // The owner's lock orders this after (or before) a delete of the person, so no override
      // outlives it; another owner's person answers as a missing one.
      if (!(await lockedOwner(tx, ownerId))) throw notFound("person", String(personId));
      await mustGet(tx, ownerId, "person", String(personId));
      await putContactSharing(tx, ownerId, String(personId), value);
    });
  }

  async setBlockedLabels(ownerId: string, labels: readonly string[]): Promise<void> {
    checkOwnerId(ownerId);
    const normalized = checkBlockedLabels(labels);
    await this.writeTx(async (tx) => {
      await lockOwner(tx, ownerId);
      await putBlockedLabels(tx, ownerId, normalized);
    });
  }

  async appendTeamAudit(input: TeamAuditInput): Promise<TeamAuditEntry> {
    const entry = newTeamAuditEntry(input);
    return this.writeTx(async (tx) => {
      if (!(await lockedTeam(tx, entry.teamId))) throw teamNotFound(entry.teamId, "teamId");
      await insertAuditEntry(tx, entry);
      return entry;
    });
  }

  async listTeamAudit(
    teamId: string,
    options?: { memberUserId?: string; first?: number },
  ): Promise<TeamAuditEntry[]> {
    const { memberUserId, first } = auditQuery(options);
    return this.readTx((tx) => auditEntriesOf(tx, String(teamId), memberUserId, first));
  }

  async createTeamIntroRequest(input: TeamIntroRequestInput): Promise<TeamIntroRequest> {
    const request = newTeamIntroRequest(input);
    return this.writeTx(async (tx) => {
      if (!(await lockedTeam(tx, request.teamId))) throw teamNotFound(request.teamId, "teamId");
      if (!(await userById(tx, request.requesterUserId)))
        throw notFound("user", request.requesterUserId, "requesterUserId");
      const member = await userById(tx, request.memberUserId);
      if (!member) throw notFound("user", request.memberUserId, "memberUserId");
      // The target must be in the member's own network.
      const found = await recordsByIds(tx, member.ownerId, "person", [request.memberPersonId]);
      if (found.size === 0) throw notFound("person", request.memberPersonId, "memberPersonId");
      await insertTeamIntro(tx, request);
      return request;
    });
  }

  async getTeamIntroRequest(teamId: string, id: string): Promise<TeamIntroRequest> {
    const request = await this.readTx((tx) => teamIntroOf(tx, String(teamId), String(id)));
    if (!request) throw notFound("teamIntroRequest", String(id));
    return request;
  }

  async listTeamIntroRequests(teamId: string, userId: string): Promise<TeamIntroRequest[]> {
    return this.readTx((tx) => teamIntrosOf(tx, String(teamId), String(userId)));
  }

  async updateTeamIntroRequest(
    teamId: string,
    id: string,
    patch: TeamIntroRequestPatch,
  ): Promise<TeamIntroRequest> {
    const at = new Date();
    return this.writeTx(async (tx) => {
      const request = await teamIntroOf(tx, String(teamId), String(id));
      if (!request) throw notFound("teamIntroRequest", String(id));
      const next = patchedTeamIntroRequest(request, patch, at);
      if (next.approvedBy !== null && !(await userById(tx, next.approvedBy)))
        throw notFound("user", next.approvedBy, "approvedBy");
      await updateTeamIntro(tx, next);
      return next;
    });
  }

  // --- change feed and snapshots -------------------------------------------

  async version(ownerId: string): Promise<number> {
    checkOwnerId(ownerId);
    return (await this.guard(() => ownerState(this.runner(), ownerId)))?.version ?? 0;
  }

  async changesSince(ownerId: string, version: number): Promise<ChangeSet> {
    checkOwnerId(ownerId);
    if (!Number.isInteger(version) || version < 0)
      throw badInput("version", "must be a whole number, 0 or more");
    // On the leader (WRITE routing): a follower may not have a write another process was told is done.
    return transact(this.driver, this.txOptions("WRITE"), async (tx) => {
      const state = await ownerState(tx, ownerId);
      if (!state) return { version: 0, changes: [] };
      return { version: state.version, changes: await changesAfter(tx, ownerId, version) };
    });
  }

  async loadNetwork(ownerId: string, options: LoadNetworkOptions = {}): Promise<NetworkSnapshot> {
    checkOwnerId(ownerId);
    const { onTie } = options;
    const { snapshot, tieValues } = await this.readTx(
      async (tx) => readNetwork(tx, ownerId, await requireOwner(tx, ownerId), onTie !== undefined),
      SNAPSHOT_FETCH_SIZE,
    );
    // After commit: a retried transaction must not hand a tie over twice.
    if (onTie && tieValues) emitTieRows(tieValues, onTie);
    return snapshot;
  }

  async loadNeighborhood(
    ownerId: string,
    personId: string,
    depth: number,
  ): Promise<NetworkSnapshot> {
    checkOwnerId(ownerId);
    checkDepth(depth);
    return this.readTx(async (tx) =>
      readNeighborhood(tx, ownerId, await requireOwner(tx, ownerId), personId, depth),
    );
  }

  // --- transactions --------------------------------------------------------

  /** One write transaction of an existing owner: lock, work, then one new version if anything changed. */
  private write<T>(ownerId: string, work: Work<T>): Promise<T> {
    return this.writeTx(async (tx) => {
      const owner = await lockOwner(tx, ownerId);
      const log = new ChangeLog();
      const result = await work(tx, owner, log);
      await recordChanges(tx, ownerId, log);
      return result;
    });
  }

  private writeTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return transact(this.driver, this.txOptions("WRITE"), work);
  }

  private readTx<T>(work: (tx: Tx) => Promise<T>, fetchSize?: number): Promise<T> {
    return transact(
      this.driver,
      { ...this.txOptions("READ"), ...(fetchSize ? { fetchSize } : {}) },
      work,
    );
  }

  private txOptions(mode: "READ" | "WRITE") {
    return {
      database: this.database,
      mode,
      timeouts: this.timeouts,
      liveness: this.liveness,
      bookmarkManager: this.bookmarks,
    };
  }

  /** Lone statements: each its own read transaction (retried, under the deadline, like `driver.executeQuery`). */
  private runner(): Tx {
    return {
      run: (cypher, params) => this.readTx(async (tx) => tx.run(cypher, params)),
    };
  }

  private query(cypher: string, params: Record<string, unknown>) {
    return this.guard(() => rows(this.runner(), cypher, params));
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw translateError(error);
    }
  }
}
