/**
 * Reach: how many people are 1, 2, 3... ties away (by the fewest ties), and how
 * many of them warmly (the warmest path within the hop limit at least
 * `warmThreshold`). Works on any undirected Graphology graph whose edges carry
 * `strength` (a directed one only with `treatAsUndirected`).
 */
import type { AbstractGraph } from "graphology-types";
import { badInput } from "../../errors.js";
import { boundedSearch } from "../paths/bounded-search.js";
import { checkLimit } from "../paths/limits.js";
import { buildPathIndex, PathIndex } from "../path-index/path-index.js";
import { fewestHops } from "../paths/shortest-path.js";
import type { UndirectedOptions } from "../path-index/undirected-graph.js";
import { MAX_HOPS_LIMIT } from "../paths/warmest-paths.js";
import { costBound } from "../paths/warmth-bound.js";

export interface ReachLevel {
  hops: number;
  people: number;
  warm: number;
}

export interface ReachOptions extends UndirectedOptions {
  /** Most ties counted, 1 to MAX_HOPS_LIMIT. Default 3. */
  maxHops?: number;
  /** A person counts as warmly reached when their warmest path is at least this warm (0-1). Default 0.5. */
  warmThreshold?: number;
}

export const REACH_DEFAULTS = Object.freeze({ maxHops: 3, warmThreshold: 0.5 });

export function reach(
  graph: AbstractGraph | PathIndex,
  source: string,
  options: ReachOptions = {},
): ReachLevel[] {
  const { maxHops, warmThreshold } = { ...REACH_DEFAULTS, ...options };
  checkLimit("maxHops", maxHops, MAX_HOPS_LIMIT);
  if (!(warmThreshold >= 0 && warmThreshold <= 1))
    throw badInput("warmThreshold", "must be between 0 and 1");
  const index =
    graph instanceof PathIndex
      ? graph
      : buildPathIndex(graph, { treatAsUndirected: options.treatAsUndirected ?? false });
  const s = index.indexOf.get(source);
  if (s === undefined) throw badInput("source", `${source} is not in the graph`);
  const levels = fewestHops(index, s, maxHops);
  const labels = boundedSearch(index, [s], { maxHops });
  const maxCost = costBound(warmThreshold);
  const out = Array.from({ length: maxHops }, (_, i) => ({ hops: i + 1, people: 0, warm: 0 }));
  levels.forEach((hops, node) => {
    if (hops < 1 || hops > maxHops) return;
    const level = out[hops - 1]!;
    level.people++;
    if (labels.cost[labels.firstLabel[node]!]! <= maxCost) level.warm++;
  });
  return out;
}
