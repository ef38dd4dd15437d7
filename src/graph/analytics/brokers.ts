/**
 * Brokers: the people who sit between groups (Burt 2004), by betweenness
 * centrality over shortest paths in ties (Brandes 2001). Exact for up to
 * `sample` people; on larger networks it runs from `sample` random sources and
 * scales up (Brandes & Pich 2007), so the cost stays bounded. A tie counts
 * once however many parallel edges a multigraph holds for it: betweenness is
 * about people, and two edges between a pair are still one way through.
 */
import type { AbstractGraph } from "graphology-types";
import { badInput } from "../../errors.js";
import { buildPathIndex, PathIndex } from "../path-index/path-index.js";
import type { UndirectedOptions } from "../path-index/undirected-graph.js";
import { rngFrom } from "./seeded-rng.js";

export interface Broker {
  personId: string;
  /** Betweenness: about how many shortest paths between pairs of others pass through this person. */
  score: number;
}

export interface BrokersOptions extends UndirectedOptions {
  /** How many brokers, best first. Default 10. */
  limit?: number;
  /** Exact up to this many people; beyond, this many random sources. Default 500. */
  sample?: number;
  /** Seed of the sampling, so an answer repeats. Default 1. */
  seed?: number;
}

export const BROKERS_DEFAULTS = Object.freeze({ limit: 10, sample: 500, seed: 1 });

function wholeNumber(field: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1)
    throw badInput(field, "must be a whole number from 1");
  return value;
}

export function brokers(graph: AbstractGraph | PathIndex, options: BrokersOptions = {}): Broker[] {
  const { limit, sample, seed } = { ...BROKERS_DEFAULTS, ...options };
  wholeNumber("limit", limit);
  wholeNumber("sample", sample);
  if (!Number.isFinite(seed)) throw badInput("seed", "must be a number");
  const index =
    graph instanceof PathIndex
      ? graph
      : buildPathIndex(graph, { treatAsUndirected: options.treatAsUndirected ?? false });
  const n = index.size;
  // Sources from the live nodes only (an index kept in step may hold removed slots).
  const live = [...index.indexOf.values()].sort((a, b) => a - b);
  const sources =
    live.length <= sample
      ? live
      : sampleOf(live.length, sample, rngFrom(seed)).map((i) => live[i]!);
  const score = new Float64Array(n);
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n);
  const delta = new Float64Array(n);
  const order = new Int32Array(n);
  // seenFrom[w] = the visit (a running count) that last met w in a row: a parallel tie is met twice in one visit.
  const seenFrom = new Float64Array(n);
  let visit = 0;
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
      visit++;
      for (let e = index.starts[v]!; e < index.ends[v]!; e++) {
        const w = index.targets[e]!;
        if (seenFrom[w] === visit) continue;
        seenFrom[w] = visit;
        if (dist[w] === -1) {
          dist[w] = dist[v]! + 1;
          order[tail++] = w;
        }
        if (dist[w] === dist[v]! + 1) sigma[w] = sigma[w]! + sigma[v]!;
      }
    }
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i]!;
      visit++;
      for (let e = index.starts[w]!; e < index.ends[w]!; e++) {
        const v = index.targets[e]!;
        if (seenFrom[v] === visit) continue;
        seenFrom[v] = visit;
        if (dist[v] === dist[w]! - 1)
          delta[v] = delta[v]! + (sigma[v]! / sigma[w]!) * (1 + delta[w]!);
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
