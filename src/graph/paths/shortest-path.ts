/** Paths in fewest ties (breadth-first on the path index), for comparison with the warmest ones and for reach. */
import type { PathIndex } from "../path-index/path-index.js";

/** Breadth-first from `source` to `maxHops` ties; stops early once `stopAt` is reached. */
function breadthFirst(
  index: PathIndex,
  source: number,
  maxHops: number,
  stopAt = -1,
): { hops: Int32Array; parent: Int32Array } {
  const hops = new Int32Array(index.keys.length).fill(-1);
  const parent = new Int32Array(index.keys.length).fill(-1);
  hops[source] = 0;
  let frontier = [source];
  for (
    let hop = 1;
    hop <= maxHops && frontier.length > 0 && (stopAt < 0 || hops[stopAt] === -1);
    hop++
  ) {
    const next: number[] = [];
    for (const v of frontier) {
      for (let e = index.starts[v]!; e < index.ends[v]!; e++) {
        const u = index.targets[e]!;
        if (hops[u] !== -1) continue;
        hops[u] = hop;
        parent[u] = v;
        next.push(u);
      }
    }
    frontier = next;
  }
  return { hops, parent };
}

/** The fewest ties from `source` to every node within `maxHops` (-1 where farther or unreachable). */
export function fewestHops(index: PathIndex, source: number, maxHops: number): Int32Array {
  return breadthFirst(index, source, maxHops).hops;
}

/** A path with the fewest ties from `source` to `target` ([source] when they are one), or null when none within `maxHops`. */
export function fewestHopsPath(
  index: PathIndex,
  source: number,
  target: number,
  maxHops: number,
): number[] | null {
  const { hops, parent } = breadthFirst(index, source, maxHops, target);
  if (hops[target] === -1) return null;
  const path = [target];
  for (let x = target; x !== source; x = parent[x]!) path.push(parent[x]!);
  return path.reverse();
}
