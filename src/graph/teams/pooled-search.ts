/**
 * warmestPooledPaths: the k warmest paths over a pooled network in which a teammate is only
 * ever the first introducer. "Ask Olga to ask your teammate Ada" is no introduction path:
 * the requester asks Ada directly. Every valid path is the source, a first introducer, then
 * a rest that passes no teammate; so the answer merges, exactly, one warmestPaths search from
 * the source with every teammate banned (paths whose first introducer is not a teammate) and
 * one search from each teammate the source is tied to, with the other teammates and the
 * source banned (paths through that teammate). With diverse introducers each teammate gives
 * its warmest path; otherwise its k warmest, and the k warmest of the union are the answer.
 */
import type { PathIndex } from "../path-index/path-index.js";
import { edgeCost, warmestPaths, type FoundPath } from "../paths/warmest-paths.js";

export interface PooledSearchOptions {
  maxHops: number;
  k: number;
  diverseIntroducers: boolean;
  /** Node indexes never to pass through. */
  exclude: readonly number[];
}

/** The exact k warmest paths from `source` to any target, a teammate only as the first introducer. */
export function warmestPooledPaths(
  index: PathIndex,
  source: number,
  targets: readonly number[],
  teammates: ReadonlySet<number>,
  options: PooledSearchOptions,
): FoundPath[] {
  const { maxHops, k, diverseIntroducers, exclude } = options;
  const others = [...teammates].filter((t) => t !== source);
  const found = warmestPaths(index, source, targets, {
    maxHops,
    k,
    diverseIntroducers,
    exclude: [...exclude, ...others],
  });
  const excluded = new Set(exclude);
  const goals = new Set(targets);
  for (const teammate of others) {
    const first = edgeCost(index, source, teammate);
    if (!Number.isFinite(first) || excluded.has(teammate)) continue;
    if (goals.has(teammate))
      found.push({ nodes: [source, teammate], cost: first, warmth: Math.exp(-first) });
    if (maxHops < 2) continue;
    const onward = warmestPaths(index, teammate, targets, {
      maxHops: maxHops - 1,
      k: diverseIntroducers ? 1 : k,
      diverseIntroducers: false,
      exclude: [...exclude, ...others.filter((t) => t !== teammate), source],
    });
    for (const path of onward) {
      const cost = first + path.cost;
      found.push({ nodes: [source, ...path.nodes], cost, warmth: Math.exp(-cost) });
    }
  }
  return found.sort(byCostThenNodes).slice(0, k);
}

/** Warmest first; equal costs in a stable order (fewer hops, then node indexes), as warmestPaths orders them. */
function byCostThenNodes(a: FoundPath, b: FoundPath): number {
  if (a.cost !== b.cost) return a.cost - b.cost;
  if (a.nodes.length !== b.nodes.length) return a.nodes.length - b.nodes.length;
  for (let i = 0; i < a.nodes.length; i++)
    if (a.nodes[i] !== b.nodes[i]) return a.nodes[i]! - b.nodes[i]!;
  return 0;
}
