import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { UndirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { brokers } from "../src/graph/analytics/brokers.js";
import { communities } from "../src/graph/analytics/communities.js";
import { buildPathIndex } from "../src/graph/paths/path-index.js";
import { coverage, topConnectors } from "../src/graph/analytics/connectors-and-coverage.js";
import { reach } from "../src/graph/analytics/reach.js";
import { SqliteStore } from "../src/graph/index.js";
import { NetworkProjection } from "../src/graph/projection/network-projection.js";

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
    const g = graphOf([["s", "a", 0.9], ["a", "b", 0.9], ["s", "c", 0.2], ["c", "d", 0.2], ["b", "e", 0.9], ["e", "far", 0.9]]);
    expect(reach(g, "s")).toEqual([
      { hops: 1, people: 2, warm: 1 },
      { hops: 2, people: 2, warm: 1 },
      { hops: 3, people: 1, warm: 1 },
    ]);
    expect(reach(g, "s", { maxHops: 4, warmThreshold: 0.7 }).map((l) => l.warm)).toEqual([1, 1, 1, 0]);
  });

  it("splits Zachary's karate club into communities that separate its two leaders, and finds the bridges", () => {
    const edges = readFileSync(new URL("../../shared/data/graphs/karate.edges.txt", import.meta.url), "utf8")
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
    const g = graphOf([["a1", "a2", 1], ["a2", "a3", 1], ["a1", "a3", 1], ["a3", "bridge", 1], ["bridge", "b1", 1], ["b1", "b2", 1], ["b2", "b3", 1], ["b1", "b3", 1]]);
    const exact = brokers(buildPathIndex(g));
    expect(exact[0]).toEqual({ personId: "bridge", score: 9 });
    expect(exact.map((b) => b.personId).slice(0, 3).sort()).toEqual(["a3", "b1", "bridge"]);
    expect(brokers(buildPathIndex(g), { sample: 4, seed: 3 })[0]!.personId).toMatch(/bridge|a3|b1/);
  });

  it("finds who lies on the most best paths, and which target organizations have a path", async () => {
    const store = new SqliteStore({ path: ":memory:" });
    await store.init();
    const owner = `an-${randomUUID()}`;
    const me = (await store.ensureOwner(owner, { name: "Me" })).id;
    const p = async (name: string) => (await store.create(owner, "person", { name })).id;
    const [ann, bob, t1, t2, lone] = [await p("Ann"), await p("Bob"), await p("T1"), await p("T2"), await p("Lone")];
    for (const [a, b, s] of [[me, ann, 0.9], [ann, t1, 0.8], [ann, t2, 0.7], [me, bob, 0.6], [bob, t2, 0.9]] as const) await store.create(owner, "tie", { personA: a, personB: b, strength: s });
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
});
