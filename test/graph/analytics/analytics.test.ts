import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { DirectedGraph, MultiGraph, MultiUndirectedGraph, UndirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { ErrorCode, WarmpathError } from "../../../src/errors.js";
import { brokers } from "../../../src/graph/analytics/brokers.js";
import { communities } from "../../../src/graph/analytics/communities.js";
import { buildPathIndex } from "../../../src/graph/path-index/path-index.js";
import { coverage, topConnectors } from "../../../src/graph/analytics/connectors-and-coverage.js";
import { reach } from "../../../src/graph/analytics/reach.js";
import { SqliteStore } from "../../../src/sqlite.js";
import { NetworkProjection } from "../../../src/graph/projection/network-projection.js";

function graphOf(edges: [string, string, number][]) {
  const g = new UndirectedGraph();
  for (const [a, b, strength] of edges) {
    g.mergeNode(a);
    g.mergeNode(b);
    if (!g.hasEdge(a, b)) g.addEdge(a, b, { strength });
  }
  return g;
}

describe("network analytics", () => {
  it("counts the people 1, 2 and 3 ties away, and how many of them warmly", () => {
    const g = graphOf([
      ["s", "a", 0.9],
      ["a", "b", 0.9],
      ["s", "c", 0.2],
      ["c", "d", 0.2],
      ["b", "e", 0.9],
      ["e", "far", 0.9],
    ]);
    expect(reach(g, "s")).toEqual([
      { hops: 1, people: 2, warm: 1 },
      { hops: 2, people: 2, warm: 1 },
      { hops: 3, people: 1, warm: 1 },
    ]);
    expect(reach(g, "s", { maxHops: 4, warmThreshold: 0.7 }).map((l) => l.warm)).toEqual([
      1, 1, 1, 0,
    ]);
  });

  it("splits Zachary's karate club into communities that separate its two leaders, and finds the bridges", () => {
    const edges = readFileSync(
      new URL("../../fixtures/graphs/karate.edges.txt", import.meta.url),
      "utf8",
    )
      .trim()
      .split("\n")
      .map((line) => line.trim().split(/\s+/) as [string, string])
      .map(([a, b]) => [a, b, 1] as [string, string, number]);
    const g = graphOf(edges);
    const first = communities(g);
    expect(first.communities.flatMap((c) => c.members).sort()).toEqual(g.nodes().sort());
    expect(first.communities.length).toBeGreaterThanOrEqual(2);
    expect(first.communities.length).toBeLessThanOrEqual(6);
    const of = (node: string) => first.communities.find((c) => c.members.includes(node))!.id;
    expect(of("1")).not.toBe(of("34"));
    expect(first.bridges.length).toBeGreaterThan(0);
    for (const bridge of first.bridges) expect(of(bridge.a)).not.toBe(of(bridge.b));
    expect(communities(g)).toEqual(first);
  });

  it("ranks brokers by betweenness: the person joining two groups comes first, exactly or sampled", () => {
    // Two triangles joined through "bridge": every path between them passes through it.
    const g = graphOf([
      ["a1", "a2", 1],
      ["a2", "a3", 1],
      ["a1", "a3", 1],
      ["a3", "bridge", 1],
      ["bridge", "b1", 1],
      ["b1", "b2", 1],
      ["b2", "b3", 1],
      ["b1", "b3", 1],
    ]);
    const exact = brokers(buildPathIndex(g));
    expect(exact[0]).toEqual({ personId: "bridge", score: 9 });
    expect(
      exact
        .map((b) => b.personId)
        .slice(0, 3)
        .sort(),
    ).toEqual(["a3", "b1", "bridge"]);
    expect(brokers(buildPathIndex(g), { sample: 4, seed: 3 })[0]!.personId).toMatch(/bridge|a3|b1/);
  });

  it("finds who lies on the most best paths, and which target organizations have a path", async () => {
    const store = new SqliteStore({ path: ":memory:" });
    await store.init();
    const owner = `an-${randomUUID()}`;
    const me = (await store.ensureOwner(owner, { name: "Me" })).id;
    const p = async (name: string) => (await store.create(owner, "person", { name })).id;
    const [ann, bob, t1, t2, lone] = [
      await p("Ann"),
      await p("Bob"),
      await p("T1"),
      await p("T2"),
      await p("Lone"),
    ];
    for (const [a, b, s] of [
      [me, ann, 0.9],
      [ann, t1, 0.8],
      [ann, t2, 0.7],
      [me, bob, 0.6],
      [bob, t2, 0.9],
    ] as const)
      await store.create(owner, "tie", { personA: a, personB: b, strength: s });
    const acme = await store.create(owner, "organization", { name: "Acme" });
    const nowhere = await store.create(owner, "organization", { name: "Nowhere" });
    await store.create(owner, "employment", { personId: t2, organizationId: acme.id });
    await store.create(owner, "employment", { personId: lone, organizationId: nowhere.id });
    const projection = await NetworkProjection.load(store, owner);
    const connectors = await topConnectors(projection, [{ personId: t1 }, { personId: t2 }]);
    // Paths: to T1 via Ann, and via Bob > T2 > Ann (the second introducer); to T2 via Ann and via Bob.
    expect(connectors.map((c) => [c.personId, c.paths])).toEqual([
      [ann, 3],
      [bob, 2],
      [t2, 1],
    ]);
    const covered = await coverage(projection, [acme.id, nowhere.id]);
    expect(covered[0]!.path?.people.at(-1)).toBe(t2);
    expect(covered[1]).toMatchObject({ organizationId: nowhere.id, path: null });
    expect(covered[1]!.noPathReason).toMatch(/no warm path to anyone at Nowhere/);
    await store.close();
  });

  it("refuses brokers' sample and limit unless whole numbers from 1, with BAD_USER_INPUT on the option", () => {
    const g = graphOf([
      ["a", "b", 1],
      ["b", "c", 1],
    ]);
    for (const [field, value] of [
      ["sample", 0],
      ["sample", -3],
      ["sample", 2.5],
      ["sample", Number.NaN],
      ["limit", 0],
      ["limit", 1.5],
    ] as const) {
      expect(codeOf(() => brokers(g, { [field]: value }))).toEqual([
        ErrorCode.BAD_USER_INPUT,
        field,
      ]);
    }
    expect(brokers(g, { sample: 3 }).map((b) => b.personId)).toEqual(["b"]);
  });

  it("counts parallel ties of a multigraph once: brokers equal those of the same network without repeats (property)", () => {
    const people = ["a", "b", "c", "d", "e", "f", "g"];
    const multi = fc.array(
      fc.tuple(
        fc.constantFrom(...people),
        fc.constantFrom(...people),
        fc.integer({ min: 1, max: 3 }),
      ),
      { maxLength: 16 },
    );
    fc.assert(
      fc.property(multi, (edges) => {
        const [repeated, once] = [new MultiUndirectedGraph(), new UndirectedGraph()];
        for (const [a, b, copies] of edges) {
          if (a === b) continue;
          for (const g of [repeated, once]) [a, b].forEach((x) => g.mergeNode(x));
          for (let i = 0; i < copies; i++) repeated.addEdge(a, b, { strength: 0.5 });
          once.mergeEdge(a, b, { strength: 0.5 });
        }
        expect(brokers(repeated, { limit: 100 })).toEqual(brokers(once, { limit: 100 }));
      }),
    );
    const bridged = new MultiUndirectedGraph();
    for (const [a, b] of [
      ["a1", "a2"],
      ["a2", "a3"],
      ["a1", "a3"],
      ["a3", "bridge"],
      ["a3", "bridge"],
      ["bridge", "b1"],
      ["b1", "b2"],
      ["b1", "b2"],
      ["b2", "b3"],
      ["b1", "b3"],
    ]) {
      bridged.mergeNode(a!);
      bridged.mergeNode(b!);
      bridged.addEdge(a, b, { strength: 1 });
    }
    expect(brokers(bridged)[0]).toEqual({ personId: "bridge", score: 9 });
  });

  it("refuses a directed or mixed graph with BAD_USER_INPUT on graph, and reads it both ways only when asked", () => {
    const directed = new DirectedGraph();
    const mixed = new MultiGraph();
    for (const g of [directed, mixed]) {
      ["a", "b", "c"].forEach((x) => g.addNode(x));
      g.addDirectedEdge("a", "b", { strength: 0.9 });
      g.addDirectedEdge("c", "b", { strength: 0.8 });
    }
    const undirected = graphOf([
      ["a", "b", 0.9],
      ["c", "b", 0.8],
    ]);
    for (const g of [directed, mixed]) {
      expect(codeOf(() => reach(g, "a"))).toEqual([ErrorCode.BAD_USER_INPUT, "graph"]);
      expect(codeOf(() => communities(g))).toEqual([ErrorCode.BAD_USER_INPUT, "graph"]);
      expect(codeOf(() => brokers(g))).toEqual([ErrorCode.BAD_USER_INPUT, "graph"]);
      // Asked to, each edge is a tie both ways: c reaches a through b although no edge points from b to a.
      expect(reach(g, "c", { treatAsUndirected: true })).toEqual(reach(undirected, "c"));
      expect(communities(g, { treatAsUndirected: true })).toEqual(communities(undirected));
      expect(brokers(g, { treatAsUndirected: true })).toEqual(brokers(undirected));
    }
    // A mixed graph holding undirected edges only means what an undirected one means.
    const mixedUndirected = new MultiGraph();
    ["a", "b", "c"].forEach((x) => mixedUndirected.addNode(x));
    mixedUndirected.addUndirectedEdge("a", "b", { strength: 0.9 });
    mixedUndirected.addUndirectedEdge("c", "b", { strength: 0.8 });
    expect(reach(mixedUndirected, "c")).toEqual(reach(undirected, "c"));
  });

  it("finds communities on a multigraph as on the same network without repeats, each pair at its strongest tie", () => {
    const repeated = new MultiUndirectedGraph();
    const once = graphOf([
      ["a", "b", 0.9],
      ["b", "c", 0.9],
      ["a", "c", 0.9],
      ["c", "d", 0.2],
      ["d", "e", 0.9],
      ["e", "f", 0.9],
      ["d", "f", 0.9],
    ]);
    once.forEachEdge((_e, attributes, a, b) => {
      [a, b].forEach((x) => repeated.mergeNode(x));
      repeated.addEdge(a, b, attributes);
      repeated.addEdge(a, b, { strength: 0.1 });
    });
    expect(communities(repeated)).toEqual(communities(once));
  });
});

/** The code and field of the WarmpathError a call throws. */
function codeOf(call: () => unknown): [string, string | undefined] | "no error" {
  try {
    call();
  } catch (e) {
    expect(e).toBeInstanceOf(WarmpathError);
    return [(e as WarmpathError).code, (e as WarmpathError).field];
  }
  return "no error";
}
