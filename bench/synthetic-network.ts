/**
 * A reproducible synthetic network for benchmarks: `people` people and about
 * `ties` distinct undirected ties, with a seeded generator so runs compare.
 */
export interface SyntheticNetwork {
  people: { name: string; profileUrl: string; title: string }[];
  /** Pairs of indexes into `people`, each unordered pair at most once. */
  ties: [number, number][];
}

/** The same seeded generator the analytics use, so runs compare. */
export { rngFrom as rng } from "../src/graph/analytics/seeded-rng.js";
import { rngFrom as rng } from "../src/graph/analytics/seeded-rng.js";

export function syntheticNetwork(people: number, ties: number, seed = 42): SyntheticNetwork {
  const random = rng(seed);
  const persons = Array.from({ length: people }, (_, i) => ({
    name: `Person ${i}`,
    profileUrl: `https://linkedin.com/in/person-${i}`,
    title: i % 7 === 0 ? "Engineer" : "Manager",
  }));
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  while (pairs.length < ties) {
    const a = Math.floor(random() * people);
    const b = Math.floor(random() * people);
    if (a === b) continue;
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    const key = lo * people + hi;
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push([lo, hi]);
  }
  return { people: persons, ties: pairs };
}

/**
 * The network's ties `from` to `to` as the store's tie inputs between the stored people `ids`
 * (in the network's order): a strength cycling through ten values, a LinkedIn provenance.
 */
export function tieInputs(net: SyntheticNetwork, ids: readonly string[], from: number, to: number) {
  return net.ties.slice(from, to).map(([a, b], j) => ({
    personA: ids[a]!,
    personB: ids[b]!,
    strength: ((from + j) % 10) / 10 + 0.05,
    provenance: "linkedin" as const,
    since: "2020-01-01",
  }));
}

/** `count` random pairs of distinct node indexes, from a seed. */
export function randomPairs(n: number, count: number, seed: number): [number, number][] {
  const random = rng(seed);
  const pairs: [number, number][] = [];
  while (pairs.length < count) {
    const [s, t] = [Math.floor(random() * n), Math.floor(random() * n)];
    if (s !== t) pairs.push([s, t]);
  }
  return pairs;
}
