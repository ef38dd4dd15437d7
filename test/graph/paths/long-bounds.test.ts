import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PathIndex } from "../../../src/graph/path-index/path-index.js";
import { edgeCost, warmestPaths, type FoundPath } from "../../../src/graph/paths/warmest-paths.js";
import { allPaths, caseOf, node, productOf, strengthsOf } from "../../support/path-oracle.js";

// Sparse networks of up to 13 people, so that paths of 6 to 12 ties exist and the bound matters.
const STRENGTHS = [1, 1, 0.95, 0.9, 0.8, 0.6, 0.4, 0.2, 0.05] as const;
const sparse = fc
  .record({
    nodes: fc.integer({ min: 4, max: 13 }),
    chain: fc.array(fc.constantFrom(...STRENGTHS), { minLength: 12, maxLength: 12 }),
    extra: fc.array(fc.tuple(fc.nat(12), fc.nat(12), fc.constantFrom(...STRENGTHS)), {
      maxLength: 12,
    }),
    source: fc.nat(12),
    targets: fc.uniqueArray(fc.nat(12), { minLength: 1, maxLength: 6 }),
    exclude: fc.uniqueArray(fc.nat(12), { maxLength: 2 }),
    firstOnly: fc.uniqueArray(fc.nat(12), { maxLength: 3 }),
    maxHops: fc.oneof(fc.constantFrom(5, 6, 8, 12), fc.integer({ min: 1, max: 12 })),
    k: fc.integer({ min: 1, max: 4 }),
    // Which path sets minWarmth, if any.
    warmthOf: fc.option(fc.nat(), { nil: undefined }),
    // A chain through the people in a shuffled order: long paths, with random shortcuts.
    order: fc.array(fc.nat(1000), { minLength: 13, maxLength: 13 }),
  })
  .map((g) => {
    const order = [...Array(g.nodes).keys()].sort((a, b) => g.order[a]! - g.order[b]! || a - b);
    const edges: [number, number, number][] = [
      ...order.slice(1).map((v, i) => [order[i]!, v, g.chain[i]!] as [number, number, number]),
      ...g.extra.filter(([a, b]) => a < g.nodes && b < g.nodes),
    ];
    const inRange = (xs: number[]) => [...new Set(xs.map((x) => x % g.nodes))];
    return {
      nodes: g.nodes,
      edges,
      source: g.source % g.nodes,
      targets: inRange(g.targets),
      exclude: inRange(g.exclude),
      firstOnly: inRange(g.firstOnly),
      maxHops: g.maxHops,
      k: g.k,
      warmthOf: g.warmthOf,
    };
  });

function checkPath(
  index: PathIndex,
  path: FoundPath,
  source: number,
  targets: Set<number>,
  maxHops: number,
  exclude: Set<number>,
  firstOnly: readonly number[],
) {
  expect(path.nodes[0]).toBe(source);
  expect(targets.has(path.nodes.at(-1)!)).toBe(true);
  expect(new Set(path.nodes).size).toBe(path.nodes.length);
  expect(path.nodes.length - 1).toBeLessThanOrEqual(maxHops);
  for (const x of path.nodes.slice(1)) expect(exclude.has(x)).toBe(false);
  for (const x of path.nodes.slice(2)) expect(firstOnly.includes(x)).toBe(false);
  let cost = 0;
  for (let i = 0; i + 1 < path.nodes.length; i++)
    cost += edgeCost(index, path.nodes[i]!, path.nodes[i + 1]!);
  expect(path.cost).toBeCloseTo(cost, 9);
}

describe("warmest paths on long bounds", () => {
  it("equal brute force at every bound up to 12, in every mode: diverse, Yen's, k = 1, first-only, many targets, minWarmth (property)", () => {
    fc.assert(
      fc.property(sparse, (g) => {
        const { index, s, targets, exclude, reachable } = caseOf(g);
        const firstOnly = g.firstOnly.map((x) => node(index, x));
        const strengths = strengthsOf(g.edges);
        const within = allPaths(index, s, reachable, g.maxHops, exclude).filter((p) =>
          p.nodes.every((x, i) => i <= 1 || !firstOnly.includes(x)),
        );
        // minWarmth from one of the paths: it and any path as warm (within 1e-9) stay.
        const setter = g.warmthOf === undefined ? undefined : within[g.warmthOf % within.length];
        const minWarmth = setter ? productOf(index, strengths, setter.nodes) : 0;
        const allowed = within.filter(
          (p) => productOf(index, strengths, p.nodes) >= minWarmth * (1 - 1e-9),
        );
        const bestPerIntroducer = new Map<number, number>();
        for (const p of allowed)
          if (!bestPerIntroducer.has(p.nodes[1]!)) bestPerIntroducer.set(p.nodes[1]!, p.cost);
        const perIntroducer = [...bestPerIntroducer.values()].sort((a, b) => a - b);
        const base = { maxHops: g.maxHops, exclude: [...exclude], firstOnly, minWarmth };
        const modes: [object, number[]][] = [
          [{ k: g.k }, perIntroducer.slice(0, g.k)],
          [{ k: g.k, diverseIntroducers: false }, allowed.slice(0, g.k).map((p) => p.cost)],
          [{ k: 1 }, allowed.slice(0, 1).map((p) => p.cost)],
          [{ k: 1, diverseIntroducers: false }, allowed.slice(0, 1).map((p) => p.cost)],
        ];
        for (const [mode, oracle] of modes) {
          const found = warmestPaths(index, s, targets, { ...base, ...mode });
          expect(found.map((p) => p.cost)).toHaveLength(oracle.length);
          found.forEach((p, i) => {
            checkPath(index, p, s, reachable, g.maxHops, exclude, firstOnly);
            expect(p.cost).toBeCloseTo(oracle[i]!, 9);
          });
          if ((mode as { diverseIntroducers?: boolean }).diverseIntroducers !== false)
            expect(new Set(found.map((p) => p.nodes[1])).size).toBe(found.length);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("finds the warmest path within 6 and 8 ties when the warmest one overall needs more", () => {
    // A warm chain of 10 ties from 0 to 10, and a colder way of 6 ties (0-11-12-13-14-15-10).
    const edges: [number, number, number][] = [];
    for (let i = 0; i < 10; i++) edges.push([i, i + 1, 0.99]);
    for (const [a, b] of [
      [0, 11],
      [11, 12],
      [12, 13],
      [13, 14],
      [14, 15],
      [15, 10],
    ] as const)
      edges.push([a, b, 0.5]);
    const { index, s, targets } = caseOf({
      nodes: 16,
      edges,
      source: 0,
      targets: [10],
      exclude: [],
    });
    const keys = (p: FoundPath | undefined) => p?.nodes.map((i) => Number(index.keys[i]));
    for (const diverseIntroducers of [true, false]) {
      const [unbounded] = warmestPaths(index, s, targets, {
        k: 1,
        maxHops: 12,
        diverseIntroducers,
      });
      expect(keys(unbounded)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      for (const maxHops of [6, 8]) {
        const [bounded] = warmestPaths(index, s, targets, { k: 1, maxHops, diverseIntroducers });
        expect(keys(bounded)).toEqual([0, 11, 12, 13, 14, 15, 10]);
      }
      expect(warmestPaths(index, s, targets, { k: 1, maxHops: 5, diverseIntroducers })).toEqual([]);
    }
  });
});
