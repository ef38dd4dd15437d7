/** A path the warmest-path search found, and the two helpers every mode of it shares. */
import type { PathIndex } from "../path-index/path-index.js";

export interface FoundPath {
  /** Node indexes from the source to a target. */
  nodes: number[];
  /** Sum of -ln strength along the path. */
  cost: number;
  /** Product of the strengths, as exp(-cost) (it may differ from the product in the last bits). */
  warmth: number;
}

/** The cost of the tie between two adjacent nodes (the cheapest, should there be several). */
export function edgeCost(index: PathIndex, from: number, to: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let e = index.starts[from]!; e < index.ends[from]!; e++)
    if (index.targets[e] === to && index.costs[e]! < best) best = index.costs[e]!;
  return best;
}

/** Warmest first; equal costs in a stable order (fewer hops, then node indexes). */
export function byCostThenNodes(a: FoundPath, b: FoundPath): number {
  if (a.cost !== b.cost) return a.cost - b.cost;
  if (a.nodes.length !== b.nodes.length) return a.nodes.length - b.nodes.length;
  for (let i = 0; i < a.nodes.length; i++)
    if (a.nodes[i] !== b.nodes[i]) return a.nodes[i]! - b.nodes[i]!;
  return 0;
}
