/**
 * The brute-force oracle of the path-engine tests: small networks built from
 * edge lists, every simple path enumerated, and warmth as the plain product of
 * the rated strengths (what a person would multiply by hand).
 */
import fc from "fast-check";
import { UndirectedGraph } from "graphology";
import { buildPathIndex, type PathIndex } from "../../src/graph/path-index/path-index.js";

export type EdgeList = [number, number, number][];

/** Builds an index from an edge list of [a, b, strength]; a repeated pair keeps its first strength. */
export function indexOf(nodes: number, edges: EdgeList): PathIndex {
  const graph = new UndirectedGraph();
  for (let i = 0; i < nodes; i++) graph.addNode(String(i));
  for (const [a, b, strength] of edges)
    if (a !== b && !graph.hasEdge(String(a), String(b)))
      graph.addEdge(String(a), String(b), { strength });
  return buildPathIndex(graph);
}

export const node = (index: PathIndex, key: number) => index.indexOf.get(String(key))!;

/** The strength of each pair as indexOf keeps it, by "a|b" of node keys. */
export function strengthsOf(edges: EdgeList): Map<string, number> {
  const out = new Map<string, number>();
  for (const [a, b, strength] of edges) {
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (a !== b && !out.has(key)) out.set(key, strength);
  }
  return out;
}

/** A path's warmth as the product of its strengths, multiplied from the source on. */
export function productOf(
  index: PathIndex,
  strengths: Map<string, number>,
  nodes: readonly number[],
): number {
  let product = 1;
  for (let i = 0; i + 1 < nodes.length; i++) {
    const [a, b] = [Number(index.keys[nodes[i]!]), Number(index.keys[nodes[i + 1]!])];
    product *= strengths.get(a < b ? `${a}|${b}` : `${b}|${a}`)!;
  }
  return product;
}

/** Every simple path from the source within maxHops whose only target is its last node, cheapest first. */
export function allPaths(
  index: PathIndex,
  source: number,
  targets: Set<number>,
  maxHops: number,
  exclude: Set<number>,
): { nodes: number[]; cost: number }[] {
  const out: { nodes: number[]; cost: number }[] = [];
  const walk = (path: number[], cost: number) => {
    const here = path[path.length - 1]!;
    if (path.length > 1 && targets.has(here)) return void out.push({ nodes: [...path], cost });
    if (path.length - 1 === maxHops) return;
    for (let e = index.starts[here]!; e < index.ends[here]!; e++) {
      const next = index.targets[e]!;
      if (path.includes(next) || exclude.has(next)) continue;
      walk([...path, next], cost + index.costs[e]!);
    }
  };
  walk([source], 0);
  return out.sort((a, b) => a.cost - b.cost);
}

/** Random small networks: up to 8 people, 22 ties, a source, targets, people to exclude, a bound and k. */
export function networks(strengths: readonly number[], maxHops = { min: 1, max: 5 }) {
  return fc
    .record({
      nodes: fc.integer({ min: 2, max: 8 }),
      edges: fc.array(fc.tuple(fc.nat(7), fc.nat(7), fc.constantFrom(...strengths)), {
        maxLength: 22,
      }),
      source: fc.nat(7),
      targets: fc.uniqueArray(fc.nat(7), { minLength: 1, maxLength: 2 }),
      exclude: fc.uniqueArray(fc.nat(7), { maxLength: 2 }),
      maxHops: fc.integer(maxHops),
      k: fc.integer({ min: 1, max: 4 }),
    })
    .map((g) => ({
      ...g,
      edges: g.edges.filter(([a, b]) => a < g.nodes && b < g.nodes),
      source: g.source % g.nodes,
      targets: g.targets.map((t) => t % g.nodes),
      exclude: g.exclude.map((x) => x % g.nodes),
    }));
}

/** A generated case as an index, with its source, targets, exclusions and the targets one can reach. */
export function caseOf(g: {
  nodes: number;
  edges: EdgeList;
  source: number;
  targets: number[];
  exclude: number[];
}) {
  const index = indexOf(g.nodes, g.edges);
  const s = node(index, g.source);
  const targets = new Set(g.targets.map((t) => node(index, t)));
  const exclude = new Set(g.exclude.map((x) => node(index, x)));
  exclude.delete(s);
  const reachable = new Set([...targets].filter((t) => t !== s && !exclude.has(t)));
  return { index, s, targets, exclude, reachable };
}
