/**
 * A compact adjacency index (CSR: compressed sparse rows) of an undirected,
 * weighted graph, for the hot path searches: node i's neighbors are
 * `targets[offsets[i] .. offsets[i + 1])` with costs -ln(strength) alongside.
 */
import type { AbstractGraph } from "graphology-types";

export interface PathIndex {
  /** Node keys by index. */
  readonly keys: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly offsets: Uint32Array;
  readonly targets: Uint32Array;
  /** -ln(strength) of each half-edge: 0 for strength 1, growing as ties weaken. */
  readonly costs: Float64Array;
}

/** Builds the index from a graph whose edges carry a `strength` in (0, 1]. */
export function buildPathIndex(graph: AbstractGraph, strengthOf: (attributes: Record<string, unknown>) => number = (a) => Number(a.strength)): PathIndex {
  const keys = graph.nodes();
  const indexOf = new Map(keys.map((key, i) => [key, i]));
  const degree = new Uint32Array(keys.length + 1);
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (source === target) return;
    const s = indexOf.get(source)! + 1;
    const t = indexOf.get(target)! + 1;
    degree[s] = degree[s]! + 1;
    degree[t] = degree[t]! + 1;
  });
  const offsets = new Uint32Array(keys.length + 1);
  for (let i = 0; i < keys.length; i++) offsets[i + 1] = offsets[i]! + degree[i + 1]!;
  const fill = offsets.slice(0, keys.length);
  const targets = new Uint32Array(offsets[keys.length]!);
  const costs = new Float64Array(offsets[keys.length]!);
  graph.forEachEdge((_edge, attributes, source, target) => {
    if (source === target) return;
    const strength = strengthOf(attributes);
    if (!(strength > 0 && strength <= 1)) throw new RangeError(`edge ${source}-${target} has strength ${strength}, outside (0, 1]`);
    const cost = -Math.log(strength);
    const s = indexOf.get(source)!;
    const t = indexOf.get(target)!;
    for (const [from, to] of [[s, t], [t, s]] as const) {
      const slot = fill[from]!;
      targets[slot] = to;
      costs[slot] = cost;
      fill[from] = slot + 1;
    }
  });
  return { keys, indexOf, offsets, targets, costs };
}
