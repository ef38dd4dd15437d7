/**
 * Hop layers: for every node within `maxHops` ties of a set of targets, the
 * cheapest cost to reach a target in at most h ties, for each h up to
 * `maxHops`. Bellman-Ford by rounds (Bellman 1958), where round h relaxes only
 * the nodes that improved in round h - 1: exact for hop-bounded costs, with no
 * heap, and its work is the ties around the targets' h-hop neighbourhood. It is
 * meant for small bounds (the warmest-path search uses it up to 2).
 *
 * A node keeps a round's value only when it is strictly cheaper than its value
 * with fewer ties, so every path it gives is loopless (a loop would mean a
 * cheaper or equal way with fewer ties existed) and uses the fewest ties among
 * equally warm ones.
 */
import type { PathIndex } from "../path-index/path-index.js";

interface Scratch {
  /** cost[h][v]: the value v gained in round h, or Infinity when it did not improve then. */
  cost: Float64Array[];
  next: Int32Array[];
}

// Per-node arrays are reused between searches (and reset through the lists of what
// each search touched), so a query on a large index allocates nothing per node.
const scratches = new WeakMap<PathIndex, Scratch>();

function scratchFor(index: PathIndex, layers: number): Scratch {
  let scratch = scratches.get(index);
  if (!scratch || scratch.cost[0]!.length < index.size || scratch.cost.length < layers) {
    const n = index.size;
    scratch = {
      cost: Array.from({ length: layers }, () =>
        new Float64Array(n).fill(Number.POSITIVE_INFINITY),
      ),
      next: Array.from({ length: layers }, () => new Int32Array(n)),
    };
    scratches.set(index, scratch);
  }
  return scratch;
}

export interface HopLayers {
  /** The cheapest cost from `node` to a target in at most `hops` ties (Infinity when there is none). */
  best(hops: number, node: number): number;
  /** That path, from `node` to a target. */
  path(hops: number, node: number): number[];
  /** Hands the scratch arrays back; the layers must not be read afterwards. */
  release(): void;
}

export function hopLayers(
  index: PathIndex,
  targets: readonly number[],
  maxHops: number,
  banned: Uint8Array,
  maxCost = Number.POSITIVE_INFINITY,
  /** Nodes that take values but are never relaxed from (they may only end a way back). */
  neverLeft?: Uint8Array,
): HopLayers {
  const { cost, next } = scratchFor(index, maxHops + 1);
  const { starts, ends, targets: to, costs } = index;
  const best = (hops: number, node: number): number => {
    for (let h = hops; h >= 0; h--)
      if (cost[h]![node]! !== Number.POSITIVE_INFINITY) return cost[h]![node]!;
    return Number.POSITIVE_INFINITY;
  };
  const improved: number[][] = [targets.filter((t) => !banned[t])];
  for (const t of improved[0]!) cost[0]![t] = 0;
  for (let h = 1; h <= maxHops; h++) {
    const round: number[] = [];
    const [layer, via] = [cost[h]!, next[h]!];
    for (const y of improved[h - 1]!) {
      if (neverLeft?.[y]) continue;
      const base = cost[h - 1]![y]!;
      for (let e = starts[y]!; e < ends[y]!; e++) {
        const v = to[e]!;
        const candidate = base + costs[e]!;
        if (banned[v] || candidate > maxCost || candidate >= best(h, v)) continue;
        if (layer[v] === Number.POSITIVE_INFINITY) round.push(v);
        layer[v] = candidate;
        via[v] = y;
      }
    }
    improved.push(round);
  }
  return {
    best,
    path(hops, node) {
      const path = [node];
      for (let h = hops; h > 0; h--) {
        if (cost[h]![node] === Number.POSITIVE_INFINITY) continue;
        node = next[h]![node]!;
        path.push(node);
      }
      return path;
    },
    release() {
      improved.forEach((nodes, h) => {
        for (const v of nodes) cost[h]![v] = Number.POSITIVE_INFINITY;
      });
    },
  };
}
