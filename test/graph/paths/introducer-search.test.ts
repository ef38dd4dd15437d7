import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { introducerSearch } from "../../../src/graph/paths/introducer-search.js";
import { warmestPaths } from "../../../src/graph/paths/warmest-paths.js";
import { indexOf, type EdgeList } from "../../support/path-oracle.js";

// The search keeps its labels in arrays reused between queries of one index: these tests check
// that nothing of one query leaks into the next, nor into a search under way at the same time.
const STRENGTHS = [1, 0.95, 0.9, 0.8, 0.6, 0.4, 0.2, 0.05] as const;
const network = fc.record({
  nodes: fc.integer({ min: 6, max: 14 }),
  edges: fc.array(fc.tuple(fc.nat(13), fc.nat(13), fc.constantFrom(...STRENGTHS)), {
    minLength: 8,
    maxLength: 40,
  }),
  queries: fc.array(
    fc.record({
      source: fc.nat(13),
      targets: fc.uniqueArray(fc.nat(13), { minLength: 1, maxLength: 3 }),
      maxHops: fc.integer({ min: 5, max: 12 }),
      k: fc.integer({ min: 1, max: 4 }),
    }),
    { minLength: 2, maxLength: 8 },
  ),
});

const inRange = (nodes: number, edges: EdgeList) =>
  edges.filter(([a, b]) => a < nodes && b < nodes);

/** The first introducers of a source, by their tie's cost (what warmestPaths hands the search). */
function firstCosts(index: ReturnType<typeof indexOf>, source: number) {
  const out = new Map<number, number>();
  for (let e = index.starts[source]!; e < index.ends[source]!; e++)
    out.set(index.targets[e]!, Math.min(out.get(index.targets[e]!) ?? Infinity, index.costs[e]!));
  return out;
}

describe("introducerSearch", () => {
  it("answers queries in a row on one index as each on an index of its own (property)", () => {
    fc.assert(
      fc.property(network, (g) => {
        const edges = inRange(g.nodes, g.edges);
        const shared = indexOf(g.nodes, edges);
        for (const q of g.queries) {
          const fresh = indexOf(g.nodes, edges);
          const [source, targets] = [q.source % g.nodes, q.targets.map((t) => t % g.nodes)];
          const ask = (index: typeof shared) =>
            warmestPaths(
              index,
              index.indexOf.get(String(source))!,
              targets.map((t) => index.indexOf.get(String(t))!),
              { maxHops: q.maxHops, k: q.k },
            ).map((p) => ({ cost: p.cost, people: p.nodes.map((i) => index.keys[i]) }));
          expect(ask(shared)).toEqual(ask(fresh));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("gives two searches of one index run side by side what each gives alone", () => {
    // A ring of 12 with chords: several introducers, paths of up to 6 ties.
    const edges: EdgeList = [];
    for (let i = 0; i < 12; i++) edges.push([i, (i + 1) % 12, i % 3 === 0 ? 0.6 : 0.95]);
    edges.push([0, 6, 0.2], [2, 9, 0.4], [4, 10, 0.8]);
    const index = indexOf(12, edges);
    const node = (key: number) => index.indexOf.get(String(key))!;
    const rules = (source: number) => {
      const banned = new Uint8Array(index.size);
      banned[source] = 1;
      return { banned, maxHops: 8, maxCost: Infinity, count: 3 };
    };
    const run = (source: number, target: number) =>
      introducerSearch(
        index,
        node(source),
        [node(target)],
        firstCosts(index, node(source)),
        rules(node(source)),
      );
    const alone = [[...run(0, 5)], [...run(3, 8)]];
    expect(alone[0]!.length).toBeGreaterThan(1);
    const [a, b] = [run(0, 5), run(3, 8)];
    const together: [unknown[], unknown[]] = [[], []];
    for (let done = false; !done;) {
      const [x, y] = [a.next(), b.next()];
      if (!x.done) together[0].push(x.value);
      if (!y.done) together[1].push(y.value);
      done = !!x.done && !!y.done;
    }
    expect(together).toEqual(alone);
  });
});
