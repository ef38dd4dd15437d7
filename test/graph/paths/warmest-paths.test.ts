import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ErrorCode, WarmpathError } from "../../../src/errors.js";
import type { PathIndex } from "../../../src/graph/path-index/path-index.js";
import { fewestHopsPath } from "../../../src/graph/paths/shortest-path.js";
import {
  edgeCost,
  MAX_HOPS_LIMIT,
  warmestPaths,
  type FoundPath,
} from "../../../src/graph/paths/warmest-paths.js";
import { allPaths, caseOf, indexOf, networks, node } from "../../support/path-oracle.js";

const graphs = networks([1, 1, 1, 0.9, 0.75, 0.5, 0.3, 0.1, 0.05]);

function checkPath(
  index: PathIndex,
  path: FoundPath,
  source: number,
  targets: Set<number>,
  maxHops: number,
  exclude: Set<number>,
) {
  expect(path.nodes[0]).toBe(source);
  expect(targets.has(path.nodes.at(-1)!)).toBe(true);
  expect(new Set(path.nodes).size).toBe(path.nodes.length);
  expect(path.nodes.length - 1).toBeLessThanOrEqual(maxHops);
  for (const x of path.nodes.slice(1)) expect(exclude.has(x)).toBe(false);
  let cost = 0;
  for (let i = 0; i + 1 < path.nodes.length; i++)
    cost += edgeCost(index, path.nodes[i]!, path.nodes[i + 1]!);
  expect(path.cost).toBeCloseTo(cost, 9);
  expect(path.warmth).toBeCloseTo(Math.exp(-cost), 9);
}

describe("warmest paths", () => {
  it("rejects hop limits, k and minWarmth out of range, with BAD_USER_INPUT on the option", () => {
    const index = indexOf(2, [[0, 1, 0.5]]);
    const fieldOf = (options: object) => {
      try {
        warmestPaths(index, 0, [1], options);
      } catch (e) {
        expect(e).toBeInstanceOf(WarmpathError);
        expect((e as WarmpathError).code).toBe(ErrorCode.BAD_USER_INPUT);
        return (e as WarmpathError).field;
      }
      return "accepted";
    };
    expect(fieldOf({ maxHops: 0 })).toBe("maxHops");
    expect(fieldOf({ maxHops: 13 })).toBe("maxHops");
    expect(fieldOf({ maxHops: 2.5 })).toBe("maxHops");
    expect(fieldOf({ k: 0 })).toBe("k");
    expect(fieldOf({ minWarmth: 2 })).toBe("minWarmth");
    expect(fieldOf({ minWarmth: Number.NaN })).toBe("minWarmth");
    expect(MAX_HOPS_LIMIT).toBe(12);
    expect(fieldOf({ maxHops: 12 })).toBe("accepted");
  });

  it("prefers a strong three-hop chain to a weak two-hop one", () => {
    // 0 - 1 - 4 is short but cold (0.1 * 0.1); 0 - 2 - 3 - 4 is longer and warm (0.9^3).
    const index = indexOf(5, [
      [0, 1, 0.1],
      [1, 4, 0.1],
      [0, 2, 0.9],
      [2, 3, 0.9],
      [3, 4, 0.9],
    ]);
    const [best] = warmestPaths(index, node(index, 0), [node(index, 4)], { k: 1 });
    expect(best!.nodes.map((i) => index.keys[i])).toEqual(["0", "2", "3", "4"]);
    expect(best!.warmth).toBeCloseTo(0.729);
    // With at most two ties, only the cold path remains: the hop bound is exact, not a cut-off Dijkstra.
    const [short] = warmestPaths(index, node(index, 0), [node(index, 4)], { k: 1, maxHops: 2 });
    expect(short!.nodes.map((i) => index.keys[i])).toEqual(["0", "1", "4"]);
  });

  it("finds the path a cut-off Dijkstra misses: the cheapest way to a middle node uses too many hops", () => {
    // Cheapest to 3 is 0-1-2-3 (3 hops); with maxHops 3 the target 4 needs 3 reached in 2 hops (0-5-3).
    const index = indexOf(6, [
      [0, 1, 1],
      [1, 2, 1],
      [2, 3, 1],
      [0, 5, 0.5],
      [5, 3, 0.5],
      [3, 4, 0.9],
    ]);
    for (const diverseIntroducers of [true, false]) {
      const [best] = warmestPaths(index, node(index, 0), [node(index, 4)], {
        k: 1,
        maxHops: 3,
        diverseIntroducers,
      });
      expect(best!.nodes.map((i) => index.keys[i])).toEqual(["0", "5", "3", "4"]);
    }
    // The same trap seen from the target: the cheapest way from 4 back to 3 (4-1-2-3) is too long to go on to 7.
    const reverse = indexOf(8, [
      [4, 1, 1],
      [1, 2, 1],
      [2, 3, 1],
      [4, 6, 0.5],
      [6, 3, 0.5],
      [3, 7, 0.9],
      [7, 0, 0.9],
    ]);
    for (const diverseIntroducers of [true, false]) {
      const [best] = warmestPaths(reverse, node(reverse, 0), [node(reverse, 4)], {
        k: 1,
        maxHops: 4,
        diverseIntroducers,
      });
      expect(best?.nodes.map((i) => reverse.keys[i])).toEqual(["0", "7", "3", "6", "4"]);
    }
  });

  it("says nothing rather than inventing a path when there is none within the limits", () => {
    const index = indexOf(4, [
      [0, 1, 0.9],
      [1, 2, 0.9],
      [2, 3, 0.9],
    ]);
    expect(warmestPaths(index, node(index, 0), [node(index, 3)], { maxHops: 2 })).toEqual([]);
    expect(
      warmestPaths(index, node(index, 0), [node(index, 3)], { exclude: [node(index, 2)] }),
    ).toEqual([]);
    expect(warmestPaths(index, node(index, 0), [node(index, 0)])).toEqual([]);
  });

  it("finds the warmest path exactly: the same cost as the best of all simple paths (property)", () => {
    fc.assert(
      fc.property(graphs, (g) => {
        const { index, s, targets, exclude, reachable } = caseOf(g);
        const oracle = allPaths(index, s, reachable, g.maxHops, exclude);
        for (const diverseIntroducers of [true, false]) {
          const found = warmestPaths(index, s, targets, {
            maxHops: g.maxHops,
            k: 1,
            diverseIntroducers,
            exclude: [...exclude],
          });
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
        const found = warmestPaths(index, s, targets, {
          maxHops: g.maxHops,
          k: g.k,
          diverseIntroducers: false,
          exclude: [...exclude],
        });
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
        const found = warmestPaths(index, s, targets, {
          maxHops: g.maxHops,
          k: g.k,
          exclude: [...exclude],
        });
        const bestPerIntroducer = new Map<number, number>();
        for (const p of allPaths(index, s, reachable, g.maxHops, exclude))
          if (!bestPerIntroducer.has(p.nodes[1]!)) bestPerIntroducer.set(p.nodes[1]!, p.cost);
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

  it("finds the best path of each first introducer to anyone of many targets, as brute force does (property)", () => {
    // Many targets make the search meet them two ties on from the first introducers.
    const many = fc.record({
      g: graphs,
      targets: fc.uniqueArray(fc.nat(7), { minLength: 3, maxLength: 8 }),
      firstOnly: fc.uniqueArray(fc.nat(7), { maxLength: 2 }),
    });
    fc.assert(
      fc.property(many, ({ g, targets: keys, firstOnly: only }) => {
        const { index, s, targets, exclude, reachable } = caseOf({
          ...g,
          targets: keys.map((t) => t % g.nodes),
        });
        const firstOnly = only.filter((x) => x < g.nodes).map((x) => node(index, x));
        const bestPerIntroducer = new Map<number, number>();
        for (const p of allPaths(index, s, reachable, g.maxHops, exclude))
          if (p.nodes.every((x, i) => i <= 1 || !firstOnly.includes(x)))
            if (!bestPerIntroducer.has(p.nodes[1]!)) bestPerIntroducer.set(p.nodes[1]!, p.cost);
        const oracle = [...bestPerIntroducer.values()].sort((a, b) => a - b).slice(0, g.k);
        const found = warmestPaths(index, s, targets, {
          maxHops: g.maxHops,
          k: g.k,
          exclude: [...exclude],
          firstOnly,
        });
        expect(found.map((p) => p.cost)).toHaveLength(oracle.length);
        found.forEach((p, i) => {
          checkPath(index, p, s, reachable, g.maxHops, exclude);
          expect(p.cost).toBeCloseTo(oracle[i]!, 9);
        });
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps first-only nodes right after the source: the k warmest paths equal brute force's among those, in every mode (property)", () => {
    const withFirstOnly = fc.record({
      g: graphs,
      firstOnly: fc.uniqueArray(fc.nat(7), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(withFirstOnly, ({ g, firstOnly: keys }) => {
        const { index, s, targets, exclude, reachable } = caseOf(g);
        const firstOnly = keys.filter((x) => x < g.nodes).map((x) => node(index, x));
        const allowed = allPaths(index, s, reachable, g.maxHops, exclude).filter((p) =>
          p.nodes.every((x, i) => i <= 1 || !firstOnly.includes(x)),
        );
        const options = { maxHops: g.maxHops, k: g.k, exclude: [...exclude], firstOnly };
        const yen = warmestPaths(index, s, targets, { ...options, diverseIntroducers: false });
        expect(yen.map((p) => p.cost)).toHaveLength(Math.min(g.k, allowed.length));
        yen.forEach((p, i) => {
          checkPath(index, p, s, reachable, g.maxHops, exclude);
          expect(p.nodes.slice(2).some((x) => firstOnly.includes(x))).toBe(false);
          expect(p.cost).toBeCloseTo(allowed[i]!.cost, 9);
        });
        const bestPerIntroducer = new Map<number, number>();
        for (const p of allowed)
          if (!bestPerIntroducer.has(p.nodes[1]!)) bestPerIntroducer.set(p.nodes[1]!, p.cost);
        const oracle = [...bestPerIntroducer.values()].sort((a, b) => a - b).slice(0, g.k);
        const diverse = warmestPaths(index, s, targets, options);
        expect(diverse.map((p) => p.cost)).toHaveLength(oracle.length);
        diverse.forEach((p, i) => {
          checkPath(index, p, s, reachable, g.maxHops, exclude);
          expect(p.nodes.slice(2).some((x) => firstOnly.includes(x))).toBe(false);
          expect(p.cost).toBeCloseTo(oracle[i]!, 9);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it("finds the k warmest paths exactly up to 12 ties, in every mode (property)", () => {
    // A chain long enough that the warmest path needs many ties, with a few random shortcuts.
    const longNetworks = fc.record({
      nodes: fc.integer({ min: 8, max: 14 }),
      chain: fc.array(fc.constantFrom(1, 0.95, 0.9, 0.8), { minLength: 13, maxLength: 13 }),
      shortcuts: fc.array(fc.tuple(fc.nat(13), fc.nat(13), fc.constantFrom(0.3, 0.1, 0.05, 0.02)), {
        maxLength: 8,
      }),
      maxHops: fc.integer({ min: 5, max: 12 }),
      k: fc.integer({ min: 1, max: 3 }),
    });
    fc.assert(
      fc.property(longNetworks, (g) => {
        const edges: [number, number, number][] = [
          ...g.chain
            .slice(0, g.nodes - 1)
            .map((strength, i) => [i, i + 1, strength] as [number, number, number]),
          ...g.shortcuts.filter(([a, b]) => a < g.nodes && b < g.nodes),
        ];
        const { index, s, targets, exclude, reachable } = caseOf({
          nodes: g.nodes,
          edges,
          source: 0,
          targets: [g.nodes - 1],
          exclude: [],
        });
        const oracle = allPaths(index, s, reachable, g.maxHops, exclude);
        const found = warmestPaths(index, s, targets, {
          maxHops: g.maxHops,
          k: g.k,
          diverseIntroducers: false,
        });
        expect(found.map((p) => p.cost)).toHaveLength(Math.min(g.k, oracle.length));
        found.forEach((p, i) => expect(p.cost).toBeCloseTo(oracle[i]!.cost, 9));
        const [best] = warmestPaths(index, s, targets, { maxHops: g.maxHops, k: g.k });
        if (oracle.length === 0) expect(best).toBeUndefined();
        else expect(best!.cost).toBeCloseTo(oracle[0]!.cost, 9);
      }),
      { numRuns: 300 },
    );
  });

  it("gives no path to the source itself, in every mode, and still the paths to the other targets", () => {
    const index = indexOf(3, [
      [0, 1, 0.9],
      [1, 2, 0.8],
    ]);
    const [s, t] = [node(index, 0), node(index, 2)];
    for (const options of [
      {},
      { k: 1 },
      { diverseIntroducers: false },
      { maxHops: 6 },
      { maxHops: 1 },
    ]) {
      expect(warmestPaths(index, s, [s], options)).toEqual([]);
    }
    expect(warmestPaths(index, s, [s, t]).map((p) => p.nodes)).toEqual([[s, node(index, 1), t]]);
    // The fewest-ties path from a person to themselves is the zero-tie path.
    expect(fewestHopsPath(index, s, s, 4)).toEqual([s]);
  });

  it("drops paths colder than minWarmth", () => {
    const index = indexOf(4, [
      [0, 1, 0.9],
      [1, 3, 0.9],
      [0, 2, 0.2],
      [2, 3, 0.2],
    ]);
    const found = warmestPaths(index, node(index, 0), [node(index, 3)], { minWarmth: 0.5 });
    expect(found.map((p) => p.nodes.map((i) => index.keys[i]).join("-"))).toEqual(["0-1-3"]);
  });
});
