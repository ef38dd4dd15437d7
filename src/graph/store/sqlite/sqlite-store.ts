/**
 * The embedded default store, on better-sqlite3: one file under ./data (or
 * `:memory:` for tests), WAL with synchronous=FULL, foreign keys on. Calls are
 * synchronous underneath; every write is one IMMEDIATE transaction, so writes
 * serialize even across processes sharing the file.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { conflict, notFound, WarmpathError, ErrorCode, badInput } from "../../../errors.js";
import { email as normalizeEmail, nameKey, profileUrl as normalizeProfileUrl } from "../../model/fields.js";
import { SPECS, type Filters, type Inputs, type Patches, type RecordKind, type Records, type UpsertKind } from "../../model/kinds.js";
import type { Person, PersonInput } from "../../model/person.js";
import type { ChangeEntry, ChangeSet } from "../change-set.js";
import type { BulkUpsertResult, CreateOptions, NetworkStore, PersonLookup, UpsertResult } from "../network-store.js";
import { checkClaim, claimedKey, decideClaim, settledKey, type IdempotencyClaim, type KeyClaimState, type StoredKey } from "../idempotency-key.js";
import { withStoredIds, type ImportBatchPlanner, type ImportScope, type ImportView, type ImportWrites } from "../import-batch.js";
import type { NetworkSnapshot } from "../network-snapshot.js";
import { readPageArgs, toConnection, type Connection, type PageArgs } from "../page.js";
import {
  atIndex,
  checkOwnerId,
  identityField,
  identityKeys,
  inputFieldOf,
  mergedRecord,
  newRecord,
  newRecords,
  patchedRecord,
  positionOf,
} from "../record-ops.js";
import { checkDepth, dependentsOf, refFields } from "../store-rules.js";
import { whereOf } from "./sqlite-filters.js";
import { MIGRATIONS } from "./migrations.js";
import { column, columnsOf, fromRaw, IDENTITY_COLUMNS, identityValues, selectList, TABLES, toRow } from "./sqlite-tables.js";

export const DEFAULT_SQLITE_PATH = "./data/warmpath.db";

/** Bulk writes at least this large refresh the planner's statistics. */
const STATISTICS_AFTER_ROWS = 10_000;

export interface SqliteStoreOptions {
  /** A file path, or ":memory:". Default: ./data/warmpath.db */
  path?: string;
}

/** What one write transaction changed, turned into change entries at commit. */
class WriteLog {
  readonly touched = new Map<string, { kind: RecordKind; op: "upsert" | "delete"; ids: string[] }>();
  readonly knownPeople = new Map<string, boolean>();
  readonly knownOrganizations = new Map<string, boolean>();

  record(kind: RecordKind, op: "upsert" | "delete", ids: readonly string[]): void {
    if (ids.length === 0) return;
    const key = `${kind}:${op}`;
    const entry = this.touched.get(key) ?? { kind, op, ids: [] };
    entry.ids.push(...ids);
    this.touched.set(key, entry);
  }
}

export class SqliteStore implements NetworkStore {
  readonly backend = "sqlite";
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(options: SqliteStoreOptions = {}) {
    const path = options.path ?? DEFAULT_SQLITE_PATH;
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = FULL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("busy_timeout = 10000");
    // A network of a million ties has indexes far larger than SQLite's 2 MB default
    // cache; with a small cache every insert and every read by index hits the disk.
    this.db.pragma("cache_size = -262144");
    this.db.pragma("mmap_size = 1073741824");
    this.db.pragma("temp_store = MEMORY");
    this.db.function("wp_lower", { deterministic: true }, (s: unknown) => (typeof s === "string" ? s.toLowerCase() : s));
  }

  async init(): Promise<void> {
    // The version is read inside the IMMEDIATE transaction: two processes starting on a new file migrate it once.
    const migrate = this.db.transaction(() => {
      const current = this.db.pragma("user_version", { simple: true }) as number;
      MIGRATIONS.slice(current).forEach((sql, i) => {
        this.db.exec(sql);
        this.db.pragma(`user_version = ${current + i + 1}`);
      });
    });
    migrate.immediate();
    this.refreshStatistics();
  }

  async ping(): Promise<void> {
    try {
      this.db.prepare("SELECT 1").get();
    } catch (cause) {
      throw new WarmpathError(ErrorCode.UNAVAILABLE, `SQLite store is not usable: ${String(cause)}`, { cause });
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  // --- owners -------------------------------------------------------------

  async ensureOwner(ownerId: string, self: PersonInput): Promise<Person> {
    checkOwnerId(ownerId);
    const incoming = { ...newRecord(ownerId, "person", self), isSelf: true };
    return this.db
      .transaction(() => {
        const owner = this.ownerRow(ownerId);
        if (owner?.self_id) return this.mustGet(ownerId, "person", owner.self_id);
        this.sql("INSERT INTO owner (id, self_id, version) VALUES (?, ?, 0)").run(ownerId, incoming.id);
        const log = new WriteLog();
        this.checkIdentityFree(ownerId, "person", incoming, null);
        this.insert("person", incoming);
        log.record("person", "upsert", [incoming.id]);
        this.commitLog(ownerId, log);
        return incoming;
      })
      .immediate();
  }

  async getSelf(ownerId: string): Promise<Person> {
    const owner = this.requireOwner(ownerId);
    return this.mustGet(ownerId, "person", String(owner.self_id));
  }

  // --- records ------------------------------------------------------------

  async create<K extends RecordKind>(ownerId: string, kind: K, input: Inputs[K], options: CreateOptions = {}): Promise<Records[K]> {
    checkOwnerId(ownerId);
    const claim = options.idempotency === undefined ? undefined : checkClaim(options.idempotency);
    const record = newRecord(ownerId, kind, input);
    return this.write(ownerId, (log) => {
      if (claim) {
        const decision = this.decideKey(ownerId, claim, Date.now());
        if (decision.state === "done") return JSON.parse(decision.result) as Records[K];
      }
      this.checkRefs(ownerId, kind, record, input, log);
      this.checkIdentityFree(ownerId, kind, record, null);
      this.insert(kind, record);
      log.record(kind, "upsert", [record.id]);
      // In the record's own transaction: no retry can miss it, whenever the process dies.
      if (claim) this.putKey(ownerId, claim.key, settledKey(claim, JSON.stringify(record), Date.now()));
      return record;
    });
  }

  async get<K extends RecordKind>(ownerId: string, kind: K, id: string): Promise<Records[K]> {
    checkOwnerId(ownerId);
    return this.mustGet(ownerId, kind, id);
  }

  async getMany<K extends RecordKind>(ownerId: string, kind: K, ids: readonly string[]): Promise<(Records[K] | null)[]> {
    checkOwnerId(ownerId);
    const records = this.select(kind, "t.id IN (SELECT value FROM json_each(?))", [ownerId, JSON.stringify(ids)]);
    const byId = new Map(records.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async update<K extends RecordKind>(ownerId: string, kind: K, id: string, patch: Patches[K]): Promise<Records[K]> {
    checkOwnerId(ownerId);
    return this.write(ownerId, (log) => {
      const current = this.mustGet(ownerId, kind, id);
      const next = patchedRecord(kind, current, patch);
      if (next === current) return current;
      this.checkIdentityFree(ownerId, kind, next, id);
      this.replace(kind, next);
      log.record(kind, "upsert", [id]);
      return next;
    });
  }

  async delete(ownerId: string, kind: RecordKind, id: string): Promise<void> {
    checkOwnerId(ownerId);
    this.write(ownerId, (log) => {
      const current = this.mustGet(ownerId, kind, id);
      if (kind === "person" && (current as Person).isSelf) throw conflict("id", "the owner's own person cannot be deleted");
      // The foreign keys cascade the delete; the ids are read first for the change feed.
      for (const { kind: dependent, fields } of dependentsOf(kind)) {
        const where = fields.map((f) => `${column(f)} = ?`).join(" OR ");
        const ids = this.sql(`SELECT id FROM ${TABLES[dependent]} WHERE owner = ? AND (${where})`)
          .pluck()
          .all(ownerId, ...fields.map(() => id)) as string[];
        log.record(dependent, "delete", ids);
      }
      this.sql(`DELETE FROM ${TABLES[kind]} WHERE owner = ? AND id = ?`).run(ownerId, id);
      log.record(kind, "delete", [id]);
    });
  }

  async list<K extends RecordKind>(ownerId: string, kind: K, filter?: Filters[K], page?: PageArgs): Promise<Connection<Records[K]>> {
    checkOwnerId(ownerId);
    const { first, after } = readPageArgs(page);
    const where = whereOf(kind, filter);
    const base = `FROM ${TABLES[kind]} t WHERE t.owner = ?${where.sql ? ` AND ${where.sql}` : ""}`;
    const total = this.sql(`SELECT count(*) ${base}`).pluck().get(ownerId, ...where.params) as number;
    const asc = SPECS[kind].order === "asc";
    const cursorSql = after ? ` AND (t.sort_key, t.id) ${asc ? ">" : "<"} (?, ?)` : "";
    const direction = asc ? "ASC" : "DESC";
    const rows = this.sql(`SELECT ${selectList(kind)} ${base}${cursorSql} ORDER BY t.sort_key ${direction}, t.id ${direction} LIMIT ?`)
      .raw()
      .all(ownerId, ...where.params, ...(after ? [after.key, after.id] : []), first + 1) as unknown[][];
    return toConnection(
      rows.map((row) => fromRaw(kind, row)),
      first,
      total,
      (r) => positionOf(kind, r),
    );
  }

  async listByRefs<K extends RecordKind>(ownerId: string, kind: K, refKind: "person" | "organization", ids: readonly string[]): Promise<Records[K][]> {
    checkOwnerId(ownerId);
    const fields = refFields(kind, refKind);
    if (ids.length === 0) return [];
    const direction = SPECS[kind].order === "asc" ? "ASC" : "DESC";
    const json = JSON.stringify(ids);
    const where = fields.map((f) => `t.${column(f)} IN (SELECT value FROM json_each(?))`).join(" OR ");
    return this.select(kind, `(${where}) ORDER BY t.sort_key ${direction}, t.id ${direction}`, [ownerId, ...fields.map(() => json)]);
  }

  async findPeople(ownerId: string, lookup: PersonLookup): Promise<Person[]> {
    checkOwnerId(ownerId);
    if ("name" in lookup) {
      return this.select("person", "t.sort_key = ? ORDER BY t.id", [ownerId, nameKey(String(lookup.name ?? ""))]);
    }
    const key =
      "email" in lookup
        ? `email:${normalizeEmail(String(lookup.email ?? ""), "email")}`
        : `url:${normalizeProfileUrl("profileUrl", lookup.profileUrl) ?? ""}`;
    const id = this.personByKey(ownerId, key);
    return id === undefined ? [] : [this.mustGet(ownerId, "person", id)];
  }

  async upsert<K extends UpsertKind>(ownerId: string, kind: K, input: Inputs[K]): Promise<UpsertResult<Records[K]>> {
    checkOwnerId(ownerId);
    const incoming = newRecord(ownerId, kind, input);
    return this.write(ownerId, (log) => this.upsertOne(ownerId, kind, incoming, input, log));
  }

  async bulkUpsert<K extends UpsertKind>(ownerId: string, kind: K, inputs: readonly Inputs[K][]): Promise<BulkUpsertResult> {
    checkOwnerId(ownerId);
    const incoming = newRecords(ownerId, kind, inputs);
    if (incoming.length === 0) return { ids: [], outcomes: [] };
    const result = this.write(ownerId, (log) => {
      const ids: string[] = [];
      const outcomes: UpsertResult<unknown>["outcome"][] = [];
      incoming.forEach((record, i) => {
        try {
          const result = this.upsertOne(ownerId, kind, record, inputs[i]!, log);
          ids.push(result.record.id);
          outcomes.push(result.outcome);
        } catch (error) {
          throw atIndex(error, i);
        }
      });
      return { ids, outcomes };
    });
    if (incoming.length >= STATISTICS_AFTER_ROWS) this.refreshStatistics();
    return result;
  }

  // --- imports and idempotency keys --------------------------------------

  async importBatch<T>(ownerId: string, scope: ImportScope, plan: ImportBatchPlanner<T>): Promise<T> {
    checkOwnerId(ownerId);
    return this.write(ownerId, (log) => {
      const { writes, result } = plan(this.importView(ownerId, scope));
      this.writeImport(ownerId, writes, log);
      return result;
    });
  }

  async claimKey(ownerId: string, claim: IdempotencyClaim): Promise<KeyClaimState> {
    checkOwnerId(ownerId);
    checkClaim(claim);
    return this.write(ownerId, () => {
      const now = Date.now();
      const decision = this.decideKey(ownerId, claim, now);
      if (decision.state === "run") this.putKey(ownerId, claim.key, claimedKey(claim, now));
      return decision;
    });
  }

  async settleKey(ownerId: string, claim: IdempotencyClaim, result: string): Promise<void> {
    checkOwnerId(ownerId);
    checkClaim(claim);
    this.write(ownerId, () => this.putKey(ownerId, claim.key, settledKey(claim, result, Date.now())));
  }

  async releaseKey(ownerId: string, key: string): Promise<void> {
    checkOwnerId(ownerId);
    this.write(ownerId, () => this.sql("DELETE FROM idempotency_key WHERE owner = ? AND key = ? AND result IS NULL").run(ownerId, key));
  }

  // --- change feed and snapshots -------------------------------------------

  async version(ownerId: string): Promise<number> {
    checkOwnerId(ownerId);
    return this.ownerRow(ownerId)?.version ?? 0;
  }

  async changesSince(ownerId: string, version: number): Promise<ChangeSet> {
    checkOwnerId(ownerId);
    if (!Number.isInteger(version) || version < 0) throw badInput("version", "must be a whole number, 0 or more");
    return this.db.transaction(() => {
      const rows = this.sql("SELECT version, kind, op, ids FROM change WHERE owner = ? AND version > ? ORDER BY version, rowid").all(
        ownerId,
        version,
      ) as { version: number; kind: RecordKind; op: ChangeEntry["op"]; ids: string }[];
      const changes = rows.map((r) => ({ version: r.version, kind: r.kind, op: r.op, ids: JSON.parse(r.ids) as string[] }));
      return { version: this.ownerRow(ownerId)?.version ?? 0, changes };
    })();
  }

  async loadNetwork(ownerId: string): Promise<NetworkSnapshot> {
    checkOwnerId(ownerId);
    // One read transaction: in WAL mode it sees a single consistent snapshot.
    return this.db.transaction(() => {
      const owner = this.requireOwner(ownerId);
      const all = <K extends RecordKind>(kind: K) => this.select(kind, "1", [ownerId]);
      return {
        version: owner.version,
        selfId: String(owner.self_id),
        people: all("person"),
        organizations: all("organization"),
        ties: all("tie"),
        employments: all("employment"),
        memberships: all("membership"),
      };
    })();
  }

  async loadNeighborhood(ownerId: string, personId: string, depth: number): Promise<NetworkSnapshot> {
    checkOwnerId(ownerId);
    checkDepth(depth);
    return this.db.transaction(() => {
      const owner = this.requireOwner(ownerId);
      this.mustGet(ownerId, "person", personId);
      const tiesOf = (id: string) => this.select("tie", "(t.person_a = ? OR t.person_b = ?)", [ownerId, id, id]);
      const seen = new Set([personId]);
      const ties = new Map<string, Records["tie"]>();
      let frontier = [personId];
      for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
        const next: string[] = [];
        for (const id of frontier) {
          for (const tie of tiesOf(id)) {
            ties.set(tie.id, tie);
            const other = tie.personA === id ? tie.personB : tie.personA;
            if (!seen.has(other)) {
              seen.add(other);
              next.push(other);
            }
          }
        }
        frontier = next;
      }
      // Ties from the last ring to people already inside also belong to the neighborhood.
      for (const id of frontier) {
        for (const tie of tiesOf(id)) {
          if (seen.has(tie.personA) && seen.has(tie.personB)) ties.set(tie.id, tie);
        }
      }
      const ids = JSON.stringify([...seen]);
      const inList = "t.id IN (SELECT value FROM json_each(?))";
      const byPeople = <K extends "employment" | "membership">(kind: K) => this.select(kind, "t.person_id IN (SELECT value FROM json_each(?))", [ownerId, ids]);
      const employments = byPeople("employment");
      const memberships = byPeople("membership");
      const orgIds = JSON.stringify([...new Set([...employments, ...memberships].map((r) => r.organizationId))]);
      return {
        version: owner.version,
        selfId: String(owner.self_id),
        people: this.select("person", inList, [ownerId, ids]),
        organizations: this.select("organization", inList, [ownerId, orgIds]),
        ties: [...ties.values()],
        employments,
        memberships,
      };
    })();
  }

  // --- internals ----------------------------------------------------------

  /** Purges the owner's expired keys, then decides on `claim` (inside a write transaction). */
  private decideKey(ownerId: string, claim: IdempotencyClaim, now: number): KeyClaimState {
    this.sql("DELETE FROM idempotency_key WHERE owner = ? AND expires_at <= ?").run(ownerId, now);
    const stored = this.sql(
      "SELECT fingerprint, result, lease_until AS leaseUntil, expires_at AS expiresAt FROM idempotency_key WHERE owner = ? AND key = ?",
    ).get(ownerId, claim.key) as StoredKey | undefined;
    return decideClaim(stored, claim, now);
  }

  private putKey(ownerId: string, key: string, stored: StoredKey): void {
    this.sql(
      `INSERT INTO idempotency_key (owner, key, fingerprint, result, lease_until, expires_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (owner, key) DO UPDATE SET fingerprint = excluded.fingerprint, result = excluded.result,
         lease_until = excluded.lease_until, expires_at = excluded.expires_at`,
    ).run(ownerId, key, stored.fingerprint, stored.result, stored.leaseUntil, stored.expiresAt);
  }

  /** What an import batch matches against, read inside its write transaction (each look-up by index). */
  private importView(ownerId: string, scope: ImportScope): ImportView {
    const json = (values: readonly string[]) => JSON.stringify(values);
    const inList = (col: string) => `${col} IN (SELECT value FROM json_each(?))`;
    const people = new Map<string, Person>();
    const byKeys = this.select("person", `t.id IN (SELECT person_id FROM person_identity WHERE owner = ? AND ${inList("key")})`, [ownerId, ownerId, json(scope.identityKeys)]);
    const byNames = this.select("person", inList("t.sort_key"), [ownerId, json(scope.nameKeys)]);
    for (const p of [...byKeys, ...byNames]) people.set(p.id, p);
    const ids = json([...people.keys()]);
    const selfId = String(this.ownerRow(ownerId)?.self_id);
    const employments = this.select("employment", `${inList("t.person_id")} AND t."to" IS NULL`, [ownerId, ids]);
    const organizations = new Map<string, Records["organization"]>();
    const employers = json([...new Set(employments.map((e) => e.organizationId))]);
    for (const o of [...this.select("organization", inList("t.identity_key"), [ownerId, json(scope.organizationKeys)]), ...this.select("organization", inList("t.id"), [ownerId, employers])]) {
      organizations.set(o.id, o);
    }
    const ties = [
      ...this.select("tie", `t.person_a = ? AND ${inList("t.person_b")}`, [ownerId, selfId, ids]),
      ...this.select("tie", `t.person_b = ? AND ${inList("t.person_a")}`, [ownerId, selfId, ids]),
    ];
    const followUps = this.select("followUp", `${inList("t.person_id")} AND t.status = 'open'`, [ownerId, ids]);
    return { selfId, people: [...people.values()], organizations: [...organizations.values()], employments, ties, followUps };
  }

  /** Writes what an import batch decided: its people as planned, the rest upserted (so nothing is ever doubled). */
  private writeImport(ownerId: string, writes: ImportWrites, log: WriteLog): void {
    for (const person of writes.newPeople) {
      this.checkIdentityFree(ownerId, "person", person, null);
      this.insert("person", person);
    }
    for (const { after } of writes.changedPeople) {
      this.checkIdentityFree(ownerId, "person", after, after.id);
      this.replace("person", after);
    }
    log.record("person", "upsert", [...writes.newPeople.map((p) => p.id), ...writes.changedPeople.map((c) => c.after.id)]);
    const stored = new Map<string, string>();
    for (const org of writes.organizations) {
      const { record } = this.upsertOne(ownerId, "organization", org, org, log);
      if (record.id !== org.id) stored.set(org.id, record.id);
    }
    for (const job of withStoredIds(writes.newEmployments, ["organizationId"], stored)) this.upsertOne(ownerId, "employment", job, job, log);
    for (const job of writes.changedEmployments) this.replace("employment", job);
    log.record("employment", "upsert", writes.changedEmployments.map((j) => j.id));
    for (const tie of writes.ties) this.upsertOne(ownerId, "tie", tie, tie, log);
    for (const followUp of writes.followUps) {
      this.checkRefs(ownerId, "followUp", followUp, followUp, log);
      this.insert("followUp", followUp);
    }
    log.record("followUp", "upsert", writes.followUps.map((f) => f.id));
  }

  /**
   * Sampled statistics for the query planner. Without them SQLite reads a whole
   * network through the owner index, one random row at a time; with them it sees
   * that one owner holds most rows and scans the table in order.
   */
  private refreshStatistics(): void {
    this.db.pragma("analysis_limit = 1000");
    this.db.exec("ANALYZE");
  }

  private sql(source: string): Database.Statement {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  }

  /** The owner's records of `kind` matching `where` (on table alias `t`); params start with the owner id. */
  private select<K extends RecordKind>(kind: K, where: string, params: unknown[]): Records[K][] {
    const rows = this.sql(`SELECT ${selectList(kind)} FROM ${TABLES[kind]} t WHERE t.owner = ? AND ${where}`).raw().all(...params) as unknown[][];
    return rows.map((row) => fromRaw(kind, row));
  }

  private ownerRow(ownerId: string): { id: string; self_id: string | null; version: number } | undefined {
    return this.sql("SELECT id, self_id, version FROM owner WHERE id = ?").get(ownerId) as
      | { id: string; self_id: string | null; version: number }
      | undefined;
  }

  private requireOwner(ownerId: string) {
    checkOwnerId(ownerId);
    const owner = this.ownerRow(ownerId);
    if (!owner) throw notFound("owner", ownerId);
    return owner;
  }

  /** Runs `work` in one IMMEDIATE transaction and commits its change entries under one new version. */
  private write<T>(ownerId: string, work: (log: WriteLog) => T): T {
    return this.db
      .transaction(() => {
        this.requireOwner(ownerId);
        const log = new WriteLog();
        const result = work(log);
        this.commitLog(ownerId, log);
        return result;
      })
      .immediate();
  }

  private commitLog(ownerId: string, log: WriteLog): void {
    if (log.touched.size === 0) return;
    const version = (this.sql("UPDATE owner SET version = version + 1 WHERE id = ? RETURNING version").pluck().get(ownerId) as number);
    const insert = this.sql("INSERT INTO change (owner, version, kind, op, ids) VALUES (?, ?, ?, ?, ?)");
    for (const entry of log.touched.values()) insert.run(ownerId, version, entry.kind, entry.op, JSON.stringify(entry.ids));
  }

  private mustGet<K extends RecordKind>(ownerId: string, kind: K, id: string): Records[K] {
    const [record] = this.select(kind, "t.id = ?", [ownerId, id]);
    if (!record) throw notFound(SPECS[kind].kind, id);
    return record;
  }

  private checkRefs<K extends RecordKind>(ownerId: string, kind: K, record: Records[K], input: Inputs[K], log: WriteLog): void {
    const source = record as unknown as Record<string, string>;
    for (const ref of SPECS[kind].refs) {
      const id = source[ref.field]!;
      // Cached per transaction: a bulk import points at the same people over and over.
      const known = ref.kind === "person" ? log.knownPeople : log.knownOrganizations;
      let exists = known.get(id);
      if (exists === undefined) {
        exists = this.sql(`SELECT 1 FROM ${TABLES[ref.kind]} WHERE owner = ? AND id = ?`).get(ownerId, id) !== undefined;
        known.set(id, exists);
      }
      if (!exists) throw notFound(ref.kind, id, inputFieldOf(kind, input, id, ref.field));
    }
  }

  private personByKey(ownerId: string, key: string): string | undefined {
    return this.sql("SELECT person_id FROM person_identity WHERE owner = ? AND key = ?").pluck().get(ownerId, key) as string | undefined;
  }

  /** The ids of the owner's records sharing an identity key with `record`, key by key. */
  private holdersOf<K extends RecordKind>(ownerId: string, kind: K, record: Records[K]): { key: string; id: string | undefined }[] {
    const keys = identityKeys(kind, record);
    if (kind === "person") return keys.map((key) => ({ key, id: this.personByKey(ownerId, key) }));
    const columns = IDENTITY_COLUMNS[kind];
    if (!columns || keys.length === 0) return [];
    const id = this.sql(`SELECT id FROM ${TABLES[kind]} WHERE owner = ? AND ${columns.map((c) => `${c} = ?`).join(" AND ")}`)
      .pluck()
      .get(ownerId, ...identityValues(kind, record)) as string | undefined;
    return [{ key: keys[0]!, id }];
  }

  /** CONFLICT when another record of the owner already has one of this record's identity keys. */
  private checkIdentityFree<K extends RecordKind>(ownerId: string, kind: K, record: Records[K], selfId: string | null): void {
    for (const { key, id } of this.holdersOf(ownerId, kind, record)) {
      if (id !== undefined && id !== selfId) {
        throw conflict(identityField(key), `another ${SPECS[kind].kind} already has ${key.slice(key.indexOf(":") + 1)}`);
      }
    }
  }

  private insert<K extends RecordKind>(kind: K, record: Records[K]): void {
    const columns = columnsOf(kind);
    this.sql(`INSERT INTO ${TABLES[kind]} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`).run(...toRow(kind, record));
    if (kind === "person") this.writeIdentities(record as Person);
  }

  private replace<K extends RecordKind>(kind: K, record: Records[K]): void {
    const columns = columnsOf(kind).slice(1);
    const values = toRow(kind, record).slice(1);
    this.sql(`UPDATE ${TABLES[kind]} SET ${columns.map((c) => `${c} = ?`).join(", ")} WHERE id = ?`).run(...values, record.id);
    if (kind === "person") {
      this.sql("DELETE FROM person_identity WHERE owner = ? AND person_id = ?").run(record.ownerId, record.id);
      this.writeIdentities(record as Person);
    }
  }

  private writeIdentities(person: Person): void {
    const insert = this.sql("INSERT INTO person_identity (owner, key, person_id) VALUES (?, ?, ?)");
    for (const key of identityKeys("person", person)) insert.run(person.ownerId, key, person.id);
  }

  /** The stored record with the same identity as `incoming`, if any. */
  private findSame<K extends UpsertKind>(ownerId: string, kind: K, incoming: Records[K]): Records[K] | undefined {
    const holders = this.holdersOf(ownerId, kind, incoming);
    const match = holders.find((h) => h.id !== undefined)?.id;
    if (match !== undefined) return this.mustGet(ownerId, kind, match);
    if (kind === "person" && holders.length === 0) {
      // A person known only by name is the same as the one person of that name, if exactly one exists.
      const named = this.select(kind, "t.sort_key = ? LIMIT 2", [ownerId, positionOf(kind, incoming).key]);
      if (named.length === 1) return named[0];
    }
    return undefined;
  }

  private upsertOne<K extends UpsertKind>(ownerId: string, kind: K, incoming: Records[K], input: Inputs[K], log: WriteLog): UpsertResult<Records[K]> {
    this.checkRefs(ownerId, kind, incoming, input, log);
    const identityColumns = IDENTITY_COLUMNS[kind];
    if (identityColumns) {
      // Fast path for imports: most rows are new, so try the insert and fall back to a merge on conflict.
      const columns = columnsOf(kind);
      const inserted = this.sql(
        `INSERT INTO ${TABLES[kind]} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")}) ON CONFLICT (owner, ${identityColumns.join(", ")}) DO NOTHING`,
      ).run(...toRow(kind, incoming));
      if (inserted.changes === 1) {
        log.record(kind, "upsert", [incoming.id]);
        return { outcome: "created", record: incoming };
      }
    }
    const existing = this.findSame(ownerId, kind, incoming);
    if (existing === undefined) {
      this.checkIdentityFree(ownerId, kind, incoming, null);
      this.insert(kind, incoming);
      log.record(kind, "upsert", [incoming.id]);
      return { outcome: "created", record: incoming };
    }
    const { record, changed } = mergedRecord(kind, existing, incoming);
    if (!changed) return { outcome: "unchanged", record: existing };
    this.checkIdentityFree(ownerId, kind, record, existing.id);
    this.replace(kind, record);
    log.record(kind, "upsert", [record.id]);
    return { outcome: "updated", record };
  }
}
