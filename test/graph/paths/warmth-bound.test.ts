import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reach } from "../../../src/graph/analytics/reach.js";
import { warmestPaths, type WarmestPathsOptions } from "../../../src/graph/paths/warmest-paths.js";
import {
  allPaths,
  caseOf,
  indexOf,
  networks,
  node,
  productOf,
  strengthsOf,
} from "../../support/path-oracle.js";

/** Every search mode: meet in the middle (2-4 ties), label-setting (1, or 5 and more), Yen (not diverse, k > 1). */
const MODES: WarmestPathsOptions[] = [
  { maxHops: 4 },
  { maxHops: 2, k: 1 },
  { maxHops: 1 },
  { maxHops: 6 },
  { maxHops: 4, diverseIntroducers: false },
  { maxHops: 6, diverseIntroducers: false },
];

// Ratings people type, most of which do not survive exp(-(-ln s)) bit for bit.
const TYPED = [0.3, 0.7, 0.1, 0.9, 0.6, 0.45, 0.07, 0.35, 0.15, 0.03, 1];
const pct = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);

describe("minWarmth at its boundary", () => {
  it("keeps a one-tie path whose strength equals minWarmth, for every strength 0.01 to 0.99, in every mode", () => {
    for (const strength of pct) {
      const index = indexOf(2, [[0, 1, strength]]);
      for (const mode of MODES)
        expect(
          warmestPaths(index, node(index, 0), [node(index, 1)], { ...mode, minWarmth: strength }),
          `${strength}`,
        ).toHaveLength(1);
    }
  });

  it("keeps a two-tie path whose product of strengths equals minWarmth, for all 99 x 99 products, in every mode", () => {
    const dropped: string[] = [];
    for (const a of pct) {
      for (const b of pct) {
        const index = indexOf(3, [
          [0, 1, a],
          [1, 2, b],
        ]);
        for (const mode of MODES.filter((m) => m.maxHops! >= 2)) {
          if (
            warmestPaths(index, node(index, 0), [node(index, 2)], { ...mode, minWarmth: a * b })
              .length !== 1
          )
            dropped.push(`${a} x ${b} ${JSON.stringify(mode)}`);
        }
      }
    }
    expect(dropped).toEqual([]);
  });

  it("still drops a path colder than minWarmth by a rating's worth", () => {
    const index = indexOf(3, [
      [0, 1, 0.3],
      [1, 2, 0.3],
    ]);
    for (const mode of MODES)
      expect(
        warmestPaths(index, node(index, 0), [node(index, 2)], { ...mode, minWarmth: 0.0901 }),
      ).toEqual([]);
  });

  it("keeps the path that sets minWarmth (or one as warm), and exactly the oracle's paths, in every mode (property)", () => {
    fc.assert(
      fc.property(networks(TYPED, { min: 1, max: 6 }), fc.nat(), (g, pick) => {
        const { index, s, targets, exclude, reachable } = caseOf(g);
        const oracle = allPaths(index, s, reachable, g.maxHops, exclude);
        if (oracle.length === 0) return;
        const strengths = strengthsOf(g.edges);
        const warmthOf = (nodes: number[]) => productOf(index, strengths, nodes);
        const chosen = oracle[pick % oracle.length]!;
        const minWarmth = warmthOf(chosen.nodes);
        // The documented rule: as warm as minWarmth means a product within a relative 1e-9 of it.
        const kept = oracle.filter((p) => warmthOf(p.nodes) >= minWarmth * (1 - 1e-9));
        expect(kept).toContain(chosen);
        for (const diverseIntroducers of [true, false]) {
          const found = warmestPaths(index, s, targets, {
            maxHops: g.maxHops,
            k: g.k,
            diverseIntroducers,
            exclude: [...exclude],
            minWarmth,
          });
          const expected = diverseIntroducers ? bestPerIntroducer(kept) : kept.map((p) => p.cost);
          expect(found).toHaveLength(Math.min(g.k, expected.length));
          found.forEach((p, i) => expect(p.cost).toBeCloseTo(expected[i]!, 9));
          // The chosen path ranks among the k kept; so a path at least as warm is returned.
          if (expected.filter((c) => c < chosen.cost - 1e-9).length < g.k)
            expect(found.some((p) => p.cost <= chosen.cost + 1e-9)).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("counts a person reached exactly at the warm threshold as warm", () => {
    const index = indexOf(3, [
      [0, 1, 0.7],
      [1, 2, 0.1],
    ]);
    expect(reach(index, "0", { maxHops: 2, warmThreshold: 0.7 * 0.1 })).toEqual([
      { hops: 1, people: 1, warm: 1 },
      { hops: 2, people: 1, warm: 1 },
    ]);
  });
});

function bestPerIntroducer(paths: { nodes: number[]; cost: number }[]): number[] {
  const best = new Map<number, number>();
  for (const p of paths) if (!best.has(p.nodes[1]!)) best.set(p.nodes[1]!, p.cost);
  return [...best.values()].sort((a, b) => a - b);
}
