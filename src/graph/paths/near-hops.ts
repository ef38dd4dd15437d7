/**
 * A lower bound on the ties from any node to a set of nodes, from a
 * breadth-first search (Moore 1959) of at most two rounds: 0 in the set, 1 or 2
 * where the rounds reached, and one more than the last round everywhere else.
 * The second round runs only when the first round's ties are few (a hub's
 * neighbours' neighbours are a good part of a large network), so the bound
 * costs little and is only as deep as is cheap. Marks are reused between
 * searches and cleared by `release`.
 */
import type { PathIndex } from "../path-index/path-index.js";

export interface NearHops {
  /** The fewest ties from `node` to the set, at least. */
  hops(node: number): number;
  /** The same, read inline in a hot loop: `marks[v] - 1`, or `beyond` where `marks[v]` is 0. */
  marks: Uint8Array;
  beyond: number;
  release(): void;
}

/** Most ties the second round may scan. */
export const NEAR_HOPS_BUDGET = 200_000;

// hops + 1 per node (0: not reached): arrays reused per index, one for each bound in use at once.
const spare = new WeakMap<PathIndex, Uint8Array[]>();

export function nearHops(
  index: PathIndex,
  from: readonly number[],
  banned: Uint8Array | undefined,
  budget = NEAR_HOPS_BUDGET,
): NearHops {
  let free = spare.get(index);
  if (!free) spare.set(index, (free = []));
  const reused = free.pop();
  const n = index.keys.length;
  const marks = reused && reused.length >= n ? reused : new Uint8Array(n);
  const { starts, ends, targets } = index;
  const reached: number[] = [];
  const mark = (v: number, hops: number) => {
    if (marks[v] !== 0) return;
    marks[v] = hops + 1;
    reached.push(v);
  };
  for (const v of from) mark(v, 0);
  let rounds = 0;
  for (let round = 1; round <= 2; round++) {
    const frontier = reached.filter((v) => marks[v] === round);
    let ties = 0;
    for (const v of frontier) ties += ends[v]! - starts[v]!;
    if (round > 1 && ties > budget) break;
    for (const v of frontier)
      for (let e = starts[v]!; e < ends[v]!; e++)
        if (!banned?.[targets[e]!]) mark(targets[e]!, round);
    rounds = round;
  }
  return {
    hops: (node) => (marks[node] === 0 ? rounds + 1 : marks[node]! - 1),
    marks,
    beyond: rounds + 1,
    release() {
      for (const v of reached) marks[v] = 0;
      free!.push(marks);
    },
  };
}
