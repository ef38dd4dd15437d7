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
import { grown } from "../path-index/grown-array.js";

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

/** hops + 1 per node (0: not reached), and the nodes reached, in the order reached. */
interface Marks {
  marks: Uint8Array;
  reached: Int32Array;
}

// Arrays reused per index, one pair for each bound in use at once: a query at a million people
// reaches tens of thousands of nodes in two rounds, which fresh arrays would make garbage.
const spare = new WeakMap<PathIndex, Marks[]>();

export function nearHops(
  index: PathIndex,
  from: readonly number[],
  banned: Uint8Array | undefined,
  budget = NEAR_HOPS_BUDGET,
): NearHops {
  let free = spare.get(index);
  if (!free) spare.set(index, (free = []));
  const n = index.keys.length;
  const reused = free.pop();
  const scratch =
    reused && reused.marks.length >= n
      ? reused
      : { marks: new Uint8Array(n), reached: new Int32Array(1024) };
  const { marks } = scratch;
  const { starts, ends, targets } = index;
  let count = 0;
  const mark = (v: number, hops: number) => {
    if (marks[v] !== 0) return;
    marks[v] = hops + 1;
    scratch.reached = grown(scratch.reached, count + 1);
    scratch.reached[count++] = v;
  };
  for (const v of from) mark(v, 0);
  let rounds = 0;
  // Each round's nodes follow the last round's in `reached`: the frontier is the last round's run.
  for (let round = 1, first = 0; round <= 2; round++) {
    const end = count;
    let ties = 0;
    for (let i = first; i < end; i++)
      ties += ends[scratch.reached[i]!]! - starts[scratch.reached[i]!]!;
    if (round > 1 && ties > budget) break;
    for (let i = first; i < end; i++) {
      const v = scratch.reached[i]!;
      for (let e = starts[v]!; e < ends[v]!; e++)
        if (!banned?.[targets[e]!]) mark(targets[e]!, round);
    }
    first = end;
    rounds = round;
  }
  return {
    hops: (node) => (marks[node] === 0 ? rounds + 1 : marks[node]! - 1),
    marks,
    beyond: rounds + 1,
    release() {
      for (let i = 0; i < count; i++) marks[scratch.reached[i]!] = 0;
      free!.push(scratch);
    },
  };
}
