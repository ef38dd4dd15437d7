/**
 * The warmest path of each first introducer, best first, within a hop bound:
 * a bidirectional label-setting search. Forward from the first introducers
 * (each at the cost of its tie from the source), backward from the targets;
 * labels are (node, cost, ties), a node keeps a new label only when it uses
 * fewer ties than every settled one of that node (bounded-search.ts), and each
 * side settles labels in cost order. A label that settles meets, across each
 * of its ties, the other side's cheapest settled label that keeps the path
 * within the bound; the source and the targets count as settled from the
 * start (a backward label at a first introducer meets the source, a forward
 * label at a target meets the targets). The search stops when the two radii
 * add up to the cheapest meeting (bidirectional Dijkstra, Pohl 1971, with the
 * stopping rule of Goldberg & Harrelson 2005): a cheaper path would have a
 * last node closer than the forward radius and a next one closer than the
 * backward radius, both settled (within the bound, by the Pareto rule), and
 * the later of the two met the other.
 *
 * One introducer at a time: once a path is found, its first introducer is
 * taken out and the forward side starts again from the others, while the
 * backward side (which never enters the source, so it does not depend on the
 * introducers) carries on from where it stopped. Each search covers two balls
 * of about half the path's cost, never one of the whole cost. The side that
 * steps is the one that has scanned fewer ties, the backward side's counted at
 * half while it serves searches after this one too (balancing by pending
 * labels let a hub's many labels starve one side: at 100,000 people it scanned
 * about twice the ties). Which side steps never changes the answer.
 *
 * Rules of the warmest-path search: the source is never entered, a first-only
 * node is entered forward only as a first introducer and never left backward,
 * and no label is made at a node that cannot reach the other end within the
 * bound, by a lower bound on its ties (near-hops.ts).
 */
import { MinHeap } from "./min-heap.js";
import { nearHops } from "./near-hops.js";
import type { PathIndex } from "../path-index/path-index.js";
import { grown } from "../path-index/grown-array.js";

export interface IntroducerPath {
  nodes: number[];
  cost: number;
}

export interface IntroducerRules {
  /** Nodes never entered; the source must be one. */
  banned: Uint8Array;
  firstOnly?: Uint8Array;
  maxHops: number;
  /** Paths costlier than this are not wanted. */
  maxCost: number;
  /** How many introducers are wanted (the search can cut more in the last one). */
  count: number;
}

/**
 * One side's labels, in typed arrays kept between queries (a query at a million people makes tens
 * of thousands of labels: arrays grown per query were most of the garbage collector's work).
 * `latest[v]` is v's last settled label (its fewest ties), or -1.
 */
class Side {
  node = new Int32Array(1024);
  cost = new Float64Array(1024);
  hops = new Int32Array(1024);
  parent = new Int32Array(1024);
  /** The label of the same node settled before this one (-1: none). */
  older = new Int32Array(1024);
  count = 0;
  readonly heap = new MinHeap();
  /** Ties scanned so far: the search steps the side that has done less (see `introducerSearch`). */
  work = 0;

  /**
   * `settled` is shared by both sides, one bit each (`bit`): the hot loop asks "has the other side
   * settled u?" of a byte a node, not of `latest`'s four, which at a million people stays in cache.
   */
  constructor(
    readonly latest: Int32Array,
    readonly settled: Uint8Array,
    readonly bit: number,
  ) {}

  push(node: number, cost: number, hops: number, parent: number): void {
    if (this.count === this.node.length) this.grow();
    const label = this.count++;
    this.node[label] = node;
    this.cost[label] = cost;
    this.hops[label] = hops;
    this.parent[label] = parent;
    this.older[label] = -1;
    this.heap.push(cost, label);
  }

  private grow(): void {
    const size = this.count + 1;
    this.node = grown(this.node, size);
    this.cost = grown(this.cost, size);
    this.hops = grown(this.hops, size);
    this.parent = grown(this.parent, size);
    this.older = grown(this.older, size);
  }

  /** Every label cheaper than this is settled (Infinity: all are). */
  radius(): number {
    return this.heap.size > 0 ? this.heap.peekKey() : Number.POSITIVE_INFINITY;
  }

  /** Pops the next label; true when it settles (a settled one of its node has no more ties). */
  settleNext(): number {
    const label = this.heap.pop();
    const v = this.node[label]!;
    const newest = this.latest[v]!;
    if (newest !== -1 && this.hops[newest]! <= this.hops[label]!) return -1;
    this.older[label] = newest;
    this.latest[v] = label;
    this.settled[v]! |= this.bit;
    return label;
  }

  /** The cheapest settled label of `node` with at most `hops` ties, or -1. */
  cheapestWithin(node: number, hops: number): number {
    let found = -1;
    // From the latest (fewest ties, dearest) to older ones (more ties, cheaper).
    for (let l = this.latest[node]!; l !== -1 && this.hops[l]! <= hops; l = this.older[l]!)
      found = l;
    return found;
  }

  /** The nodes of a label's path, from its start. */
  path(label: number): number[] {
    const nodes: number[] = [];
    for (let l = label; l !== -1; l = this.parent[l]!) nodes.push(this.node[l]!);
    return nodes.reverse();
  }

  /** Forgets every label, keeping the arrays. */
  clear(): void {
    const clearBit = ~this.bit;
    for (let l = 0; l < this.count; l++) {
      const v = this.node[l]!;
      this.latest[v] = -1;
      this.settled[v]! &= clearBit;
    }
    this.count = 0;
    this.heap.size = 0;
    this.work = 0;
  }
}

interface Scratch {
  forward: Side;
  backward: Side;
  inUse: boolean;
}
const scratches = new WeakMap<PathIndex, Scratch>();

/** How many times the forward side's work the backward side may do while searches follow. */
const BACKWARD_SHARE = 2;

/** The two sides of this index, reused; fresh ones when a search of the same index is under way. */
function scratchFor(index: PathIndex): Scratch {
  const n = index.keys.length;
  let scratch = scratches.get(index);
  if (!scratch || scratch.inUse || scratch.forward.latest.length < n) {
    const settled = new Uint8Array(n);
    scratch = {
      forward: new Side(new Int32Array(n).fill(-1), settled, 1),
      backward: new Side(new Int32Array(n).fill(-1), settled, 2),
      inUse: false,
    };
    scratches.set(index, scratch);
  }
  scratch.inUse = true;
  return scratch;
}

/** Yields the warmest path of each first introducer within the rules, warmest first. */
export function* introducerSearch(
  index: PathIndex,
  source: number,
  targets: readonly number[],
  firstCost: ReadonlyMap<number, number>,
  rules: IntroducerRules,
): Generator<IntroducerPath> {
  const { banned, firstOnly, maxHops, maxCost } = rules;
  const { starts, ends, targets: to, costs } = index;
  const scratch = scratchFor(index);
  const { forward, backward } = scratch;
  const toSource = nearHops(index, [source], banned);
  const toTargets = nearHops(index, targets, banned);
  try {
    for (const t of targets)
      if (!banned[t] && toSource.hops(t) <= maxHops) backward.push(t, 0, 0, -1);
    const introducers = new Map(firstCost);
    for (let found = 0; found < rules.count && introducers.size > 0; found++) {
      const last = found === rules.count - 1;
      const share = last ? 1 : BACKWARD_SHARE;
      forward.clear();
      for (const [first, cost] of introducers)
        if (!banned[first] && cost <= maxCost && 1 + toTargets.hops(first) <= maxHops)
          forward.push(first, cost, 1, -1);
      // The cheapest meeting: a forward label, a backward one, and their cost with the tie between
      // them (-1 forward: the source; -1 backward: the targets).
      let best = Number.POSITIVE_INFINITY;
      let [meetForward, meetBackward] = [-1, -1];
      const meet = (f: number, b: number, cost: number) => {
        if (cost < best) [best, meetForward, meetBackward] = [cost, f, b];
      };
      // Backward labels settled before this introducer's search meet the source now.
      for (const [first, cost] of introducers) {
        const b = backward.cheapestWithin(first, maxHops - 1);
        if (b !== -1) meet(-1, b, cost + backward.cost[b]!);
      }
      for (;;) {
        const radii = forward.radius() + backward.radius();
        if (radii >= best || radii > maxCost) break;
        // Step the side that has scanned fewer ties (its ball is the smaller), weighing the
        // backward side's at half while it carries on into searches after this one.
        const isForward =
          forward.heap.size > 0 &&
          (backward.heap.size === 0 || forward.work * share <= backward.work);
        const side = isForward ? forward : backward;
        const other = isForward ? backward : forward;
        const label = side.settleNext();
        if (label === -1) continue;
        const v = side.node[label]!;
        const h = side.hops[label]!;
        const c = side.cost[label]!;
        if (isForward && toTargets.hops(v) === 0) meet(label, -1, c);
        if (!isForward) {
          const first = introducers.get(v);
          if (first !== undefined && h + 1 <= maxHops) meet(-1, label, first + c);
          // A first-only node is where a path begins: never gone on from backward.
          if (firstOnly?.[v]) continue;
        }
        const near = isForward ? toTargets : toSource;
        const { marks: nearMarks, beyond } = near;
        const { latest: otherLatest, hops: otherHops, older: otherOlder, cost: otherCost } = other;
        const { latest: sideLatest, hops: sideHops, settled, bit: sideBit } = side;
        const otherBit = other.bit;
        // A label at a node the other side has not settled needs at least the other radius more; the
        // backward side's labels outlive this search, so they are cut so only in the last one.
        const cut = isForward || last ? best - other.radius() : Number.POSITIVE_INFINITY;
        const meetWithin = maxHops - h - 1;
        side.work += ends[v]! - starts[v]! + 1;
        for (let e = starts[v]!; e < ends[v]!; e++) {
          const u = to[e]!;
          // Forward, a first-only node is entered only from the source (as a start).
          if (isForward && firstOnly?.[u]) continue;
          const cost = c + costs[e]!;
          const flags = settled[u]!;
          if (flags & otherBit) {
            // The other side's cheapest settled label at u within the bound: its oldest that fits.
            let across = -1;
            for (
              let l = otherLatest[u]!;
              l !== -1 && otherHops[l]! <= meetWithin;
              l = otherOlder[l]!
            )
              across = l;
            if (across !== -1) {
              const total = cost + otherCost[across]!;
              if (total < best) {
                best = total;
                [meetForward, meetBackward] = isForward ? [label, across] : [across, label];
              }
            }
          } else if (cost >= cut) continue;
          // Read only here, past the cut (a banned node is never settled, so it never meets).
          if (banned[u]) continue;
          const mark = nearMarks[u]!;
          if (cost > maxCost || h + 1 + (mark === 0 ? beyond : mark - 1) > maxHops) continue;
          if (!(flags & sideBit) || sideHops[sideLatest[u]!]! > h + 1)
            side.push(u, cost, h + 1, label);
        }
      }
      if (best === Number.POSITIVE_INFINITY || best > maxCost) return;
      const nodes = withoutLoops([
        ...(meetForward === -1 ? [] : forward.path(meetForward)),
        ...(meetBackward === -1 ? [] : backward.path(meetBackward).reverse()),
      ]);
      introducers.delete(nodes[0]!);
      yield { nodes: [source, ...nodes], cost: best };
    }
  } finally {
    forward.clear();
    backward.clear();
    scratch.inUse = false;
    toSource.release();
    toTargets.release();
  }
}

/**
 * The walk with its loops cut out. The two halves of a meeting may share a node only through a
 * loop of strength-1 ties (any other loop would make a cheaper meeting), so cutting costs nothing.
 */
function withoutLoops(walk: number[]): number[] {
  const last = new Map<number, number>();
  walk.forEach((v, i) => last.set(v, i));
  const path: number[] = [];
  for (let i = 0; i < walk.length; i = last.get(walk[i]!)! + 1) path.push(walk[i]!);
  return path;
}
