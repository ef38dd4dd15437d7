/**
 * The owner's network in memory, for the path engine: people as nodes and ties
 * carrying a warmth-model strength (explicit ties, and ties inferred from shared
 * employers and groups). The graph lives in the path index itself, whose payload
 * for each tie is a number: the tie's slot in the tie table (tie-table.ts: the
 * stored ties as columns, no object per tie), or INFERRED. An edge's attributes
 * (`edgeBetween`, `forEachTie`) are made on demand from them; the Graphology
 * graph (`graph`) is materialized on first use and then kept in step, so the
 * query path never builds or touches it.
 *
 * Strengths and the clock: a tie's warmth decays with time (recency, age), and
 * is computed when the tie is loaded or changes. A warm start reuses the
 * strengths its snapshot saved when they were computed less than a day before
 * (`STRENGTH_REUSE_MS`) with the same warmth options; otherwise it recomputes
 * the ties whose warmth the clock moves (a `since`, a last contact, or the
 * owner's own ties, which logged contacts warm), or all of them when the
 * options changed. A projection kept running refreshes a tie when it changes.
 *
 * Built once from the store, then kept in step through the store's change feed:
 * `sync()` applies only what changed since the version it last saw. Loading and
 * syncing set every edge through the same rule (`reconcile`), so a synced
 * projection equals a freshly built one (property-tested).
 */
import { isCurrentEmployment, type Employment } from "../model/employment.js";
import type { Favor } from "../model/favor.js";
import type { Interaction } from "../model/interaction.js";
import type { RecordKind } from "../model/kinds.js";
import type { Membership } from "../model/membership.js";
import type { Organization } from "../model/organization.js";
import type { Person } from "../model/person.js";
import type { Tie } from "../model/tie.js";
import { listAll } from "../store/list-all.js";
import type { NetworkSnapshot } from "../store/network-snapshot.js";
import type { NetworkStore } from "../store/network-store.js";
import { PathIndex } from "../path-index/path-index.js";
import { NO_EVIDENCE, summarizeEvidence, type TieEvidence } from "../warmth/tie-evidence.js";
import { inferredWarmth, tieWarmth } from "../warmth/tie-warmth.js";
import { WARMTH_DEFAULTS, type WarmthOptions } from "../warmth/warmth-options.js";
import { GroupedRecords } from "./grouped-records.js";
import {
  anchorOf,
  readSnapshot,
  saveSnapshot,
  type StoredSnapshot,
} from "./projection-snapshot.js";
import { inferTies, type InferredTie } from "./inferred-ties.js";
import { InferredPairs, pairKey } from "./inferred-pairs.js";
import { PeopleChangeWindow } from "./people-change-window.js";
import {
  graphOf,
  INFERRED,
  setViewEdge,
  type EdgeAttributes,
  type ProjectionGraph,
} from "./projection-graph.js";
import { savedInferredPairs } from "./saved-edges.js";
import { StreamedTies } from "./streamed-ties.js";
import { applyTieChanges } from "./tie-changes.js";
import { TieTable } from "./tie-table.js";
import { tieStrengths } from "./tie-strengths.js";
import { restorePeople, savePeople } from "./saved-people.js";

export interface ProjectionOptions {
  warmth?: WarmthOptions;
  /** The clock for recency; fixed in tests. Default: the time of each load or sync. */
  now?: () => Date;
  /**
   * Where to keep a snapshot of the projection for warm starts (projection-snapshot.ts): loaded
   * instead of the store when it matches the store, and saved in the background after a load
   * from the store and after every `snapshotEvery` versions synced. Default: none.
   */
  snapshotDir?: string;
  /** Versions synced before the snapshot is saved again. Default 10,000. */
  snapshotEvery?: number;
}

export const SNAPSHOT_DEFAULTS = Object.freeze({ snapshotEvery: 10_000 });

/** A warm start reuses the strengths its snapshot saved when they are younger than this (a day). */
export const STRENGTH_REUSE_MS = 86_400_000;

const codeOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class NetworkProjection {
  readonly people = new Map<string, Person>();
  readonly organizations = new Map<string, Organization>();
  private readonly employments = new GroupedRecords<Employment>((e) => e.organizationId);
  /** The same employments by person, for "where do they work now" (team pooling shows it). */
  private readonly employmentsByPerson = new GroupedRecords<Employment>((e) => e.personId);
  private readonly memberships = new GroupedRecords<Membership>((m) => m.organizationId);
  private ties = new TieTable();
  private readonly interactions = new GroupedRecords<Interaction>((i) => i.personId);
  private readonly favors = new GroupedRecords<Favor>((f) => f.personId);
  private readonly evidence = new Map<string, TieEvidence>();
  private readonly inferred = new InferredPairs();
  private index = PathIndex.fromEdges([], { a: [], b: [], strength: [], payload: [] });
  /** When the strengths the table holds were computed (the oldest of them), ms since the epoch. */
  private strengthsAt = 0;
  private materialized: ProjectionGraph | null = null;
  private versionSeen = 0;
  private readonly changeWindow = new PeopleChangeWindow();
  selfId = "";
  /** Where this projection was built from: the whole store, or a snapshot and the changes since. */
  startedFrom: "store" | "snapshot" = "store";
  /** The version of the last snapshot saved, loaded or tried (0: none). */
  private savedVersion = 0;
  private saving: Promise<void> | null = null;
  private syncing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly store: NetworkStore,
    readonly ownerId: string,
    private readonly options: ProjectionOptions,
  ) {}

  /** Builds the projection from the store in a few calls. */
  static async load(
    store: NetworkStore,
    ownerId: string,
    options: ProjectionOptions = {},
  ): Promise<NetworkProjection> {
    const projection = new NetworkProjection(store, ownerId, options);
    if (options.snapshotDir !== undefined && (await projection.warmStart(options.snapshotDir)))
      return projection;
    const ties = new StreamedTies();
    const snapshot = await store.loadNetwork(ownerId, {
      onTie: ties.add,
      onTiePage: ties.addPage,
    });
    // A store that does not stream (a wrapper that drops the option) returns them as records.
    for (const tie of snapshot.ties) ties.add(tie);
    const [interactions, favors] = await Promise.all([
      listAll(store, ownerId, "interaction"),
      listAll(store, ownerId, "favor"),
    ]);
    projection.selfId = snapshot.selfId;
    projection.versionSeen = snapshot.version;
    projection.build(snapshot, interactions, favors, ties);
    projection.saveInBackground();
    return projection;
  }

  /** Loads the snapshot when it matches the store, then catches up; false when there is none to trust. */
  private async warmStart(dir: string): Promise<boolean> {
    const saved = await readSnapshot(dir, this.ownerId);
    const version = saved?.records.version ?? 0;
    if (saved === null || version === 0) return false;
    const feed = await this.store.changesSince(this.ownerId, version - 1);
    if (feed.version < version || anchorOf(feed.changes, version) !== saved.anchor) return false;
    if (!this.restore(saved)) return false;
    this.versionSeen = this.savedVersion = version;
    this.startedFrom = "snapshot";
    await this.sync();
    return true;
  }

  /**
   * Saves the projection's snapshot now (when it has a snapshot folder and a version the file
   * does not already hold); warm starts read it. Resolves when the file is written.
   */
  saveSnapshot(): Promise<void> {
    // The file takes the tie columns and index arrays as they are, so a save runs between syncs.
    const save = this.syncing.catch(() => undefined).then(() => this.writeSnapshot());
    this.syncing = save.catch(() => undefined);
    return save;
  }

  private async writeSnapshot(): Promise<void> {
    const dir = this.options.snapshotDir;
    if (dir === undefined || this.versionSeen === 0 || this.versionSeen === this.savedVersion)
      return;
    const version = this.versionSeen;
    const feed = await this.store.changesSince(this.ownerId, version - 1);
    const records = {
      version,
      selfId: this.selfId,
      people: savePeople(this.index.keys, this.people),
      organizations: [...this.organizations.values()],
      employments: this.employments.all(),
      memberships: this.memberships.all(),
      interactions: this.interactions.all(),
      favors: this.favors.all(),
      strengthsAt: this.strengthsAt,
      warmth: this.warmthKey(),
    };
    const state = { records, ties: this.ties.columns(), index: this.index.columns() };
    await saveSnapshot(dir, this.ownerId, state, anchorOf(feed.changes, version));
    this.savedVersion = version;
  }

  /**
   * Saves after the current query's work, one save at a time. A failed save (a full disk, say)
   * only costs the next start its warmth, and is not retried before `snapshotEvery` more versions.
   */
  private saveInBackground(): void {
    if (this.options.snapshotDir === undefined || this.saving) return;
    const version = this.versionSeen;
    this.saving = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.saveSnapshot())
      .catch(() => {
        this.savedVersion = Math.max(this.savedVersion, version);
      })
      .finally(() => (this.saving = null));
  }

  /** Resolves when a snapshot save in progress (if any) has finished. */
  async saved(): Promise<void> {
    await this.saving;
  }

  /** Fills the side tables (everything but the ties) from records. */
  private fillRecords(
    records: Omit<NetworkSnapshot, "ties" | "version" | "selfId">,
    interactions: readonly Interaction[],
    favors: readonly Favor[],
  ): void {
    for (const person of records.people) this.people.set(person.id, person);
    for (const org of records.organizations) this.organizations.set(org.id, org);
    for (const e of records.employments) {
      this.employments.set(e.id, e);
      this.employmentsByPerson.set(e.id, e);
    }
    for (const m of records.memberships) this.memberships.set(m.id, m);
    for (const i of interactions) this.interactions.set(i.id, i);
    for (const f of favors) this.favors.set(f.id, f);
    for (const personId of new Set([...interactions, ...favors].map((r) => r.personId)))
      this.refreshEvidence(personId);
  }

  /**
   * The first load: side tables filled record by record, the streamed ties put in people order,
   * their strengths computed, and the index built in one pass from the columns.
   */
  private build(
    snapshot: NetworkSnapshot,
    interactions: readonly Interaction[],
    favors: readonly Favor[],
    streamed: StreamedTies,
  ): void {
    this.fillRecords(snapshot, interactions, favors);
    const keys: string[] = [];
    const node = new Map<string, number>();
    for (const person of snapshot.people) node.set(person.id, keys.push(person.id) - 1);
    const ties = (this.ties = streamed.inPeopleOrder(node));
    const now = this.now();
    this.strengthsAt = now.getTime();
    this.computeStrengths(keys, now, () => true);
    const n = ties.size;
    const payload = new Int32Array(n);
    for (let slot = 0; slot < n; slot++) payload[slot] = slot;
    const [a, b, strength] = [ties.a.subarray(0, n), ties.b.subarray(0, n), ties.strength];
    this.index = PathIndex.fromEdges(keys, { a, b, strength, payload });
    this.inferAll(new Set());
  }

  /** Infers the ties of every organization and reconciles them with `pairs` (pairs to redo besides). */
  private inferAll(pairs: Set<string>): void {
    // Inferred ties fill the pairs no stored tie holds.
    const today = this.today();
    for (const orgId of this.organizations.keys())
      for (const pair of this.reinfer(orgId, today)) pairs.add(pair);
    for (const pair of pairs) this.reconcile(pair);
  }

  /**
   * A warm start: the side tables from the snapshot's records, the tie table and the index as
   * they were saved, the strengths reused or recomputed (the rule is in the header), and the
   * inferred ties inferred again. False, with nothing changed, when the arrays do not make a
   * projection.
   */
  private restore(saved: StoredSnapshot): boolean {
    let ties: TieTable;
    let index: PathIndex;
    let inferredPairs: Set<string> | null;
    try {
      index = PathIndex.fromColumns(saved.index);
      ties = TieTable.fromColumns(saved.ties, index.keys);
      inferredPairs = savedInferredPairs(index, ties);
    } catch {
      return false;
    }
    if (inferredPairs === null) return false;
    const { records } = saved;
    const people = restorePeople(records.people, index.keys, this.ownerId);
    if (people === null) return false;
    this.selfId = records.selfId;
    this.fillRecords({ ...records, people }, records.interactions, records.favors);
    [this.ties, this.index] = [ties, index];
    const now = this.now();
    const fresh =
      records.warmth === this.warmthKey() &&
      Math.abs(now.getTime() - records.strengthsAt) < STRENGTH_REUSE_MS;
    this.strengthsAt = fresh ? records.strengthsAt : now.getTime();
    if (!fresh) {
      const all = records.warmth !== this.warmthKey();
      this.computeStrengths(
        index.keys,
        now,
        (slot, owners) => all || owners || ties.datesOf(slot),
        (slot, strength) =>
          index.setEdge(ties.a[slot]!, ties.b[slot]!, { strength, payload: slot }),
      );
    }
    this.inferAll(inferredPairs);
    return true;
  }

  /**
   * Recomputes at `now` the strength of each live tie of the table that `due` accepts (told
   * whether the owner is an end): the owner's with the evidence of their contact, the others
   * once per distinct input (tie-strengths.ts). `moved` hears of each strength that changed.
   */
  private computeStrengths(
    keys: readonly string[],
    now: Date,
    due: (slot: number, owners: boolean) => boolean,
    moved?: (slot: number, strength: number) => void,
  ): void {
    const ties = this.ties;
    const strengthOf = tieStrengths(ties, now, this.warmth);
    const self = this.selfId === "" ? -1 : keys.indexOf(this.selfId);
    for (let slot = 0; slot < ties.size; slot++) {
      if (!ties.has(slot)) continue;
      const owners = ties.a[slot] === self || ties.b[slot] === self;
      if (!due(slot, owners)) continue;
      const strength = owners ? this.slotWarmth(slot, now, keys) : strengthOf(slot);
      if (strength === ties.strength[slot]) continue;
      ties.strength[slot] = strength;
      moved?.(slot, strength);
    }
  }

  /** The warmth options in force. */
  private get warmth(): WarmthOptions {
    return this.options.warmth ?? WARMTH_DEFAULTS;
  }

  /** What the strengths were computed with: a snapshot's are reused only under the same options. */
  private warmthKey(): string {
    return JSON.stringify(this.warmth);
  }

  /** The store version this projection reflects. */
  get version(): number {
    return this.versionSeen;
  }

  /** Catches up with the store: applies what changed since `version`, and nothing else. Calls run one at a time. */
  sync(): Promise<void> {
    // After a failed catch-up (a store briefly down), the next call tries again from versionSeen.
    this.syncing = this.syncing.catch(() => undefined).then(() => this.catchUp());
    return this.syncing;
  }

  private async catchUp(): Promise<void> {
    const feed = await this.store.changesSince(this.ownerId, this.versionSeen);
    if (feed.changes.length === 0) return;
    const touched = new Map<RecordKind, Set<string>>();
    for (const change of feed.changes) {
      let ids = touched.get(change.kind);
      if (!ids) touched.set(change.kind, (ids = new Set()));
      for (const id of change.ids) ids.add(id);
    }
    // The current state of every touched record; null means it is gone.
    const state: Partial<Record<RecordKind, Map<string, unknown>>> = {};
    await Promise.all(
      [...touched].map(async ([kind, ids]) => {
        const list = [...ids];
        const records = await this.store.getMany(this.ownerId, kind, list);
        state[kind] = new Map(list.map((id, i) => [id, records[i] ?? null]));
      }),
    );
    const people = this.apply(state as Parameters<NetworkProjection["apply"]>[0]);
    this.changeWindow.record(this.versionSeen, feed.version, people);
    this.versionSeen = feed.version;
    const every = this.options.snapshotEvery ?? SNAPSHOT_DEFAULTS.snapshotEvery;
    if (this.versionSeen - this.savedVersion >= every) this.saveInBackground();
  }

  /**
   * The people whose record, employers or ties changed since `version` (a version this
   * projection reflected); null when the log no longer reaches back that far.
   */
  peopleChangedSince(version: number): Set<string> | null {
    return this.changeWindow.since(version, this.versionSeen);
  }

  /** The owner's interactions with a person, newest first. */
  interactionsWith(personId: string): Interaction[] {
    return this.interactions.group(personId).sort((a, b) => (a.at < b.at ? 1 : -1));
  }

  /** Favors exchanged with a person. */
  favorsWith(personId: string): Favor[] {
    return this.favors.group(personId);
  }

  /** Shared employers and groups of two people, with their overlap, strongest first. */
  sharedContext(a: string, b: string): InferredTie[] {
    return this.inferred.of(pairKey(a, b));
  }

  /** People currently employed at an organization. */
  currentlyAt(organizationId: string): string[] {
    return [
      ...new Set(
        this.employments
          .group(organizationId)
          .filter(isCurrentEmployment)
          .map((e) => e.personId),
      ),
    ];
  }

  /** People now in a group (a membership with no end). */
  currentMembersOf(organizationId: string): string[] {
    return this.memberships
      .group(organizationId)
      .filter((m) => m.until === null)
      .map((m) => m.personId);
  }

  /** A person's current employers (open-ended employment), the one started last first. */
  currentEmployersOf(personId: string): Organization[] {
    const jobs = this.employmentsByPerson
      .group(personId)
      .filter(isCurrentEmployment)
      // Latest start first; ties by organization id, so a synced projection answers as a fresh one.
      .sort(
        (a, b) =>
          codeOrder(b.from ?? "", a.from ?? "") || codeOrder(a.organizationId, b.organizationId),
      );
    const orgs = jobs.flatMap((e) => this.organizations.get(e.organizationId) ?? []);
    return [...new Set(orgs)];
  }

  /** The clock the projection measures recency with. */
  clock(): Date {
    return this.now();
  }

  /** The path index of the network, kept in step by every sync; its payloads are tie slots (or INFERRED). */
  pathIndex(): PathIndex {
    return this.index;
  }

  /** Bytes held by the tie table's columns and the path index's arrays. */
  tieBytes(): number {
    return this.ties.byteLength + this.index.byteLength;
  }

  /** How many people and ties (explicit and inferred) the projection holds, and whether its Graphology view is built. */
  counts(): { people: number; ties: number; viewBuilt: boolean } {
    const viewBuilt = this.materialized !== null;
    return { people: this.people.size, ties: this.index.tieCount, viewBuilt };
  }

  /** The tie between two people as the search sees it, or undefined when they have none. */
  edgeBetween(a: string, b: string): EdgeAttributes | undefined {
    const [i, j] = [this.index.nodeOf(a), this.index.nodeOf(b)];
    if (i === undefined || j === undefined) return undefined;
    const slot = this.index.slotOf(i, j);
    return slot === -1 ? undefined : this.attributes(i, j, this.index.payloadAt(slot));
  }

  /** The attributes of the edge between nodes i and j whose index payload is `payload`. */
  private attributes(i: number, j: number, payload: number): EdgeAttributes {
    if (payload !== INFERRED) {
      const tie = this.ties.tieAt(payload, this.index.keys);
      return { strength: this.ties.strength[payload]!, inferred: false, tie };
    }
    const keys = this.index.keys;
    const shared = this.inferred.strongest(pairKey(keys[i]!, keys[j]!))!;
    return { strength: this.inferredStrength(shared), inferred: true, shared };
  }

  /** Calls `visit` for each tie of a person, with the other end and the tie's attributes. */
  forEachTie(personId: string, visit: (other: string, attributes: EdgeAttributes) => void): void {
    const i = this.index.nodeOf(personId);
    if (i === undefined) return;
    const { keys, targets, starts, ends } = this.index;
    for (let e = starts[i]!; e < ends[i]!; e++)
      visit(keys[targets[e]!]!, this.attributes(i, targets[e]!, this.index.payloadAt(e)));
  }

  /**
   * The network as a Graphology graph (people with their name, ties with their attributes), for
   * analytics, exports and the library API. Built from the index on first use, then kept in step.
   */
  get graph(): ProjectionGraph {
    this.materialized ??= graphOf(this.people, this.index, (i, j, p) => this.attributes(i, j, p));
    return this.materialized;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /**
   * Applies the current state of records (null: deleted), kind by kind in dependency order;
   * returns the people whose record, employers or ties that changed.
   */
  private apply(state: {
    person?: Map<string, Person | null>;
    organization?: Map<string, Organization | null>;
    employment?: Map<string, Employment | null>;
    membership?: Map<string, Membership | null>;
    tie?: Map<string, Tie | null>;
    interaction?: Map<string, Interaction | null>;
    favor?: Map<string, Favor | null>;
  }): Set<string> {
    const pairs = new Set<string>();
    const changed = new Set<string>();
    const orgs = new Set<string>();
    const evidenceOf = new Set<string>();

    for (const [id, person] of state.person ?? []) {
      changed.add(id);
      if (person === null) this.dropPerson(id, changed);
      else {
        this.people.set(id, person);
        this.index.addNode(id);
        this.materialized?.mergeNode(id, { name: person.name });
      }
    }
    for (const [id, org] of state.organization ?? []) {
      if (org === null) this.organizations.delete(id);
      else this.organizations.set(id, org);
      orgs.add(id);
    }
    for (const [id, record] of state.employment ?? []) {
      for (const org of this.employments.set(id, record)) orgs.add(org);
      for (const person of this.employmentsByPerson.set(id, record)) changed.add(person);
    }
    // A renamed organization changes its people's employer.
    for (const orgId of state.organization?.keys() ?? [])
      for (const job of this.employments.group(orgId)) changed.add(job.personId);
    for (const [id, record] of state.membership ?? [])
      for (const org of this.memberships.set(id, record)) orgs.add(org);
    const stored = applyTieChanges(this.ties, this.index, state.tie ?? new Map());
    for (const pair of stored.keys()) pairs.add(pair);
    for (const [id, record] of state.interaction ?? [])
      for (const person of this.interactions.set(id, record)) evidenceOf.add(person);
    for (const [id, record] of state.favor ?? [])
      for (const person of this.favors.set(id, record)) evidenceOf.add(person);
    const today = this.today();
    for (const orgId of orgs) for (const pair of this.reinfer(orgId, today)) pairs.add(pair);
    for (const personId of evidenceOf) {
      this.refreshEvidence(personId);
      if (this.selfId) pairs.add(pairKey(this.selfId, personId));
    }
    for (const pair of pairs) {
      const [a, b] = this.reconcile(pair, stored);
      changed.add(a).add(b);
    }
    return changed;
  }

  private today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  private refreshEvidence(personId: string): void {
    this.evidence.set(
      personId,
      summarizeEvidence(this.interactions.group(personId), this.favors.group(personId), this.now()),
    );
  }

  /** A person leaves: their ties go with them (their neighbors' rows are rewritten). */
  private dropPerson(id: string, changed: Set<string>): void {
    this.people.delete(id);
    const i = this.index.nodeOf(id);
    if (i === undefined) return;
    const { targets, starts, ends } = this.index;
    // Their stored ties leave the table too (the store's feed then names them as deleted).
    for (let e = starts[i]!; e < ends[i]!; e++)
      if (this.index.payloadAt(e) !== INFERRED) this.ties.remove(this.index.payloadAt(e));
    for (const j of [...targets.subarray(starts[i]!, ends[i]!)]) this.index.setEdge(i, j, null);
    this.index.dropNode(id);
    this.materialized?.dropNode(id);
    changed.add(id);
  }

  /**
   * The warmth of the tie in a slot of the table (ends named by `keys`), with the evidence of the
   * owner's contact when the owner is an end.
   */
  private slotWarmth(
    slot: number,
    now = this.now(),
    keys: readonly string[] = this.index.keys,
  ): number {
    const [a, b] = [keys[this.ties.a[slot]!]!, keys[this.ties.b[slot]!]!];
    const other = a === this.selfId ? b : b === this.selfId ? a : null;
    const evidence = other === null ? NO_EVIDENCE : (this.evidence.get(other) ?? NO_EVIDENCE);
    return tieWarmth(this.ties.warmthInput(slot), evidence, now, this.warmth).strength;
  }

  private inferredStrength(shared: InferredTie): number {
    return inferredWarmth(shared.overlapYears, this.warmth);
  }

  /** Recomputes the inferred ties of one organization; returns the pairs whose inference changed. */
  private reinfer(orgId: string, today: string): string[] {
    const alive = <T extends { personId: string }>(records: T[]) =>
      records.filter((r) => this.people.has(r.personId));
    const inferred = this.organizations.has(orgId)
      ? inferTies(
          orgId,
          alive(this.employments.group(orgId)),
          alive(this.memberships.group(orgId)),
          today,
        )
      : [];
    return this.inferred.replace(orgId, inferred);
  }

  /**
   * Sets the edge of a pair: the stored tie if any, else the strongest inference, else none.
   * `stored` holds the pairs whose stored tie just changed; any other pair's stored tie is the
   * one its edge already carries. Returns the pair's two ends.
   */
  private reconcile(pair: string, stored?: ReadonlyMap<string, number | null>): [string, string] {
    const [a, b] = pair.split("|") as [string, string];
    const [i, j] = [this.index.nodeOf(a), this.index.nodeOf(b)];
    if (i === undefined || j === undefined) return [a, b];
    const edge = this.index.slotOf(i, j);
    const current = edge === -1 ? INFERRED : this.index.payloadAt(edge);
    const slot = stored?.has(pair) ? stored.get(pair)! : current === INFERRED ? null : current;
    let next: { strength: number; payload: number } | null = null;
    if (slot !== null) {
      const strength = (this.ties.strength[slot] = this.slotWarmth(slot));
      next = { strength, payload: slot };
    } else {
      const inferred = this.inferred.strongest(pair);
      if (inferred !== undefined)
        next = { strength: this.inferredStrength(inferred), payload: INFERRED };
    }
    this.index.setEdge(i, j, next);
    if (this.materialized)
      setViewEdge(this.materialized, a, b, next && this.attributes(i, j, next.payload));
    return [a, b];
  }
}
