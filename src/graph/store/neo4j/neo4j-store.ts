/**
 * The Neo4j adapter of the store port. People, organizations and notes about
 * people are nodes; ties, employment and membership are relationships (see
 * neo4j-layout.ts). Every write is one transaction (neo4j-transact.ts) that first locks
 * the owner's node, so one owner's writes serialize and their uniqueness
 * checks cannot race; the constraints of neo4j-schema.ts back them up.
 */
import neo4j, { type Driver } from "neo4j-driver";
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
import type { ChangeEntry, ChangeSet } from "../change-set.js";
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
import {
  withStoredIds,
  type ImportBatchPlanner,
  type ImportScope,
  type ImportWrites,
} from "../import-batch.js";
import { decideKey, deletePendingKey, putKey } from "./neo4j-idempotency.js";
import type { NetworkSnapshot } from "../network-snapshot.js";
import type { Connection, PageArgs } from "../page.js";
import {
  atIndex,
  checkOwnerId,
  identityField,
  identityKeys,
  inputFieldOf,
  newRecord,
  newRecords,
  patchedRecord,
  referencesOf,
} from "../record-ops.js";
import { checkDepth, refFields } from "../store-rules.js";
import { ChangeLog } from "./neo4j-change-log.js";
import { deleteWithDependents } from "./neo4j-delete.js";
import { translateError } from "./neo4j-errors.js";
import { patternOf } from "./neo4j-layout.js";
import { fromProps, hasIdentityProperty, type Props } from "./neo4j-records.js";
import {
  existingIds,
  importView,
  listRecords,
  ownerState,
  peopleByKeys,
  peopleByNameKeys,
  recordsByIdentity,
  recordsByIds,
  recordsByRefs,
  type OwnerState,
} from "./neo4j-reads.js";
import { inBatches, rows, type Tx } from "./neo4j-run.js";
import { SCHEMA } from "./neo4j-schema.js";
import { driverTimeouts, NEO4J_TIMEOUTS, type Neo4jTimeouts } from "./neo4j-timeouts.js";
import { transact } from "./neo4j-transact.js";
import { readNeighborhood, readNetwork } from "./neo4j-snapshot.js";
import { nameKeysToMatch, planUpserts } from "./neo4j-upsert-plan.js";
import {
  insertRecords,
  lockOwner,
  recordChanges,
  syncIdentities,
  updateRecords,
} from "./neo4j-writes.js";

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
type Wrap = (error: unknown, index: number) => unknown;

export class Neo4jStore implements NetworkStore {
  readonly backend = "neo4j";
  private readonly driver: Driver;
  /** Only a driver the store created is closed by it; a borrowed one belongs to the caller. */
  private readonly ownsDriver: boolean;
  private readonly database: string | undefined;
  private readonly timeouts: Neo4jTimeouts;
  /** When Neo4j last answered anything: tells a frozen server (UNAVAILABLE) from slow work (TIMEOUT). */
  private readonly liveness = { lastAnswerAt: 0 };

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
    for (const statement of SCHEMA) await this.writeTx((tx) => rows(tx, statement));
    await this.readTx((tx) => rows(tx, "CALL db.awaitIndexes(300)"));
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
    return this.writeTx(async (tx) => {
      // MERGE on the uniquely constrained id is safe against a concurrent first call.
      const [row] = await rows(
        tx,
        `MERGE (o:Owner {id: $owner}) ON CREATE SET o.version = 0
         SET o.lock = NOT coalesce(o.lock, false) RETURN o.selfId AS selfId`,
        { owner: ownerId },
      );
      const selfId = row?.selfId;
      if (typeof selfId === "string") return this.mustGet(tx, ownerId, "person", selfId);
      await insertRecords(tx, ownerId, "person", [incoming]);
      await rows(tx, "MATCH (o:Owner {id: $owner}) SET o.selfId = $selfId", {
        owner: ownerId,
        selfId: incoming.id,
      });
      const log = new ChangeLog();
      log.add("person", "upsert", [incoming.id]);
      await recordChanges(tx, ownerId, log);
      return incoming;
    });
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
      for (const ref of referencesOf(kind, record)) {
        if (!(await existingIds(tx, ownerId, ref.kind, [ref.id])).has(ref.id)) {
          throw notFound(ref.kind, ref.id, inputFieldOf(kind, input, ref.id, ref.field));
        }
      }
      await this.checkIdentityFree(tx, ownerId, kind, record);
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
      const current = await this.mustGet(tx, ownerId, kind, id);
      const next = patchedRecord(kind, current, patch);
      if (next === current) return current;
      await this.checkIdentityFree(tx, ownerId, kind, next);
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
    return this.write(ownerId, async (tx, _owner, log) => {
      const { plan, records } = await this.applyUpserts(
        tx,
        ownerId,
        kind,
        [incoming],
        [input],
        log,
        (error) => error,
      );
      const outcome = plan.outcomes[0];
      const record = records.get(plan.ids[0] ?? "");
      if (outcome === undefined || record === undefined)
        throw new Error("upsert planned no outcome");
      return { outcome, record };
    });
  }

  async bulkUpsert<K extends UpsertKind>(
    ownerId: string,
    kind: K,
    inputs: readonly Inputs[K][],
  ): Promise<BulkUpsertResult> {
    checkOwnerId(ownerId);
    const incoming = newRecords(ownerId, kind, inputs);
    if (incoming.length === 0) return { ids: [], outcomes: [] };
    return this.write(ownerId, async (tx, _owner, log) => {
      const { plan } = await this.applyUpserts(tx, ownerId, kind, incoming, inputs, log, atIndex);
      return { ids: plan.ids, outcomes: plan.outcomes };
    });
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
      await this.writeImport(tx, ownerId, writes, log);
      return result;
    });
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

  // --- change feed and snapshots -------------------------------------------

  async version(ownerId: string): Promise<number> {
    checkOwnerId(ownerId);
    return (await this.guard(() => ownerState(this.runner(), ownerId)))?.version ?? 0;
  }

  async changesSince(ownerId: string, version: number): Promise<ChangeSet> {
    checkOwnerId(ownerId);
    if (!Number.isInteger(version) || version < 0)
      throw badInput("version", "must be a whole number, 0 or more");
    return this.readTx(async (tx) => {
      const state = await ownerState(tx, ownerId);
      if (!state) return { version: 0, changes: [] };
      const found = await rows(
        tx,
        `MATCH (c:Change {owner: $owner}) WHERE c.version > $version
         RETURN c.version AS version, c.kind AS kind, c.op AS op, c.ids AS ids ORDER BY c.version, c.seq`,
        { owner: ownerId, version: neo4j.int(version) },
      );
      const changes = found.map(
        (r) => ({ version: Number(r.version), kind: r.kind, op: r.op, ids: r.ids }) as ChangeEntry,
      );
      return { version: state.version, changes };
    });
  }

  async loadNetwork(ownerId: string): Promise<NetworkSnapshot> {
    checkOwnerId(ownerId);
    return this.readTx(
      async (tx) => readNetwork(tx, ownerId, await this.requireOwner(tx, ownerId)),
      SNAPSHOT_FETCH_SIZE,
    );
  }

  async loadNeighborhood(
    ownerId: string,
    personId: string,
    depth: number,
  ): Promise<NetworkSnapshot> {
    checkOwnerId(ownerId);
    checkDepth(depth);
    return this.readTx(async (tx) =>
      readNeighborhood(tx, ownerId, await this.requireOwner(tx, ownerId), personId, depth),
    );
  }

  // --- internals ----------------------------------------------------------

  /**
   * Applies upserts in order (see neo4j-upsert-plan.ts) and persists the outcome.
   * Errors are reported as a one-by-one application would: the earliest input wins.
   */
  private async applyUpserts<K extends UpsertKind>(
    tx: Tx,
    ownerId: string,
    kind: K,
    incoming: Records[K][],
    inputs: readonly Inputs[K][],
    log: ChangeLog,
    wrap: Wrap,
  ) {
    const missing = await this.firstMissingRef(tx, ownerId, kind, incoming, inputs, wrap);
    const valid = missing === null ? incoming : incoming.slice(0, missing.index);
    const stored = await this.storedMatches(tx, ownerId, kind, valid);
    const plan = planUpserts(kind, valid, stored, wrap);
    if (missing !== null) throw missing.error;
    await insertRecords(tx, ownerId, kind, plan.created);
    await updateRecords(
      tx,
      kind,
      plan.updated.map((u) => u.after),
    );
    if (kind === "person")
      await syncIdentities(
        tx,
        ownerId,
        plan.updated as unknown as { before: Person; after: Person }[],
      );
    log.add(kind, "upsert", plan.touched);
    const records = new Map<string, Records[K]>(
      [...stored, ...plan.created, ...plan.updated.map((u) => u.after)].map((r) => [r.id, r]),
    );
    return { plan, records };
  }

  /** Writes what an import batch decided: its people as planned, the rest upserted (so nothing is ever doubled). */
  private async writeImport(
    tx: Tx,
    ownerId: string,
    writes: ImportWrites,
    log: ChangeLog,
  ): Promise<void> {
    const newPeople = writes.newPeople;
    const changed = writes.changedPeople;
    // The plan saw every holder of its keys; this one look-up is the backstop that names the field.
    const written = [...newPeople, ...changed.map((c) => c.after)];
    const holders = new Map<string, Person>();
    await inBatches(
      [...new Set(written.flatMap((p) => identityKeys("person", p)))],
      async (keys) => {
        for (const [key, holder] of await peopleByKeys(tx, ownerId, keys)) holders.set(key, holder);
      },
    );
    for (const person of written) {
      for (const key of identityKeys("person", person)) {
        const holder = holders.get(key);
        if (holder !== undefined && holder.id !== person.id)
          throw conflict(
            identityField(key),
            `another person already has ${key.slice(key.indexOf(":") + 1)}`,
          );
      }
    }
    await insertRecords(tx, ownerId, "person", newPeople);
    await updateRecords(
      tx,
      "person",
      changed.map((c) => c.after),
    );
    await syncIdentities(tx, ownerId, changed);
    log.add("person", "upsert", [...newPeople.map((p) => p.id), ...changed.map((c) => c.after.id)]);
    const upsert = async <K extends UpsertKind>(kind: K, records: Records[K][]) =>
      records.length === 0
        ? []
        : (
            await this.applyUpserts(
              tx,
              ownerId,
              kind,
              records,
              records as unknown as Inputs[K][],
              log,
              atIndex,
            )
          ).plan.ids;
    const orgIds = await upsert("organization", writes.organizations);
    const stored = new Map(
      writes.organizations.flatMap((o, i) =>
        orgIds[i] !== o.id ? [[o.id, orgIds[i]!] as const] : [],
      ),
    );
    await upsert("employment", withStoredIds(writes.newEmployments, ["organizationId"], stored));
    await updateRecords(tx, "employment", writes.changedEmployments);
    log.add(
      "employment",
      "upsert",
      writes.changedEmployments.map((j) => j.id),
    );
    await upsert("tie", writes.ties);
    const about = [...new Set(writes.followUps.map((f) => f.personId))];
    const known = await existingIds(tx, ownerId, "person", about);
    const missing = about.find((id) => !known.has(id));
    if (missing !== undefined) throw notFound("person", missing, "personId");
    await insertRecords(tx, ownerId, "followUp", writes.followUps);
    log.add(
      "followUp",
      "upsert",
      writes.followUps.map((f) => f.id),
    );
  }

  /** The first input naming a person or organization this owner does not have, with its error. */
  private async firstMissingRef<K extends UpsertKind>(
    tx: Tx,
    ownerId: string,
    kind: K,
    incoming: Records[K][],
    inputs: readonly Inputs[K][],
    wrap: Wrap,
  ) {
    const wanted = { person: new Set<string>(), organization: new Set<string>() };
    for (const record of incoming)
      for (const ref of referencesOf(kind, record)) wanted[ref.kind].add(ref.id);
    const existing = { person: new Set<string>(), organization: new Set<string>() };
    for (const refKind of ["person", "organization"] as const) {
      await inBatches([...wanted[refKind]], async (slice) => {
        for (const id of await existingIds(tx, ownerId, refKind, slice)) existing[refKind].add(id);
      });
    }
    for (let index = 0; index < incoming.length; index++) {
      for (const ref of referencesOf(kind, incoming[index] as Records[K])) {
        if (!existing[ref.kind].has(ref.id)) {
          const field = inputFieldOf(kind, inputs[index] as Inputs[K], ref.id, ref.field);
          return { index, error: wrap(notFound(ref.kind, ref.id, field), index) };
        }
      }
    }
    return null;
  }

  /** Stored records an upsert of `incoming` may merge into: by identity key, and for keyless people by name. */
  private async storedMatches<K extends UpsertKind>(
    tx: Tx,
    ownerId: string,
    kind: K,
    incoming: Records[K][],
  ): Promise<Records[K][]> {
    const found: Records[K][] = [];
    if (kind === "person") {
      const keys = [...new Set(incoming.flatMap((r) => identityKeys(kind, r)))];
      await inBatches(keys, async (slice) => {
        found.push(...((await peopleByKeys(tx, ownerId, slice)).values() as Iterable<Records[K]>));
      });
    } else {
      await inBatches(incoming, async (slice) => {
        found.push(...(await recordsByIdentity(tx, ownerId, kind, slice)).values());
      });
    }
    const names = nameKeysToMatch(kind, incoming);
    if (names.length > 0)
      found.push(...((await peopleByNameKeys(tx, ownerId, names)) as Records[K][]));
    return found;
  }

  /** CONFLICT when another record of the owner holds one of this record's identity keys. */
  private async checkIdentityFree<K extends RecordKind>(
    tx: Tx,
    ownerId: string,
    kind: K,
    record: Records[K],
  ): Promise<void> {
    const keys = identityKeys(kind, record);
    if (keys.length === 0) return;
    const holders =
      kind === "person"
        ? await peopleByKeys(tx, ownerId, keys)
        : hasIdentityProperty(kind)
          ? await recordsByIdentity(tx, ownerId, kind, [record])
          : new Map<string, Records[K]>();
    for (const key of keys) {
      const holder = holders.get(key);
      if (holder !== undefined && holder.id !== record.id) {
        throw conflict(
          identityField(key),
          `another ${kind} already has ${key.slice(key.indexOf(":") + 1)}`,
        );
      }
    }
  }

  private async mustGet<K extends RecordKind>(
    tx: Tx,
    ownerId: string,
    kind: K,
    id: string,
  ): Promise<Records[K]> {
    const record = (await recordsByIds(tx, ownerId, kind, [id])).get(id);
    if (!record) throw notFound(kind, id);
    return record;
  }

  private async requireOwner(tx: Tx, ownerId: string): Promise<OwnerState> {
    const state = await ownerState(tx, ownerId);
    if (!state) throw notFound("owner", ownerId);
    return state;
  }

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
    return { database: this.database, mode, timeouts: this.timeouts, liveness: this.liveness };
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
