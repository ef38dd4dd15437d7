/**
 * The k warmest introduction paths from a source to any of a set of targets,
 * within a hop bound; exact (path warmth = product of tie strengths, so the
 * search minimizes the sum of -ln strength).
 *
 * - diverseIntroducers (default): at most one path per first introducer. A
 *   reverse search from the targets (the source removed) gives every node its
 *   warmest way on; each neighbor of the source is then one candidate. Up to 4
 *   ties the reverse search stops 2 ties short of the source (hop-layers.ts) and
 *   each first introducer looks over its own ties to meet it: the work is the
 *   two small neighbourhoods, not the 3-tie ball around the targets. With many
 *   targets (anyone at a large company) the targets' side is the big one, so it
 *   stops 3 ties short and the first introducers look two ties on. Longer
 *   bounds use the label-setting search of bounded-search.ts, stopped early.
 * - otherwise: Yen's k shortest loopless paths (Yen 1971), with the hop-bounded
 *   search of bounded-search.ts for every spur.
 *
 * - firstOnly: nodes that may only be the first introducer (a teammate in a
 *   pooled network, whom the requester asks directly, never through someone).
 *   One search still: the reverse searches never leave such a node (it can only
 *   be where a path begins), and Yen's searches enter it only from the source.
 *
 * Every mode keeps a path exactly as warm as minWarmth (warmth-bound.ts). A
 * target equal to the source is skipped: a person needs no introduction to
 * themselves, so with no other target there is no path (introPaths says "That
 * is where the path starts."; the fewest-ties path is the zero-tie [source]).
 */
import { badInput } from "../../errors.js";
import { boundedSearch, pathOf } from "./bounded-search.js";
import { hopLayers } from "./hop-layers.js";
import { nodeMarks } from "./node-marks.js";
import type { PathIndex } from "../path-index/path-index.js";
import { costBound } from "./warmth-bound.js";

export interface WarmestPathsOptions {
  /** Most ties on a path. Default 4 (three introducers). */
  maxHops?: number;
  /** How many paths. Default 3. */
  k?: number;
  /** No two paths share their first introducer. Default true. */
  diverseIntroducers?: boolean;
  /** Nodes never to pass through (people not to ask). */
  exclude?: readonly number[];
  /** Paths colder than this are dropped; one exactly this warm is kept. Default 0. */
  minWarmth?: number;
  /** Nodes that may only be the first introducer or a target reached in one tie, never further along. */
  firstOnly?: readonly number[];
}

export const WARMEST_PATHS_DEFAULTS = Object.freeze({
  maxHops: 4,
  k: 3,
  diverseIntroducers: true,
  minWarmth: 0,
});
/**
 * The most ties an analysis may ask for. The label-setting search keeps at most
 * maxHops + 1 labels a node, so its work grows linearly with the bound; the
 * server's cost model prices each request by it.
 */
export const MAX_HOPS_LIMIT = 12;

export interface FoundPath {
  /** Node indexes from the source to a target. */
  nodes: number[];
  /** Sum of -ln strength along the path. */
  cost: number;
  /** Product of the strengths, as exp(-cost) (it may differ from the product in the last bits). */
  warmth: number;
}

function checkOptions(index: PathIndex, source: number, options: WarmestPathsOptions) {
  const o = { ...WARMEST_PATHS_DEFAULTS, ...options };
  if (!Number.isInteger(o.maxHops) || o.maxHops < 1 || o.maxHops > MAX_HOPS_LIMIT)
    throw badInput("maxHops", `must be a whole number from 1 to ${MAX_HOPS_LIMIT}`);
  if (!Number.isInteger(o.k) || o.k < 1 || o.k > 100)
    throw badInput("k", "must be a whole number from 1 to 100");
  if (!(o.minWarmth >= 0 && o.minWarmth <= 1))
    throw badInput("minWarmth", "must be between 0 and 1");
  if (!Number.isInteger(source) || source < 0 || source >= index.keys.length)
    throw badInput("source", "is not a node of the index");
  return o;
}

/** The cost of the tie between two adjacent nodes (the cheapest, should there be several). */
export function edgeCost(index: PathIndex, from: number, to: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let e = index.starts[from]!; e < index.ends[from]!; e++)
    if (index.targets[e] === to && index.costs[e]! < best) best = index.costs[e]!;
  return best;
}

export function warmestPaths(
  index: PathIndex,
  source: number,
  targets: Iterable<number>,
  options: WarmestPathsOptions = {},
): FoundPath[] {
  const o = checkOptions(index, source, options);
  const banned = nodeMarks(index);
  const excluded = [...new Set(o.exclude ?? [])].filter((x) => x !== source);
  for (const x of excluded) banned[x] = 1;
  try {
    const goals = [...new Set(targets)].filter((t) => t !== source && !banned[t]);
    if (goals.length === 0) return [];
    const firstOnly = marksOf(
      index,
      (o.firstOnly ?? []).filter((x) => x !== source),
    );
    // The warmest path overall is the warmest over first introducers, so k = 1 takes the (faster) reverse search too.
    const coldest = costBound(o.minWarmth);
    const found =
      o.diverseIntroducers || o.k === 1
        ? diverse(index, source, goals, banned, firstOnly, o.maxHops, o.k, coldest)
        : yen(index, source, goals, banned, firstOnly, o.maxHops, o.k);
    return found.filter((p) => p.cost <= coldest).slice(0, o.k);
  } finally {
    for (const x of excluded) banned[x] = 0;
  }
}

/** Marks of the given nodes, or none when there are none (most searches). */
function marksOf(index: PathIndex, nodes: readonly number[]): Uint8Array | undefined {
  if (nodes.length === 0) return undefined;
  const marks = new Uint8Array(index.size);
  for (const x of nodes) marks[x] = 1;
  return marks;
}

function diverse(
  index: PathIndex,
  source: number,
  targets: number[],
  banned: Uint8Array,
  firstOnly: Uint8Array | undefined,
  maxHops: number,
  k: number,
  coldest: number,
): FoundPath[] {
  // The source's ties, by first introducer (the cheapest, should there be several).
  const firstCost = new Map<number, number>();
  let cheapestFirst = Number.POSITIVE_INFINITY;
  for (let e = index.starts[source]!; e < index.ends[source]!; e++) {
    const [first, cost] = [index.targets[e]!, index.costs[e]!];
    if (banned[first] || cost >= (firstCost.get(first) ?? Number.POSITIVE_INFINITY)) continue;
    firstCost.set(first, cost);
    cheapestFirst = Math.min(cheapestFirst, cost);
  }
  if (firstCost.size === 0) return [];
  // From here on the source is banned too: the reverse search must not pass through it.
  banned[source] = 1;
  try {
    if (maxHops >= 2 && maxHops <= MEET_IN_THE_MIDDLE_UP_TO)
      return meetInTheMiddle(
        index,
        source,
        targets,
        firstCost,
        banned,
        firstOnly,
        maxHops,
        coldest,
      );
    return labelSetting(
      index,
      source,
      targets,
      firstCost,
      cheapestFirst,
      banned,
      firstOnly,
      maxHops,
      k,
      coldest,
    );
  } finally {
    banned[source] = 0;
  }
}

/** The reverse search for longer bounds: label-setting from the targets, stopped once no label can beat the k-th candidate. */
function labelSetting(
  index: PathIndex,
  source: number,
  targets: number[],
  firstCost: ReadonlyMap<number, number>,
  cheapestFirst: number,
  withoutSource: Uint8Array,
  firstOnly: Uint8Array | undefined,
  maxHops: number,
  k: number,
  coldest: number,
): FoundPath[] {
  // Candidate totals found so far, ascending; the search stops once no later label can beat the k-th.
  const totals: number[] = [];
  // Labels settle in cost order, so a node's first settled label is its cheapest.
  const counted = new Set<number>();
  const labels = boundedSearch(
    index,
    targets,
    { maxHops: maxHops - 1, banned: withoutSource, neverLeft: firstOnly },
    (node, cost) => {
      if (cost + cheapestFirst > coldest) return true;
      if (totals.length >= k && cost + cheapestFirst >= totals[k - 1]!) return true;
      const edge = firstCost.get(node);
      if (edge !== undefined && !counted.has(node)) {
        counted.add(node);
        const total = edge + cost;
        totals.splice(lowerBound(totals, total), 0, total);
      }
      return false;
    },
  );
  const best: FoundPath[] = [];
  for (const [first, edge] of firstCost) {
    const label = labels.firstLabel[first]!;
    if (label === -1) continue;
    const cost = edge + labels.cost[label]!;
    best.push({
      nodes: [source, ...pathOf(labels, label).reverse()],
      cost,
      warmth: Math.exp(-cost),
    });
  }
  return best.sort(byCostThenNodes);
}

/** Most ties for which `diverse` meets the reverse hop layers from the source's side. */
const MEET_IN_THE_MIDDLE_UP_TO = 4;

function meetInTheMiddle(
  index: PathIndex,
  source: number,
  targets: number[],
  firstCost: ReadonlyMap<number, number>,
  withoutSource: Uint8Array,
  firstOnly: Uint8Array | undefined,
  maxHops: number,
  coldest: number,
): FoundPath[] {
  // The reverse layers reach maxHops - 2 ties back from the targets and each first introducer
  // looks one tie on to meet them; with many targets (anyone at a large company) the layers'
  // last round is the bulk of the work, so they stop a tie shorter and the first introducers
  // look two ties on instead, whichever side is smaller.
  const forward = maxHops >= 3 && forwardIsSmaller(index, targets, firstCost) ? 2 : 1;
  const reverseHops = maxHops - 1 - forward;
  const layers = hopLayers(index, targets, reverseHops, withoutSource, coldest, firstOnly);
  // A node's warmest way on within `steps` ties more than the layers: its own, or a tie
  // followed by a way on one step shorter. Kept only when strictly warmer, so no way on
  // passes its own node again (that way would be no warmer than the shorter one it holds).
  const ways = new Map<number, { cost: number; via: number }>();
  const wayOn = (node: number, steps: number): { cost: number; via: number } => {
    if (steps === 1 && ways.has(node)) return ways.get(node)!;
    let way = { cost: layers.best(reverseHops, node), via: -1 };
    for (let e = index.starts[node]!; e < index.ends[node]!; e++) {
      const x = index.targets[e]!;
      // The source and excluded people are banned; a first-only node is never second.
      if (withoutSource[x] || firstOnly?.[x]) continue;
      const cost = index.costs[e]! + (steps === 1 ? layers.best(reverseHops, x) : wayOn(x, 1).cost);
      if (cost < way.cost) way = { cost, via: x };
    }
    if (steps === 1) ways.set(node, way);
    return way;
  };
  try {
    const best: FoundPath[] = [];
    for (const [first, edge] of firstCost) {
      const onward = wayOn(first, forward);
      const cost = edge + onward.cost;
      if (!Number.isFinite(cost) || cost > coldest) continue;
      const nodes = [source, first];
      for (let step = forward, way = onward; step > 0 && way.via !== -1; step--) {
        nodes.push(way.via);
        if (step > 1) way = ways.get(way.via)!;
      }
      nodes.push(...layers.path(reverseHops, nodes.pop()!));
      best.push({ nodes, cost, warmth: Math.exp(-cost) });
    }
    return best.sort(byCostThenNodes);
  } finally {
    layers.release();
  }
}

/**
 * Whether two ties on from the first introducers (and layers a tie shorter) is less work than
 * one (and the full layers): the layers' last round scans about the targets' ties times their
 * neighbours' degree, the extra forward step the first introducers' ties times theirs.
 */
function forwardIsSmaller(
  index: PathIndex,
  targets: readonly number[],
  firstCost: ReadonlyMap<number, number>,
): boolean {
  const degree = (v: number) => index.ends[v]! - index.starts[v]!;
  let targetTies = 0;
  for (const t of targets) targetTies += degree(t);
  let firstTies = 0;
  for (const f of firstCost.keys()) firstTies += degree(f);
  const reverse = (targetTies * targetTies) / Math.max(1, targets.length) + firstTies;
  const forward = targetTies + (firstTies * firstTies) / Math.max(1, firstCost.size);
  return forward < reverse;
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function yen(
  index: PathIndex,
  source: number,
  targets: number[],
  banned: Uint8Array,
  firstOnly: Uint8Array | undefined,
  maxHops: number,
  k: number,
): FoundPath[] {
  const n = index.size;
  const isTarget = new Uint8Array(n);
  for (const t of targets) isTarget[t] = 1;
  const spur = (
    from: number,
    hops: number,
    bannedNodes: Uint8Array,
    bannedEdges: Set<number>,
  ): { nodes: number[]; cost: number } | null => {
    // From the source a first-only node may be entered first; from further along, never.
    let enteredOnlyFromStart: Uint8Array | undefined;
    if (firstOnly && from === source) enteredOnlyFromStart = firstOnly;
    else if (firstOnly) {
      bannedNodes = bannedNodes === banned ? banned.slice() : bannedNodes;
      for (let x = 0; x < n; x++) if (firstOnly[x] && x !== from) bannedNodes[x] = 1;
    }
    const labels = boundedSearch(
      index,
      [from],
      { maxHops: hops, banned: bannedNodes, bannedEdges, enteredOnlyFromStart },
      (v) => isTarget[v] === 1,
    );
    return labels.found === -1
      ? null
      : { nodes: pathOf(labels, labels.found), cost: labels.cost[labels.found]! };
  };
  const first = spur(source, maxHops, banned, new Set());
  if (first === null) return [];
  const accepted: FoundPath[] = [{ ...first, warmth: Math.exp(-first.cost) }];
  const candidates = new Map<string, FoundPath>();
  while (accepted.length < k) {
    const last = accepted[accepted.length - 1]!.nodes;
    let rootCost = 0;
    for (let i = 0; i < last.length - 1; i++) {
      const root = last.slice(0, i + 1);
      const bannedEdges = new Set<number>();
      for (const p of accepted) {
        if (p.nodes.length > i + 1 && root.every((node, j) => p.nodes[j] === node))
          bannedEdges.add(p.nodes[i]! * n + p.nodes[i + 1]!);
      }
      const bannedNodes = banned.slice();
      for (const node of root.slice(0, -1)) bannedNodes[node] = 1;
      const found = spur(last[i]!, maxHops - i, bannedNodes, bannedEdges);
      if (found !== null) {
        const nodes = [...root.slice(0, -1), ...found.nodes];
        const cost = rootCost + found.cost;
        candidates.set(nodes.join(","), { nodes, cost, warmth: Math.exp(-cost) });
      }
      rootCost += edgeCost(index, last[i]!, last[i + 1]!);
    }
    for (const p of accepted) candidates.delete(p.nodes.join(","));
    if (candidates.size === 0) break;
    const next = [...candidates.values()].sort(byCostThenNodes)[0]!;
    candidates.delete(next.nodes.join(","));
    accepted.push(next);
  }
  return accepted;
}

/** Warmest first; equal costs in a stable order (fewer hops, then node indexes). */
function byCostThenNodes(a: FoundPath, b: FoundPath): number {
  if (a.cost !== b.cost) return a.cost - b.cost;
  if (a.nodes.length !== b.nodes.length) return a.nodes.length - b.nodes.length;
  for (let i = 0; i < a.nodes.length; i++)
    if (a.nodes[i] !== b.nodes[i]) return a.nodes[i]! - b.nodes[i]!;
  return 0;
}
