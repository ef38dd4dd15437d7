/**
 * The owner's network in memory, for the path engine: a Graphology graph whose
 * nodes are people and whose edges carry a warmth-model strength (explicit
 * ties, and ties inferred from shared employers and groups). Built once from
 * the store, then kept in step through the store's change feed: `sync()`
 * applies only what changed since the version it last saw. Loading and syncing
 * share one code path (apply the current state of the touched records), so a
 * synced projection equals a freshly built one.
 */
import { UndirectedGraph } from "graphology";
import { isCurrentEmployment, type Employment } from "../model/employment.js";
import type { Favor } from "../model/favor.js";
import type { Interaction } from "../model/interaction.js";
import type { RecordKind } from "../model/kinds.js";
import type { Membership } from "../model/membership.js";
import type { Organization } from "../model/organization.js";
import type { Person } from "../model/person.js";
import type { Tie } from "../model/tie.js";
import { listAll } from "../store/list-all.js";
import type { NetworkStore } from "../store/network-store.js";
import { buildPathIndex, type PathIndex } from "../path-index/path-index.js";
import { NO_EVIDENCE, summarizeEvidence, type TieEvidence } from "../warmth/tie-evidence.js";
import { inferredWarmth, tieWarmth } from "../warmth/tie-warmth.js";
import { WARMTH_DEFAULTS, type WarmthOptions } from "../warmth/warmth-options.js";
import { GroupedRecords } from "./grouped-records.js";
import { inferTies, type InferredTie } from "./inferred-ties.js";

export interface ProjectionOptions {
  warmth?: WarmthOptions;
  /** The clock for recency; fixed in tests. Default: the time of each load or sync. */
  now?: () => Date;
}

/** What an edge of the projection carries. */
export interface EdgeAttributes {
  strength: number;
  inferred: boolean;
  /** The stored tie, for explicit edges. */
  tie?: Tie;
  /** The shared context, for inferred edges. */
  shared?: InferredTie;
}

/** How many recent syncs peopleChangedSince can look back over. */
const CHANGE_LOG_SYNCS = 64;
const codeOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
export class NetworkProjection {
  readonly graph = new UndirectedGraph<{ name: string }, EdgeAttributes>();
  readonly people = new Map<string, Person>();
  readonly organizations = new Map<string, Organization>();
  private readonly employments = new GroupedRecords<Employment>((e) => e.organizationId);
  /** The same employments by person, for "where do they work now" (team pooling shows it). */
  private readonly employmentsByPerson = new GroupedRecords<Employment>((e) => e.personId);
  private readonly memberships = new GroupedRecords<Membership>((m) => m.organizationId);
  private readonly ties = new Map<string, Tie>();
  private readonly tieByPair = new Map<string, string>();
  private readonly interactions = new GroupedRecords<Interaction>((i) => i.personId);
  private readonly favors = new GroupedRecords<Favor>((f) => f.personId);
  private readonly evidence = new Map<string, TieEvidence>();
  private readonly inferredByOrg = new Map<string, InferredTie[]>();
  private readonly inferredByPair = new Map<string, Map<string, InferredTie>>();
  private index: PathIndex | null = null;
  private versionSeen = 0;
  /** The people each recent sync changed, newest last, for pools kept in step (team-projection.ts). */
  private readonly changeLog: { from: number; to: number; people: ReadonlySet<string> }[] = [];
  selfId = "";

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
    const snapshot = await store.loadNetwork(ownerId);
    const [interactions, favors] = await Promise.all([
      listAll(store, ownerId, "interaction"),
      listAll(store, ownerId, "favor"),
    ]);
    projection.selfId = snapshot.selfId;
    projection.versionSeen = snapshot.version;
    projection.apply({
      person: new Map(snapshot.people.map((r) => [r.id, r])),
      organization: new Map(snapshot.organizations.map((r) => [r.id, r])),
      employment: new Map(snapshot.employments.map((r) => [r.id, r])),
      membership: new Map(snapshot.memberships.map((r) => [r.id, r])),
      tie: new Map(snapshot.ties.map((r) => [r.id, r])),
      interaction: new Map(interactions.map((r) => [r.id, r])),
      favor: new Map(favors.map((r) => [r.id, r])),
    });
    return projection;
  }

  /** The store version this projection reflects. */
  get version(): number {
    return this.versionSeen;
  }

  private syncing: Promise<void> = Promise.resolve();

  /** Catches up with the store: applies what changed since `version`, and nothing else. Calls run one at a time. */
  sync(): Promise<void> {
    this.syncing = this.syncing.then(() => this.catchUp());
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
    this.changeLog.push({ from: this.versionSeen, to: feed.version, people });
    if (this.changeLog.length > CHANGE_LOG_SYNCS) this.changeLog.shift();
    this.versionSeen = feed.version;
  }

  /**
   * The people whose record, employers or ties changed since `version` (a version this
   * projection reflected); null when the log no longer reaches back that far.
   */
  peopleChangedSince(version: number): Set<string> | null {
    if (version === this.versionSeen) return new Set();
    const first = this.changeLog.findIndex((entry) => entry.from === version);
    if (first === -1) return null;
    return new Set(this.changeLog.slice(first).flatMap((entry) => [...entry.people]));
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
    return [...(this.inferredByPair.get(pairKey(a, b))?.values() ?? [])].sort(
      (x, y) => y.overlapYears - x.overlapYears,
    );
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

  /** The path index of the graph: built at the first search, then kept in step by every sync. */
  pathIndex(): PathIndex {
    this.index ??= buildPathIndex(this.graph, {
      strengthOf: (a) => (a as unknown as EdgeAttributes).strength,
    });
    return this.index;
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
    // Nodes whose ties may have changed: the path index rewrites just their rows.
    const touched = new Set<string>();

    for (const [id, person] of state.person ?? []) {
      touched.add(id);
      changed.add(id);
      if (person === null) {
        if (this.graph.hasNode(id)) {
          this.graph.forEachNeighbor(id, (neighbor) => touched.add(neighbor));
          this.graph.dropNode(id);
        }
        this.people.delete(id);
      } else {
        this.people.set(id, person);
        this.graph.mergeNode(id, { name: person.name });
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
    for (const [id, tie] of state.tie ?? []) {
      const old = this.ties.get(id);
      if (old) {
        pairs.add(pairKey(old.personA, old.personB));
        this.tieByPair.delete(pairKey(old.personA, old.personB));
        this.ties.delete(id);
      }
      if (tie !== null) {
        this.ties.set(id, tie);
        this.tieByPair.set(pairKey(tie.personA, tie.personB), id);
        pairs.add(pairKey(tie.personA, tie.personB));
      }
    }
    for (const [id, record] of state.interaction ?? [])
      for (const person of this.interactions.set(id, record)) evidenceOf.add(person);
    for (const [id, record] of state.favor ?? [])
      for (const person of this.favors.set(id, record)) evidenceOf.add(person);
    const today = this.now().toISOString().slice(0, 10);
    for (const orgId of orgs)
      for (const pair of this.reinfer(
        orgId,
        this.employments.group(orgId),
        this.memberships.group(orgId),
        today,
      ))
        pairs.add(pair);
    for (const personId of evidenceOf) {
      this.evidence.set(
        personId,
        summarizeEvidence(
          this.interactions.group(personId),
          this.favors.group(personId),
          this.now(),
        ),
      );
      if (this.selfId) pairs.add(pairKey(this.selfId, personId));
    }
    for (const pair of pairs) {
      const [a, b] = pair.split("|") as [string, string];
      this.reconcile(pair, a, b);
      changed.add(a).add(b);
      if (this.index) touched.add(a).add(b);
    }
    this.index?.refresh(this.graph, touched);
    return changed;
  }

  /** Recomputes the inferred ties of one organization; returns the pairs whose inference changed. */
  private reinfer(
    orgId: string,
    stints: Employment[],
    groups: Membership[],
    today: string,
  ): string[] {
    const changed: string[] = [];
    for (const old of this.inferredByOrg.get(orgId) ?? []) {
      const key = pairKey(old.a, old.b);
      this.inferredByPair.get(key)?.delete(orgId);
      changed.push(key);
    }
    const alive = <T extends { personId: string }>(records: T[]) =>
      records.filter((r) => this.people.has(r.personId));
    const inferred = this.organizations.has(orgId)
      ? inferTies(orgId, alive(stints), alive(groups), today)
      : [];
    this.inferredByOrg.set(orgId, inferred);
    for (const tie of inferred) {
      const key = pairKey(tie.a, tie.b);
      let byOrg = this.inferredByPair.get(key);
      if (!byOrg) this.inferredByPair.set(key, (byOrg = new Map()));
      byOrg.set(orgId, tie);
      changed.push(key);
    }
    return changed;
  }

  /** Sets the edge of a pair: the stored tie if any, else the strongest inference, else none. */
  private reconcile(pair: string, a: string, b: string): void {
    const edge = this.graph.hasNode(a) && this.graph.hasNode(b) ? this.graph.edge(a, b) : undefined;
    if (edge !== undefined) this.graph.dropEdge(edge);
    if (!this.graph.hasNode(a) || !this.graph.hasNode(b)) return;
    const tieId = this.tieByPair.get(pair);
    if (tieId !== undefined) {
      const tie = this.ties.get(tieId)!;
      const other =
        tie.personA === this.selfId
          ? tie.personB
          : tie.personB === this.selfId
            ? tie.personA
            : null;
      const evidence = other === null ? NO_EVIDENCE : (this.evidence.get(other) ?? NO_EVIDENCE);
      const { strength } = tieWarmth(
        tie,
        evidence,
        this.now(),
        this.options.warmth ?? WARMTH_DEFAULTS,
      );
      this.graph.addUndirectedEdgeWithKey(tie.id, a, b, { strength, inferred: false, tie });
      return;
    }
    const inferred = [...(this.inferredByPair.get(pair)?.values() ?? [])].sort(
      (x, y) => y.overlapYears - x.overlapYears,
    )[0];
    if (inferred !== undefined) {
      this.graph.addUndirectedEdgeWithKey(`inferred:${pair}`, a, b, {
        strength: inferredWarmth(inferred.overlapYears, this.options.warmth ?? WARMTH_DEFAULTS),
        inferred: true,
        shared: inferred,
      });
    }
  }
}
