import fc from "fast-check";
import { UndirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { buildPathIndex, type PathIndex } from "../src/graph/paths/path-index.js";
import { edgeCost, warmestPaths, type FoundPath } from "../src/graph/paths/warmest-paths.js";

/** Builds an index from an edge list of [a, b, strength]. */
function indexOf(nodes: number, edges: [number, number, number][]): PathIndex {
  const graph = new UndirectedGraph();
  for (let i = 0; i < nodes; i++) graph.addNode(String(i));
  for (const [a, b, strength] of edges) if (a !== b && !graph.hasEdge(String(a), String(b))) graph.addEdge(String(a), String(b), { strength });
  return buildPathIndex(graph);
}
const node = (index: PathIndex, key: number) => index.indexOf.get(String(key))!;

/** The oracle: every simple path from the source within maxHops whose only target is its last node. */
function allPaths(index: PathIndex, source: number, targets: Set<number>, maxHops: number, exclude: Set<number>): { nodes: number[]; cost: number }[] {
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

const graphs = fc
  .record({
    nodes: fc.integer({ min: 2, max: 8 }),
    edges: fc.array(fc.tuple(fc.nat(7), fc.nat(7), fc.constantFrom(1, 1, 1, 0.9, 0.75, 0.5, 0.3, 0.1, 0.05)), { maxLength: 22 }),
    source: fc.nat(7),
    targets: fc.uniqueArray(fc.nat(7), { minLength: 1, maxLength: 2 }),
    exclude: fc.uniqueArray(fc.nat(7), { maxLength: 2 }),
    maxHops: fc.integer({ min: 1, max: 5 }),
    k: fc.integer({ min: 1, max: 4 }),
  })
  .map((g) => ({ ...g, edges: g.edges.filter(([a, b]) => a < g.nodes && b < g.nodes), source: g.source % g.nodes, targets: g.targets.map((t) => t % g.nodes), exclude: g.exclude.map((x) => x % g.nodes) }));

/** A generated case as an index, with its source, targets, exclusions and the targets one can reach. */
function caseOf(g: { nodes: number; edges: [number, number, number][]; source: number; targets: number[]; exclude: number[] }) {
  const index = indexOf(g.nodes, g.edges);
  const s = node(index, g.source);
  const targets = new Set(g.targets.map((t) => node(index, t)));
  const exclude = new Set(g.exclude.map((x) => node(index, x)));
  exclude.delete(s);
  const reachable = new Set([...targets].filter((t) => t !== s && !exclude.has(t)));
  return { index, s, targets, exclude, reachable };
}

function checkPath(index: PathIndex, path: FoundPath, source: number, targets: Set<number>, maxHops: number, exclude: Set<number>) {
  expect(path.nodes[0]).toBe(source);
  expect(targets.has(path.nodes.at(-1)!)).toBe(true);
  expect(new Set(path.nodes).size).toBe(path.nodes.length);
  expect(path.nodes.length - 1).toBeLessThanOrEqual(maxHops);
  for (const x of path.nodes.slice(1)) expect(exclude.has(x)).toBe(false);
  let cost = 0;
  for (let i = 0; i + 1 < path.nodes.length; i++) cost += edgeCost(index, path.nodes[i]!, path.nodes[i + 1]!);
  expect(path.cost).toBeCloseTo(cost, 9);
  expect(path.warmth).toBeCloseTo(Math.exp(-cost), 9);
}

describe("warmest paths", () => {
  it("rejects hop limits, k and minWarmth out of range", () => {
    const index = indexOf(2, [[0, 1, 0.5]]);
    expect(() => warmestPaths(index, 0, [1], { maxHops: 0 })).toThrow(/maxHops/);
    expect(() => warmestPaths(index, 0, [1], { maxHops: 9 })).toThrow(/maxHops/);
    expect(() => warmestPaths(index, 0, [1], { k: 0 })).toThrow(/k must/);
    expect(() => warmestPaths(index, 0, [1], { minWarmth: 2 })).toThrow(/minWarmth/);
  });

  it("prefers a strong three-hop chain to a weak two-hop one", () => {
    // 0 - 1 - 4 is short but cold (0.1 * 0.1); 0 - 2 - 3 - 4 is longer and warm (0.9^3).
    const index = indexOf(5, [[0, 1, 0.1], [1, 4, 0.1], [0, 2, 0.9], [2, 3, 0.9], [3, 4, 0.9]]);
    const [best] = warmestPaths(index, node(index, 0), [node(index, 4)], { k: 1 });
    expect(best!.nodes.map((i) => index.keys[i])).toEqual(["0", "2", "3", "4"]);
    expect(best!.warmth).toBeCloseTo(0.729);
    // With at most two ties, only the cold path remains: the hop bound is exact, not a cut-off Dijkstra.
    const [short] = warmestPaths(index, node(index, 0), [node(index, 4)], { k: 1, maxHops: 2 });
    expect(short!.nodes.map((i) => index.keys[i])).toEqual(["0", "1", "4"]);
  });

  it("finds the path a cut-off Dijkstra misses: the cheapest way to a middle node uses too many hops", () => {
    // Cheapest to 3 is 0-1-2-3 (3 hops); with maxHops 3 the target 4 needs 3 reached in 2 hops (0-5-3).
    const index = indexOf(6, [[0, 1, 1], [1, 2, 1], [2, 3, 1], [0, 5, 0.5], [5, 3, 0.5], [3, 4, 0.9]]);
    for (const diverseIntroducers of [true, false]) {
      const [best] = warmestPaths(index, node(index, 0), [node(index, 4)], { k: 1, maxHops: 3, diverseIntroducers });
      expect(best!.nodes.map((i) => index.keys[i])).toEqual(["0", "5", "3", "4"]);
    }
    // The same trap seen from the target: the cheapest way from 4 back to 3 (4-1-2-3) is too long to go on to 7.
    const reverse = indexOf(8, [[4, 1, 1], [1, 2, 1], [2, 3, 1], [4, 6, 0.5], [6, 3, 0.5], [3, 7, 0.9], [7, 0, 0.9]]);
    for (const diverseIntroducers of [true, false]) {
      const [best] = warmestPaths(reverse, node(reverse, 0), [node(reverse, 4)], { k: 1, maxHops: 4, diverseIntroducers });
      expect(best?.nodes.map((i) => reverse.keys[i])).toEqual(["0", "7", "3", "6", "4"]);
    }
  });

  it("says nothing rather than inventing a path when there is none within the limits", () => {
    const index = indexOf(4, [[0, 1, 0.9], [1, 2, 0.9], [2, 3, 0.9]]);
    expect(warmestPaths(index, node(index, 0), [node(index, 3)], { maxHops: 2 })).toEqual([]);
    expect(warmestPaths(index, node(index, 0), [node(index, 3)], { exclude: [node(index, 2)] })).toEqual([]);
    expect(warmestPaths(index, node(index, 0), [node(index, 0)])).toEqual([]);
  });

  it("finds the warmest path exactly: the same cost as the best of all simple paths (property)", () => {
    fc.assert(
      fc.property(graphs, (g) => {
        const { index, s, targets, exclude, reachable } = caseOf(g);
        const oracle = allPaths(index, s, reachable, g.maxHops, exclude);
        for (const diverseIntroducers of [true, false]) {
          const found = warmestPaths(index, s, targets, { maxHops: g.maxHops, k: 1, diverseIntroducers, exclude: [...exclude] });
          if (oracle.length === 0) expect(found).toEqual([]);
          else expect(found[0]!.cost).toBeCloseTo(oracle[0]!.cost, 9);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("returns k distinct loopless paths, sorted, within the hop limit, equal to the k best by brute force (property)", () => {
    fc.assert(
      fc.property(graphs, (g) => {
        const { index, s, targets, exclude, reachable } = caseOf(g);
        const found = warmestPaths(index, s, targets, { maxHops: g.maxHops, k: g.k, diverseIntroducers: false, exclude: [...exclude] });
        const oracle = allPaths(index, s, reachable, g.maxHops, exclude);
        expect(found.length).toBe(Math.min(g.k, oracle.length));
        expect(new Set(found.map((p) => p.nodes.join(","))).size).toBe(found.length);
        found.forEach((p, i) => {
          checkPath(index, p, s, reachable, g.maxHops, exclude);
          expect(p.cost).toBeCloseTo(oracle[i]!.cost, 9);
          if (i > 0) expect(p.cost).toBeGreaterThanOrEqual(found[i - 1]!.cost - 1e-12);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it("with diverse introducers, gives the best path of each first introducer, never two through one (property)", () => {
    fc.assert(
      fc.property(graphs, (g) => {
        const { index, s, targets, exclude, reachable } = caseOf(g);
        const found = warmestPaths(index, s, targets, { maxHops: g.maxHops, k: g.k, exclude: [...exclude] });
        const bestPerIntroducer = new Map<number, number>();
        for (const p of allPaths(index, s, reachable, g.maxHops, exclude)) if (!bestPerIntroducer.has(p.nodes[1]!)) bestPerIntroducer.set(p.nodes[1]!, p.cost);
        const oracle = [...bestPerIntroducer.values()].sort((a, b) => a - b).slice(0, g.k);
        expect(new Set(found.map((p) => p.nodes[1])).size).toBe(found.length);
        expect(found.map((p) => p.cost)).toHaveLength(oracle.length);
        found.forEach((p, i) => {
          checkPath(index, p, s, reachable, g.maxHops, exclude);
          expect(p.cost).toBeCloseTo(oracle[i]!, 9);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it("drops paths colder than minWarmth", () => {
    const index = indexOf(4, [[0, 1, 0.9], [1, 3, 0.9], [0, 2, 0.2], [2, 3, 0.2]]);
    const found = warmestPaths(index, node(index, 0), [node(index, 3)], { minWarmth: 0.5 });
    expect(found.map((p) => p.nodes.map((i) => index.keys[i]).join("-"))).toEqual(["0-1-3"]);
  });
});
