/**
 * Reach, top connectors and coverage over a team's pooled network (issue 14), the TEAM
 * versions of analytics/reach.ts and analytics/connectors-and-coverage.ts.
 *
 * - pooledReach: how many nodes of the pool are 1, 2, 3... ties away and how many warmly.
 *   A hidden contact is no node of the pool, so it changes no count. The teammate-first rule
 *   of pooled-search.ts holds (a teammate is only ever the first introducer), by the same
 *   decomposition: one hop-bounded label-setting search (bounded-search.ts) from the source
 *   with every teammate banned, and one from each teammate tied to the source with the other
 *   teammates and the source banned; a node's fewest ties and warmest path are the best over
 *   them. Every search runs on the strengths the requester may see (a teammate's tie at its
 *   band's midpoint, as pooled-paths.ts shows it), so no count depends on an exact strength
 *   of a teammate's tie. (warmestPooledPaths finds k paths to a set of targets; reach needs
 *   the best path to every node, which per node would cost one pooled search each.)
 * - pooledTopConnectors: for each target, pooledIntroPaths' paths; a connector is a path's
 *   first introducer (the person the requester would ask), counted once per target it opens.
 * - pooledCoverage: for each company name, how many people of the pool are there now and
 *   pooledIntroPaths' warmest path to them.
 * Each answer lists the members whose ties it used, for the audit log.
 */
import { badInput, notFound } from "../../errors.js";
import { REACH_DEFAULTS, type ReachLevel } from "../analytics/reach.js";
import { TOP_CONNECTORS_DEFAULTS } from "../analytics/connectors-and-coverage.js";
import { buildPathIndex, type PathIndex } from "../path-index/path-index.js";
import { boundedSearch, type Labels } from "../paths/bounded-search.js";
import { checkLimit } from "../paths/limits.js";
import { edgeCost, MAX_HOPS_LIMIT } from "../paths/warmest-paths.js";
import { costBound } from "../paths/warmth-bound.js";
import type { PooledEdgeAttributes, PooledNetwork, PooledNodeView } from "./pooled-graph.js";
import {
  checkPooledTarget,
  pooledIntroPaths,
  type PooledPath,
  type PooledTarget,
} from "./pooled-paths.js";
import { BAND_MIDPOINTS, strengthBand } from "./strength-bands.js";

/** The defaults of the pooled analytics, stated once: the GraphQL arguments read them too. */
export const POOLED_ANALYTICS_DEFAULTS = Object.freeze({
  reach: Object.freeze({
    maxHops: REACH_DEFAULTS.maxHops,
    warmThreshold: REACH_DEFAULTS.warmThreshold,
  }),
  topConnectors: Object.freeze({ limit: TOP_CONNECTORS_DEFAULTS.limit }),
  /** The most targets of one topConnectors call, and of organizations of one coverage call. */
  maxTargets: 100,
  maxOrganizations: 200,
});

export interface PooledReachOptions {
  /** Most ties counted, 1 to MAX_HOPS_LIMIT. Default 3. */
  maxHops?: number | null;
  /** Where to count from: a person id of the requester or a pooled id. Default: the requester. */
  from?: string | null;
  /** Warmly reached: the warmest shown path at least this warm (0-1). Default 0.5. */
  warmThreshold?: number | null;
}

export interface PooledReach {
  levels: ReachLevel[];
  /** The members whose ties the counted paths use, by user id. */
  memberUserIds: string[];
}

export interface PooledConnector {
  /** The connector's node (a person id of the requester or a pooled id) and its view. */
  node: string;
  view: PooledNodeView;
  /** Targets with at least one path this person is the first introducer on. */
  targets: number;
  /** Paths (up to three per target) this person is the first introducer on. */
  paths: number;
  /** The sum of those paths' shown warmth. */
  warmth: number;
}

export interface PooledConnectors {
  connectors: PooledConnector[];
  memberUserIds: string[];
}

export interface PooledCoverage {
  /** The name as asked, trimmed. */
  organizationName: string;
  /** People of the pool now at a company of this name (the requester not counted). */
  people: number;
  /** The warmest path to anyone there, or null. */
  path: PooledPath | null;
  noPathReason: string | null;
}

export interface PooledCoverageResult {
  coverage: PooledCoverage[];
  memberUserIds: string[];
}

/** What the requester may see of a tie's strength, as pooled-paths.ts shows it. */
function shownStrength(edge: PooledEdgeAttributes): number {
  return edge.via === null || edge.teammate
    ? edge.strength
    : BAND_MIDPOINTS[strengthBand(edge.strength)];
}

// A pool is read-only once built, so its shown index is built once and kept with it.
const shownIndexes = new WeakMap<PooledNetwork, PathIndex>();

function shownIndex(pool: PooledNetwork): PathIndex {
  let index = shownIndexes.get(pool);
  if (index === undefined) {
    index = buildPathIndex(pool.graph, {
      strengthOf: (a) => shownStrength(a as unknown as PooledEdgeAttributes),
    });
    shownIndexes.set(pool, index);
  }
  return index;
}

/** One search of the decomposition: its labels, and the tie to the teammate it starts at. */
interface Search {
  labels: Labels;
  hops: number;
  cost: number;
  first: readonly [number, number] | null;
}

/** Checks reach's limits (before any work); with the defaults filled in. */
export function checkReachOptions(options: PooledReachOptions): {
  maxHops: number;
  warmThreshold: number;
} {
  const { reach } = POOLED_ANALYTICS_DEFAULTS;
  const maxHops = checkLimit("maxHops", options.maxHops ?? reach.maxHops, MAX_HOPS_LIMIT);
  const warmThreshold = options.warmThreshold ?? reach.warmThreshold;
  if (!(warmThreshold >= 0 && warmThreshold <= 1))
    throw badInput("warmThreshold", "must be between 0 and 1");
  return { maxHops, warmThreshold };
}

/** How many nodes of the pool are 1, 2, 3... ties away (fewest ties), and how many warmly. */
export function pooledReach(pool: PooledNetwork, options: PooledReachOptions = {}): PooledReach {
  const { maxHops, warmThreshold } = checkReachOptions(options);
  const from = options.from == null ? pool.selfNode : pool.nodeOf(options.from);
  if (from === undefined) throw notFound("person", options.from!, "from");

  const index = shownIndex(pool);
  const n = index.size;
  const s = index.indexOf.get(from)!;
  const teammates = pool.memberUserIds().flatMap((userId) => {
    const node = pool.memberNode(userId);
    const i = node === undefined ? undefined : index.indexOf.get(node);
    return i === undefined || i === s ? [] : [i];
  });
  const banned = new Uint8Array(n);
  for (const t of teammates) banned[t] = 1;
  const searches: Search[] = [
    { labels: boundedSearch(index, [s], { maxHops, banned }), hops: 0, cost: 0, first: null },
  ];
  for (const t of teammates) {
    const first = edgeCost(index, s, t);
    if (!Number.isFinite(first)) continue;
    const onward = banned.slice();
    onward[t] = 0;
    onward[s] = 1;
    const labels = boundedSearch(index, [t], { maxHops: maxHops - 1, banned: onward });
    searches.push({ labels, hops: 1, cost: first, first: [s, t] });
  }

  // Each node's fewest ties and cheapest cost over all searches, with the label that has them.
  const fewest = new Int32Array(n).fill(maxHops + 1);
  const cheapest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const byHops: [number, number][] = new Array(n);
  const byCost: [number, number][] = new Array(n);
  searches.forEach(({ labels, hops, cost }, k) => {
    for (let l = 0; l < labels.node.length; l++) {
      const v = labels.node[l]!;
      if (v === s) continue;
      const [h, c] = [labels.hops[l]! + hops, labels.cost[l]! + cost];
      if (h < fewest[v]!) [fewest[v], byHops[v]] = [h, [k, l]];
      if (c < cheapest[v]!) [cheapest[v], byCost[v]] = [c, [k, l]];
    }
  });

  const levels = Array.from({ length: maxHops }, (_, i) => ({ hops: i + 1, people: 0, warm: 0 }));
  const maxCost = costBound(warmThreshold);
  const members = new Set<string>();
  const useTie = (a: number, b: number) => {
    const via = pool.graph.getEdgeAttributes(index.keys[a]!, index.keys[b]!).via;
    if (via !== null) members.add(via);
  };
  const usePath = ([k, label]: [number, number]) => {
    const { labels, first } = searches[k]!;
    if (first !== null) useTie(...first);
    for (let l = label; labels.parent[l]! !== -1; l = labels.parent[l]!)
      useTie(labels.node[labels.parent[l]!]!, labels.node[l]!);
  };
  for (let v = 0; v < n; v++) {
    if (v === s || fewest[v]! > maxHops) continue;
    const level = levels[fewest[v]! - 1]!;
    level.people++;
    if (cheapest[v]! <= maxCost) level.warm++;
    usePath(byHops[v]!);
    usePath(byCost[v]!);
  }
  return { levels, memberUserIds: [...members].sort() };
}

/** Checks topConnectors' limit and targets (before any work); the limit, default filled in. */
export function checkConnectorArguments(
  targets: readonly PooledTarget[],
  limit?: number | null,
): number {
  const { topConnectors, maxTargets } = POOLED_ANALYTICS_DEFAULTS;
  const checked = checkLimit("limit", limit ?? topConnectors.limit, 100);
  if (targets.length > maxTargets) throw badInput("targets", `at most ${maxTargets} targets`);
  targets.forEach((target, i) => checkPooledTarget(target, `targets[${i}]`));
  return checked;
}

/** Checks that the ids among the targets name someone or something of the pool. */
function checkTargetIds(pool: PooledNetwork, targets: readonly PooledTarget[]): void {
  targets.forEach((target, i) => {
    const field = `targets[${i}]`;
    if (target.personId != null && pool.nodeOf(target.personId) === undefined)
      throw notFound("person", target.personId, `${field}.personId`);
    if (target.organizationId != null && !pool.requester.organizations.has(target.organizationId))
      throw notFound("organization", target.organizationId, `${field}.organizationId`);
  });
}

/** Who opens the most targets as the first introducer on pooledIntroPaths' warmest paths. */
export function pooledTopConnectors(
  pool: PooledNetwork,
  targets: readonly PooledTarget[],
  options: { limit?: number | null } = {},
): PooledConnectors {
  const limit = checkConnectorArguments(targets, options.limit);
  checkTargetIds(pool, targets);
  const tally = new Map<string, PooledConnector & { opened: Set<number> }>();
  const members = new Set<string>();
  targets.forEach((target, i) => {
    const result = pooledIntroPaths(pool, target);
    for (const path of result.paths) {
      // A one-tie path needs no introducer: the requester knows the target.
      if (path.people.length < 3) continue;
      const node = path.people[1]!;
      const c = tally.get(node) ?? {
        node,
        view: pool.view(node),
        targets: 0,
        paths: 0,
        warmth: 0,
        opened: new Set<number>(),
      };
      c.opened.add(i);
      c.paths++;
      c.warmth += path.warmth;
      tally.set(node, c);
      for (const userId of path.memberUserIds) members.add(userId);
    }
  });
  const connectors = [...tally.values()]
    .map(({ opened, ...c }) => ({ ...c, targets: opened.size }))
    .sort(
      (a, b) =>
        b.targets - a.targets ||
        b.paths - a.paths ||
        b.warmth - a.warmth ||
        (a.node < b.node ? -1 : a.node > b.node ? 1 : 0),
    )
    .slice(0, limit);
  return { connectors, memberUserIds: [...members].sort() };
}

/** Checks the company names of a coverage call (before any work); the names trimmed. */
export function checkOrganizationNames(organizationNames: readonly string[]): string[] {
  const { maxOrganizations } = POOLED_ANALYTICS_DEFAULTS;
  if (organizationNames.length > maxOrganizations)
    throw badInput("organizationNames", `at most ${maxOrganizations} organizations`);
  return organizationNames.map((name, i) => {
    if (typeof name !== "string" || name.trim() === "")
      throw badInput(`organizationNames[${i}]`, "must not be empty");
    return name.trim().replace(/\s+/g, " ");
  });
}

/** For each company name: how many people of the pool are there now, and the warmest path in. */
export function pooledCoverage(
  pool: PooledNetwork,
  organizationNames: readonly string[],
): PooledCoverageResult {
  const names = checkOrganizationNames(organizationNames);
  const members = new Set<string>();
  const coverage = names.map((organizationName): PooledCoverage => {
    const people = pool.currentlyAt(organizationName).filter((n) => n !== pool.selfNode).length;
    const result = pooledIntroPaths(pool, { organizationName }, { k: 1 });
    for (const userId of result.memberUserIds) members.add(userId);
    return {
      organizationName,
      people,
      path: result.paths[0] ?? null,
      noPathReason: result.noPathReason,
    };
  });
  return { coverage, memberUserIds: [...members].sort() };
}
