/**
 * Reach: how many people are 1, 2, 3... ties away (by the fewest ties), and how
 * many of them warmly (the warmest path within the hop limit at least
 * `warmThreshold`). Works on any Graphology graph whose edges carry `strength`.
 */
import type { AbstractGraph } from "graphology-types";
import { boundedSearch } from "../paths/bounded-search.js";
import { buildPathIndex, PathIndex } from "../paths/path-index.js";
import { fewestHops } from "../paths/shortest-path.js";

export interface ReachLevel {
  hops: number;
  people: number;
  warm: number;
}

export const REACH_DEFAULTS = Object.freeze({ maxHops: 3, warmThreshold: 0.5 });

export function reach(graph: AbstractGraph | PathIndex, source: string, options: { maxHops?: number; warmThreshold?: number } = {}): ReachLevel[] {
  const { maxHops, warmThreshold } = { ...REACH_DEFAULTS, ...options };
  const index = graph instanceof PathIndex ? graph : buildPathIndex(graph);
  const s = index.indexOf.get(source);
  if (s === undefined) throw new RangeError(`${source} is not in the graph`);
  const levels = fewestHops(index, s, maxHops);
  const labels = boundedSearch(index, [s], { maxHops });
  const maxCost = -Math.log(warmThreshold);
  const out = Array.from({ length: maxHops }, (_, i) => ({ hops: i + 1, people: 0, warm: 0 }));
  levels.forEach((hops, node) => {
    if (hops < 1 || hops > maxHops) return;
    const level = out[hops - 1]!;
    level.people++;
    if (labels.cost[labels.firstLabel[node]!]! <= maxCost + 1e-12) level.warm++;
  });
  return out;
}
