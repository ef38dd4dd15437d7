/**
 * The hop-bounded label-setting search of bounded-search.ts, guided toward the
 * other end (A*, Hart, Nilsson & Raphael 1968): a label's key is its cost plus
 * a lower bound on the cost still to go, and a label that cannot reach the
 * other end within the bound (by a lower bound on the ties still to go) is
 * never made. Labels settle in key order; a node's labels share its bound, so
 * they still settle in cost order and the Pareto rule (a new label must use
 * fewer ties than every settled one of its node) stays exact. The cost bound
 * must be consistent on every tie the search takes (bound(v) <= cost(v, u) +
 * bound(u)): then a label that a settled one dominates was never needed.
 * Per-node arrays are reused between searches, so a query allocates nothing
 * per node of the index.
 */
import { MinHeap } from "./min-heap.js";
import type { PathIndex } from "../path-index/path-index.js";

/** Lower bounds from a node to the other end of the search. */
export interface Guide {
  /** The cost still to go, at least; consistent along ties. */
  cost(node: number): number;
  /** The ties still to go, at least. */
  hops(node: number): number;
}

export interface GuidedLimits {
  maxHops: number;
  /** Nodes the search may not enter (nor start from). */
  banned?: Uint8Array;
  /** Nodes entered only by the first tie from a start, never further along. */
  enteredOnlyFromStart?: Uint8Array;
  /** Nodes never entered at all (a start may still be one). */
  neverEntered?: Uint8Array;
  /** Nodes that take labels but are never left. */
  neverLeft?: Uint8Array;
  /** Nodes a start may not step to (the ties a spur of Yen's algorithm must avoid). */
  firstStepBanned?: ReadonlySet<number>;
  /**
   * Labels whose key is above this are never made, and the search ends when the
   * next one to settle is; the caller may lower it as the search goes (from `visit`).
   */
  maxKey: number;
}

export interface GuidedLabels {
  /** For each label: its node, cost, hops, and the label it came from (-1 at a start). */
  node: number[];
  cost: number[];
  hops: number[];
  parent: number[];
  /** The label `visit` stopped at, or -1. */
  found: number;
}

const NO_GUIDE: Guide = { cost: () => 0, hops: () => 0 };

interface Scratch {
  bestHops: Int32Array;
}
const scratches = new WeakMap<PathIndex, Scratch>();

function scratchFor(index: PathIndex): Scratch {
  let scratch = scratches.get(index);
  if (!scratch || scratch.bestHops.length < index.keys.length) {
    scratch = { bestHops: new Int32Array(index.keys.length).fill(NEVER) };
    scratches.set(index, scratch);
  }
  return scratch;
}
const NEVER = 2 ** 31 - 1;

/**
 * Labels from the start nodes (cost 0) outward within `limits.maxHops`, in key
 * order. `visit` sees every label as it settles (with `first` true for its
 * node's first, hence cheapest, label) and ends the search by returning true.
 */
export function guidedSearch(
  index: PathIndex,
  starts: readonly number[],
  limits: GuidedLimits,
  guide: Guide = NO_GUIDE,
  visit?: (node: number, cost: number, label: number, first: boolean) => boolean,
): GuidedLabels {
  const { bestHops } = scratchFor(index);
  const labels: GuidedLabels = { node: [], cost: [], hops: [], parent: [], found: -1 };
  const heap = new MinHeap();
  const { maxHops, banned, enteredOnlyFromStart, neverEntered, neverLeft, firstStepBanned } =
    limits;
  const push = (node: number, cost: number, hops: number, parent: number, key: number) => {
    labels.node.push(node);
    labels.cost.push(cost);
    labels.hops.push(hops);
    labels.parent.push(parent);
    heap.push(key, labels.node.length - 1);
  };
  // Starts settle first, whatever their bound (the source of a search toward the targets is
  // outside the targets' ball, which never enters it).
  for (const s of starts) if (!banned?.[s] && guide.hops(s) <= maxHops) push(s, 0, 0, -1, 0);
  const { starts: rowStart, ends: rowEnd, targets, costs } = index;
  try {
    while (heap.size > 0) {
      if (heap.peekKey() > limits.maxKey) break;
      const state = heap.pop();
      const v = labels.node[state]!;
      const h = labels.hops[state]!;
      if (h >= bestHops[v]!) continue;
      const first = bestHops[v] === NEVER;
      bestHops[v] = h;
      const c = labels.cost[state]!;
      if (visit?.(v, c, state, first)) {
        labels.found = state;
        break;
      }
      if (h === maxHops || neverLeft?.[v]) continue;
      for (let e = rowStart[v]!; e < rowEnd[v]!; e++) {
        const u = targets[e]!;
        if (banned?.[u] || h + 1 >= bestHops[u]!) continue;
        if (neverEntered?.[u] || (h > 0 && enteredOnlyFromStart?.[u])) continue;
        if (h === 0 && firstStepBanned?.has(u)) continue;
        // Too far from the other end to reach it within the bound: never a label.
        if (h + 1 + guide.hops(u) > maxHops) continue;
        const cost = c + costs[e]!;
        const key = cost + guide.cost(u);
        if (key > limits.maxKey) continue;
        push(u, cost, h + 1, state, key);
      }
    }
    return labels;
  } finally {
    for (const v of labels.node) bestHops[v] = NEVER;
  }
}

/** The node sequence of a label, from its start to its node. */
export function guidedPath(labels: GuidedLabels, label: number): number[] {
  const path: number[] = [];
  for (let l = label; l !== -1; l = labels.parent[l]!) path.push(labels.node[l]!);
  return path.reverse();
}
