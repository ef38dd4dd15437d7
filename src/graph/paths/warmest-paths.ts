/**
 * The k warmest introduction paths from a source to any of a set of targets,
 * within a hop bound; exact (path warmth = product of tie strengths, so the
 * search minimizes the sum of -ln strength).
 *
 * - diverseIntroducers (default), and k = 1 (the warmest path overall is the
 *   warmest over first introducers): at most one path per first introducer.
 *   From 2 to 4 ties, hop layers back from the targets meet each first
 *   introducer's own ties (meet-in-the-middle.ts): the work is two small
 *   neighbourhoods. Other bounds (1, and 5 to 12) use a bidirectional
 *   label-setting search, one first introducer at a time
 *   (introducer-search.ts): two balls of about half the path's cost each, so a
 *   bound of 8 or 12 costs about what an unbounded bidirectional search does.
 * - otherwise: Yen's k shortest loopless paths (yen-paths.ts), its spurs
 *   guided by a lower bound on the cost to the targets.
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
import type { FoundPath } from "./found-path.js";
import { introducerSearch } from "./introducer-search.js";
import { MEET_IN_THE_MIDDLE_UP_TO, meetInTheMiddle } from "./meet-in-the-middle.js";
import { nodeMarks } from "./node-marks.js";
import type { PathIndex } from "../path-index/path-index.js";
import { costBound } from "./warmth-bound.js";
import { yenPaths } from "./yen-paths.js";

export { edgeCost, type FoundPath } from "./found-path.js";

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
        : yenPaths(index, source, goals, banned, firstOnly, o.maxHops, o.k, coldest);
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
  for (let e = index.starts[source]!; e < index.ends[source]!; e++) {
    const [first, cost] = [index.targets[e]!, index.costs[e]!];
    if (banned[first] || cost >= (firstCost.get(first) ?? Number.POSITIVE_INFINITY)) continue;
    firstCost.set(first, cost);
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
    // Other bounds: a bidirectional label-setting search, one first introducer at a time.
    const rules = { banned, firstOnly, maxHops, maxCost: coldest, count: k };
    return [...introducerSearch(index, source, targets, firstCost, rules)].map((path) => ({
      ...path,
      warmth: Math.exp(-path.cost),
    }));
  } finally {
    banned[source] = 0;
  }
}
