/**
 * Brokers: the people who sit between groups (Burt 2004), by betweenness
 * centrality over shortest paths in ties (Brandes 2001). Exact for up to
 * `sample` people; on larger networks it runs from `sample` random sources and
 * scales up (Brandes & Pich 2007), so the cost stays bounded.
 */
import type { PathIndex } from "../paths/path-index.js";
import { rngFrom } from "./seeded-rng.js";

export interface Broker {
  personId: string;
  /** Betweenness: about how many shortest paths between pairs of others pass through this person. */
  score: number;
}

export function brokers(index: PathIndex, options: { limit?: number; sample?: number; seed?: number } = {}): Broker[] {
  const { limit = 10, sample = 500, seed = 1 } = options;
  const n = index.size;
  // Sources from the live nodes only (an index kept in step may hold removed slots).
  const live = [...index.indexOf.values()].sort((a, b) => a - b);
  const sources = live.length <= sample ? live : sampleOf(live.length, sample, rngFrom(seed)).map((i) => live[i]!);
  const score = new Float64Array(n);
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  for (const s of sources) {
    sigma.fill(0);
    dist.fill(-1);
    delta.fill(0);
    sigma[s] = 1;
    dist[s] = 0;
    let head = 0;
    let tail = 0;
    order[tail++] = s;
    while (head < tail) {
      const v = order[head++]!;
      for (let e = index.starts[v]!; e < index.ends[v]!; e++) {
        const w = index.targets[e]!;
        if (dist[w] === -1) {
          dist[w] = dist[v]! + 1;
          order[tail++] = w;
        }
        if (dist[w] === dist[v]! + 1) sigma[w] = sigma[w]! + sigma[v]!;
      }
    }
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i]!;
      for (let e = index.starts[w]!; e < index.ends[w]!; e++) {
        const v = index.targets[e]!;
        if (dist[v] === dist[w]! - 1) delta[v] = delta[v]! + (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
      }
      score[w] = score[w]! + delta[w]!;
    }
  }
  // Undirected: each pair was counted from both ends; sampling scales by n / sources.
  const scale = live.length / sources.length / 2;
  return [...score.keys()]
    .map((i) => ({ personId: index.keys[i]!, score: score[i]! * scale }))
    .filter((b) => b.score > 0)
    .sort((a, b) => b.score - a.score || (a.personId < b.personId ? -1 : 1))
    .slice(0, limit);
}

function sampleOf(n: number, k: number, random: () => number): number[] {
  const picked = new Set<number>();
  while (picked.size < k) picked.add(Math.floor(random() * n));
  return [...picked];
}
