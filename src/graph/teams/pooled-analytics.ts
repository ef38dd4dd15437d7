/**
 * Reach, top connectors and coverage over a team's pooled network (issue 14), the TEAM
 * versions of analytics/reach.ts and analytics/connectors-and-coverage.ts.
 *
 * - pooledReach: how many nodes of the pool are 1, 2, 3... ties away and how many warmly.
 *   A hidden contact is no node of the pool, so it changes no count. The teammate-first rule
 *   of pooled-paths.ts holds (a teammate is only ever the first introducer): one hop-bounded
 *   label-setting search (bounded-search.ts) from the source that enters a teammate only
 *   from the source; a node's fewest ties and warmest path are read from its labels. The
 *   search runs on the strengths the requester may see (a teammate's tie at its band's
 *   midpoint, as pooled-paths.ts shows it), so no count depends on an exact strength of a
 *   teammate's tie.
 * - pooledTopConnectors: for each target, pooledIntroPaths' paths; a connector is a path's
 *   first introducer (the person the requester would ask), counted once per target it opens.
 * - pooledCoverage: for each company name, how many people of the pool are there now and
 *   pooledIntroPaths' warmest path to them.
 * Each answer lists the members whose ties it used, for the audit log.
 */
import { badInput, notFound } from "../../errors.js";
import { REACH_DEFAULTS, type ReachLevel } from "../analytics/reach.js";
import { TOP_CONNECTORS_DEFAULTS } from "../analytics/connectors-and-coverage.js";
import { boundedSearch } from "../paths/bounded-search.js";
import { checkLimit } from "../paths/limits.js";
import { MAX_HOPS_LIMIT } from "../paths/warmest-paths.js";
import { costBound } from "../paths/warmth-bound.js";
import type { PooledNetwork, PooledNodeView } from "./pooled-graph.js";
import {
  checkPooledTarget,
  pooledIntroPaths,
  type PooledPath,
  type PooledTarget,
} from "./pooled-paths.js";

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

  const index = pool.shownIndex();
  const n = index.size;
  const s = index.indexOf.get(from)!;
  const teammates = new Uint8Array(n);
  for (const userId of pool.memberUserIds()) {
    const node = pool.memberNode(userId);
    const i = node === undefined ? undefined : index.indexOf.get(node);
    if (i !== undefined && i !== s) teammates[i] = 1;
  }
  const labels = boundedSearch(index, [s], { maxHops, enteredOnlyFromStart: teammates });

  // Each node's fewest ties and cheapest cost, with the label that has them.
  const fewest = new Int32Array(n).fill(maxHops + 1);
  const cheapest = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const byHops = new Int32Array(n);
  const byCost = new Int32Array(n);
  for (let l = 0; l < labels.node.length; l++) {
    const v = labels.node[l]!;
    if (v === s) continue;
    const [h, c] = [labels.hops[l]!, labels.cost[l]!];
    if (h < fewest[v]!) [fewest[v], byHops[v]] = [h, l];
    if (c < cheapest[v]!) [cheapest[v], byCost[v]] = [c, l];
  }

  const levels = Array.from({ length: maxHops }, (_, i) => ({ hops: i + 1, people: 0, warm: 0 }));
  const maxCost = costBound(warmThreshold);
  const members = new Set<string>();
  const useTie = (a: number, b: number) => {
    const via = pool.graph.getEdgeAttributes(index.keys[a]!, index.keys[b]!).via;
    if (via !== null) members.add(via);
  };
  const usePath = (label: number) => {
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
