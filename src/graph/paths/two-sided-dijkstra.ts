/**
 * The warmest path with no bound on its ties, by bidirectional Dijkstra (Pohl
 * 1971): one search from the source, one back from the targets, each step taken
 * by the side with the fewer pending nodes, until the two radii together reach
 * the cheapest meeting found (the stopping rule of Goldberg & Harrelson 2005).
 * It keeps the warmest-path rules: the backward side never enters the source
 * and never goes on from a first-only node, the forward side enters a first-only
 * node only from the source.
 *
 * What the bounded searches need from it: the unbounded optimum (a lower bound
 * on every bounded path, and the answer itself when its path has few enough
 * ties), and the two balls as lower bounds on the cost from the source and to
 * the targets (exact inside a ball, its radius outside), both consistent.
 */
import { MinHeap } from "./min-heap.js";
import type { PathIndex } from "../path-index/path-index.js";

export interface Ball {
  /** The cost from the ball's centre to `node`, at least. */
  lower(node: number): number;
}

export interface Meeting {
  /** The unbounded optimum (Infinity when there is no path, or none within maxCost). */
  cost: number;
  /** Its nodes from the source to a target, or null when it is not a simple path (a loop of strength-1 ties). */
  nodes: number[] | null;
  fromSource: Ball;
  toTargets: Ball;
  /** Hands the scratch arrays back; nothing above may be read afterwards. */
  release(): void;
}

export interface MeetingRules {
  /** Nodes never entered (people excluded). */
  banned: Uint8Array;
  firstOnly?: Uint8Array;
  /** Stop once no path can be this cheap or cheaper. */
  maxCost: number;
}

interface Side {
  dist: Float64Array;
  parent: Int32Array;
  settled: Uint8Array;
  touched: number[];
  heap: MinHeap;
  radius: number;
}

interface Scratch {
  sides: [Side, Side];
  inUse: boolean;
}
const scratches = new WeakMap<PathIndex, Scratch>();

function sideOf(n: number): Side {
  return {
    dist: new Float64Array(n).fill(Number.POSITIVE_INFINITY),
    parent: new Int32Array(n).fill(-1),
    settled: new Uint8Array(n),
    touched: [],
    heap: new MinHeap(),
    radius: 0,
  };
}

function scratchFor(index: PathIndex): Scratch {
  const n = index.keys.length;
  let scratch = scratches.get(index);
  if (!scratch || scratch.inUse || scratch.sides[0].dist.length < n) {
    scratch = { sides: [sideOf(n), sideOf(n)], inUse: false };
    scratches.set(index, scratch);
  }
  scratch.inUse = true;
  return scratch;
}

export function twoSidedDijkstra(
  index: PathIndex,
  source: number,
  targets: readonly number[],
  rules: MeetingRules,
): Meeting {
  const scratch = scratchFor(index);
  const [fwd, bwd] = scratch.sides;
  const { banned, firstOnly, maxCost } = rules;
  const { starts, ends, targets: to, costs } = index;
  let best = Number.POSITIVE_INFINITY;
  let meet = -1;
  const label = (side: Side, other: Side, v: number, d: number, parent: number) => {
    if (d >= side.dist[v]!) return;
    if (side.dist[v] === Number.POSITIVE_INFINITY) side.touched.push(v);
    side.dist[v] = d;
    side.parent[v] = parent;
    side.heap.push(d, v);
    const total = d + other.dist[v]!;
    if (total < best) [best, meet] = [total, v];
  };
  label(fwd, bwd, source, 0, -1);
  for (const t of targets) if (!banned[t] && t !== source) label(bwd, fwd, t, 0, -1);
  // The smallest pending distance of a side (Infinity when it has none): every node it has not settled is at least this far.
  const top = (side: Side): number => {
    const { heap, settled } = side;
    while (heap.size > 0 && settled[heap.peekValue()]) heap.pop();
    return (side.radius = heap.size > 0 ? heap.peekKey() : Number.POSITIVE_INFINITY);
  };
  for (;;) {
    const [rf, rb] = [top(fwd), top(bwd)];
    if (rf + rb >= best || rf + rb > maxCost) break;
    const forward = fwd.heap.size <= bwd.heap.size ? fwd.heap.size > 0 : bwd.heap.size === 0;
    const [side, other] = forward ? [fwd, bwd] : [bwd, fwd];
    const v = side.heap.pop();
    side.settled[v] = 1;
    // Backward, a first-only node may only be where a path begins: never gone on from.
    if (!forward && firstOnly?.[v]) continue;
    const base = side.dist[v]!;
    for (let e = starts[v]!; e < ends[v]!; e++) {
      const u = to[e]!;
      if (banned[u] || u === source) continue;
      if (forward && v !== source && firstOnly?.[u]) continue;
      label(side, other, u, base + costs[e]!, v);
    }
  }
  const cost = best <= maxCost ? best : Number.POSITIVE_INFINITY;
  const nodes = cost < Number.POSITIVE_INFINITY ? pathThrough(fwd, bwd, meet) : null;
  const ballOf = (side: Side): Ball => {
    const { dist, radius } = side;
    return { lower: (node) => Math.min(dist[node]!, radius) };
  };
  return {
    cost,
    nodes,
    fromSource: ballOf(fwd),
    toTargets: ballOf(bwd),
    release() {
      for (const side of [fwd, bwd]) {
        for (const v of side.touched) {
          side.dist[v] = Number.POSITIVE_INFINITY;
          side.parent[v] = -1;
          side.settled[v] = 0;
        }
        side.touched.length = 0;
        side.heap = new MinHeap();
      }
      scratch.inUse = false;
    },
  };
}

/** The source-to-target path through `meet`, or null when the two halves share a node (a loop of cost 0). */
function pathThrough(fwd: Side, bwd: Side, meet: number): number[] | null {
  const nodes: number[] = [];
  for (let v = meet; v !== -1; v = fwd.parent[v]!) nodes.push(v);
  nodes.reverse();
  for (let v = bwd.parent[meet]!; v !== -1; v = bwd.parent[v]!) nodes.push(v);
  return new Set(nodes).size === nodes.length ? nodes : null;
}
