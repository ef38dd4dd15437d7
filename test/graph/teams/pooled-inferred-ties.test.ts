import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NetworkStore } from "../../../src/graph/index.js";
import { pooledId } from "../../../src/graph/teams/pooled-graph.js";
import { buildPooledNetwork } from "../../../src/graph/teams/pooled-network.js";
import { member, memoryStore, Network, TEAM } from "./team-fixture.js";

describe("a teammate's inferred ties", () => {
  let store: NetworkStore;
  beforeAll(async () => {
    store = await memoryStore();
  });
  afterAll(() => store.close());

  it("are not pooled: the projection infers them over hidden contacts too", async () => {
    const rita = await Network.create(store, { name: "Rita", emails: ["rita@team.example"] });
    const ada = await Network.create(store, { name: "Ada", emails: ["ada@team.example"] });
    const contact = (key: string) =>
      ada.person(key, { name: key, emails: [`${key}@acme.example`], title: "Engineer" });
    await contact("grace");
    await contact("alan");
    for (const key of ["grace", "alan"])
      await store.create(ada.ownerId, "employment", {
        personId: ada.id[key]!,
        organizationId: await ada.organization("Acme"),
        from: "2019-01-01",
      });
    await ada.tie("self", "grace", 0.8);
    const adaProjection = await ada.projection();
    const inferred = adaProjection.graph.edge(ada.id.grace!, ada.id.alan!);
    expect(inferred && adaProjection.graph.getEdgeAttribute(inferred, "inferred")).toBe(true);

    const pool = buildPooledNetwork(
      { userId: "u-rita", ownerId: rita.ownerId, projection: await rita.projection() },
      [await member(ada, "u-ada", "Ada", "full")],
      { teamId: TEAM },
    );
    const [grace, alan] = ["grace", "alan"].map((key) =>
      pool.nodeOf(pooledId(TEAM, ada.ownerId, ada.id[key]!))!,
    );
    expect(grace && alan).toBeTruthy();
    expect(pool.graph.hasEdge(grace!, alan!)).toBe(false);
    expect(pool.graph.hasEdge(pool.memberNode("u-ada")!, grace!)).toBe(true);
  });
});
