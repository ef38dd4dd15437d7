/**
 * Hop-bounded shortest paths, exact. Plain Dijkstra cut off at a hop count is
 * wrong: the cheapest way to a node may use too many hops while a dearer one
 * with fewer hops still leads to the target in time. Here a search state is
 * (node, cost, hops); states are expanded in cost order and a node keeps a new
 * label only when it was reached in fewer hops than by any cheaper label (the
 * Pareto front of cost and hops, at most maxHops + 1 labels a node). Costs are
 * -ln(strength) >= 0, so a label's path never repeats a node.
 * (Label-setting for the resource-constrained shortest path; see Irnich &
 * Desaulniers 2005.)
 */
import { MinHeap } from "./min-heap.js";
import type { PathIndex } from "../path-index/path-index.js";

export interface SearchLimits {
  maxHops: number;
  /** Nodes the search may not enter (nor start from). */
  banned?: Uint8Array;
  /** Half-edges the search may not use, as `from * n + to`. */
  bannedEdges?: ReadonlySet<number>;
  /** Nodes entered only from a start node (one tie out), never further along. */
  enteredOnlyFromStart?: Uint8Array;
  /** Nodes that take labels but are never left (the ends of a search run backwards from the targets). */
  neverLeft?: Uint8Array;
}

export interface Labels {
  /** For each label: its node, cost, hops, and the label it came from (-1 at a start). */
  node: number[];
  cost: number[];
  hops: number[];
  parent: number[];
  /** The cheapest label of each node (its first), or -1 when unreached. */
  firstLabel: Int32Array;
}

/**
 * Labels from every start node (cost 0) outward, within `maxHops`. `stopAt` sees
 * every label as it is settled (in cost order) and ends the search by returning
 * true; that label is returned as `found`.
 */
export function boundedSearch(
  index: PathIndex,
  starts: readonly number[],
  limits: SearchLimits,
  stopAt?: (node: number, cost: number, label: number) => boolean,
): Labels & { found: number } {
  const n = index.keys.length;
  // The fewest hops any settled label of each node has; a new label must beat it.
  const bestHops = new Int32Array(n).fill(2 ** 31 - 1);
  const labels: Labels = {
    node: [],
    cost: [],
    hops: [],
    parent: [],
    firstLabel: new Int32Array(n).fill(-1),
  };
  // Pending states live in the same arrays as labels; `settled` marks the ones kept.
  const heap = new MinHeap();
  const push = (node: number, cost: number, hops: number, parent: number) => {
    labels.node.push(node);
    labels.cost.push(cost);
    labels.hops.push(hops);
    labels.parent.push(parent);
    heap.push(cost, labels.node.length - 1);
  };
  for (const s of starts) if (!limits.banned?.[s]) push(s, 0, 0, -1);
  const { starts: rowStart, ends: rowEnd, targets, costs } = index;
  while (heap.size > 0) {
    const state = heap.pop();
    const v = labels.node[state]!;
    const h = labels.hops[state]!;
    if (h >= bestHops[v]!) continue;
    bestHops[v] = h;
    if (labels.firstLabel[v] === -1) labels.firstLabel[v] = state;
    if (stopAt?.(v, labels.cost[state]!, state)) return { ...labels, found: state };
    if (h === limits.maxHops || limits.neverLeft?.[v]) continue;
    const c = labels.cost[state]!;
    for (let e = rowStart[v]!; e < rowEnd[v]!; e++) {
      const u = targets[e]!;
      if (limits.banned?.[u] || h + 1 >= bestHops[u]!) continue;
      if (h > 0 && limits.enteredOnlyFromStart?.[u]) continue;
      if (limits.bannedEdges?.has(v * n + u)) continue;
      push(u, c + costs[e]!, h + 1, state);
    }
  }
  return { ...labels, found: -1 };
}

/** The node sequence of a label, from its start to its node. */
export function pathOf(labels: Labels, label: number): number[] {
  const path: number[] = [];
  for (let l = label; l !== -1; l = labels.parent[l]!) path.push(labels.node[l]!);
  return path.reverse();
}
