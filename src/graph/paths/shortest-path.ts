/** The path with the fewest ties (breadth-first on the path index), for comparison with the warmest one. */
import type { PathIndex } from "./path-index.js";

export function fewestHopsPath(index: PathIndex, source: number, target: number, maxHops: number): number[] | null {
  if (source === target) return [source];
  const parent = new Int32Array(index.keys.length).fill(-1);
  parent[source] = source;
  let frontier = [source];
  for (let hop = 0; hop < maxHops && frontier.length > 0; hop++) {
    const next: number[] = [];
    for (const v of frontier) {
      for (let e = index.offsets[v]!; e < index.offsets[v + 1]!; e++) {
        const u = index.targets[e]!;
        if (parent[u] !== -1) continue;
        parent[u] = v;
        if (u === target) {
          const path = [u];
          for (let x = v; x !== source; x = parent[x]!) path.push(x);
          return [...path, source].reverse();
        }
        next.push(u);
      }
    }
    frontier = next;
  }
  return null;
}

/** The fewest ties from `source` to every node within `maxHops` (-1 where farther or unreachable). */
export function fewestHops(index: PathIndex, source: number, maxHops: number): Int32Array {
  const hops = new Int32Array(index.keys.length).fill(-1);
  hops[source] = 0;
  let frontier = [source];
  for (let hop = 1; hop <= maxHops && frontier.length > 0; hop++) {
    const next: number[] = [];
    for (const v of frontier) {
      for (let e = index.offsets[v]!; e < index.offsets[v + 1]!; e++) {
        const u = index.targets[e]!;
        if (hops[u] !== -1) continue;
        hops[u] = hop;
        next.push(u);
      }
    }
    frontier = next;
  }
  return hops;
}
