import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors.js";
import type { NetworkStore } from "../../../src/graph/index.js";
import { pooledId, type PooledNetwork } from "../../../src/graph/teams/pooled-graph.js";
import { buildPooledNetwork } from "../../../src/graph/teams/pooled-network.js";
import { TEAMMATE_STRENGTH } from "../../../src/graph/teams/strength-bands.js";
import { expectError } from "../../../src/testing.js";
import { acmeTeam, type AcmeTeam } from "./acme-team.js";
import { member, memoryStore, Network, TEAM } from "./team-fixture.js";

describe("buildPooledNetwork", () => {
  let store: NetworkStore;
  let team: AcmeTeam;
  let pool: PooledNetwork;
  const node = (id: string) => pool.nodeOf(id)!;
  const adaNode = (key: string) => pool.nodeOf(pooledId(TEAM, team.ada.ownerId, team.ada.id[key]!));

  beforeAll(async () => {
    store = await memoryStore();
    team = await acmeTeam(store);
    pool = await team.pool();
  });
  afterAll(() => store.close());

  it("refuses a missing team, a repeated member, an unknown level and a foreign projection", async () => {
    const requester = {
      userId: "u-rita",
      ownerId: team.rita.ownerId,
      projection: await team.rita.projection(),
    };
    const [ada] = await team.members();
    const build = (f: () => unknown) => (async () => f())();
    await expectError(
      build(() => buildPooledNetwork(requester, [], { teamId: "" })),
      ErrorCode.BAD_USER_INPUT,
      "teamId",
    );
    await expectError(
      build(() => buildPooledNetwork(requester, [ada!, ada!], { teamId: TEAM })),
      ErrorCode.BAD_USER_INPUT,
      "members[1].userId",
    );
    await expectError(
      build(() => buildPooledNetwork(requester, [{ ...ada!, userId: "u-rita" }], { teamId: TEAM })),
      ErrorCode.BAD_USER_INPUT,
      "members[0].userId",
    );
    await expectError(
      build(() =>
        buildPooledNetwork(requester, [{ ...ada!, level: "most" as never }], { teamId: TEAM }),
      ),
      ErrorCode.BAD_USER_INPUT,
      "members[0].level",
    );
    await expectError(
      build(() =>
        buildPooledNetwork({ ...requester, ownerId: team.ada.ownerId }, [], { teamId: TEAM }),
      ),
      ErrorCode.BAD_USER_INPUT,
      "requester.projection",
    );
    await expectError(
      build(() => buildPooledNetwork(requester, [], { teamId: TEAM, teammateStrength: 0 })),
      ErrorCode.BAD_USER_INPUT,
      "teammateStrength",
    );
  });

  it("pools the requester's network and the members' shareable contacts, one node per person", () => {
    expect(pool.graph.order).toBe(8);
    expect(pool.view(pool.selfNode)).toEqual({ kind: "own", personId: team.rita.id.self });
    for (const hidden of ["greta", "nemo", "doc", "mum"]) {
      expect(adaNode(hidden), hidden).toBeUndefined();
      expect(pool.nodeOf(team.ada.id[hidden]!)).toBeUndefined();
    }
  });

  it("merges people by e-mail address (any case) and by profile URL, never by name", () => {
    // Olga: the same address in Rita's and Ada's networks: Rita's own person.
    expect(pool.view(node(team.rita.id.olga!))).toEqual({
      kind: "own",
      personId: team.rita.id.olga,
    });
    expect(adaNode("olga")).toBe(team.rita.id.olga);
    // Grace: Ada's record and Bob's ("G.", profile only) by the normalized profile URL.
    const grace = adaNode("grace")!;
    expect(pool.nodeOf(pooledId(TEAM, team.bob.ownerId, team.bob.id.grace!))).toBeUndefined();
    expect(pool.holdersOf(grace)).toEqual([
      { userId: "u-ada", ownerId: team.ada.ownerId, personId: team.ada.id.grace },
      { userId: "u-bob", ownerId: team.bob.ownerId, personId: team.bob.id.grace },
    ]);
    // Two people named Alex, with different addresses: two nodes.
    const bobsAlex = pool.nodeOf(pooledId(TEAM, team.bob.ownerId, team.bob.id.alex!));
    expect(bobsAlex).toBeDefined();
    expect(adaNode("alex")).toBeDefined();
    expect(bobsAlex).not.toBe(adaNode("alex"));
    expect(pool.matching("alex")).toHaveLength(1); // Bob's Alex shows only "someone at Contoso"
  });

  it("shows a contact of a full member by name, title, company, band and who knows them", () => {
    const grace = adaNode("grace")!;
    expect(grace).toMatch(/^pp_[0-9a-f]{24}$/);
    expect(pool.view(grace)).toEqual({
      kind: "pooled",
      id: grace,
      name: "Grace",
      title: "VP Engineering",
      company: "Acme",
      band: "strong",
      via: ["Ada", "Bob"],
      viaUserIds: ["u-ada", "u-bob"],
    });
    expect(pool.view(adaNode("alex")!)).toMatchObject({ name: "Alex", band: "good" });
    expect(pool.view(adaNode("pat")!)).toMatchObject({ name: "Pat", band: "weak", title: null });
  });

  it("shows a contact of a company-level member only as someone at their company", () => {
    const alex = pool.nodeOf(pooledId(TEAM, team.bob.ownerId, team.bob.id.alex!))!;
    expect(pool.view(alex)).toEqual({
      kind: "opaque",
      id: alex,
      company: "Contoso",
      via: ["Bob"],
      viaUserIds: ["u-bob"],
    });
  });

  it("never holds an e-mail, phone, note or tag in what the requester may see", () => {
    const seen = JSON.stringify(pool.graph.mapNodes((_n, a) => a.view));
    for (const secret of ["@", "+1 555 0100", "SECRET", "golfing buddy", "linkedin"])
      expect(seen).not.toContain(secret);
  });

  it("ties the requester to each teammate at the fixed strength, replacing ties between members", () => {
    const [ada, bob] = [pool.memberNode("u-ada")!, pool.memberNode("u-bob")!];
    expect(pool.view(ada)).toEqual({ kind: "teammate", id: ada, userId: "u-ada", name: "Ada" });
    // Ada's contact Bob is Bob's own person (by address): one node.
    expect(adaNode("bob")).toBe(bob);
    for (const teammate of [ada, bob])
      expect(pool.graph.getEdgeAttributes(pool.selfNode, teammate)).toMatchObject({
        strength: TEAMMATE_STRENGTH,
        inferred: false,
        via: teammate === ada ? "u-ada" : "u-bob",
        teammate: true,
      });
    // Ada's 0.3 tie to Bob (their private history) is gone, and members get no tie between them.
    expect(pool.graph.hasEdge(ada, bob)).toBe(false);
  });

  it("pools a member's tie only when both ends are shareable, keeping the strongest per pair", () => {
    const [ada, grace] = [pool.memberNode("u-ada")!, adaNode("grace")!];
    expect(pool.graph.getEdgeAttributes(ada, grace)).toMatchObject({ strength: 0.8, via: "u-ada" });
    expect(pool.graph.getEdgeAttributes(pool.memberNode("u-bob")!, grace)).toMatchObject({
      strength: 0.35,
      via: "u-bob",
    });
    expect(pool.graph.getEdgeAttributes(pool.selfNode, team.rita.id.olga!)).toMatchObject({
      strength: 0.7,
      via: null,
    });
    expect(pool.graph.size).toBe(10);
  });

  it("keeps the requester's own tie over an equally strong teammate's, and a stronger teammate's over it", async () => {
    const s = await memoryStore();
    try {
      const rita = await Network.create(s, { name: "Rita" });
      await rita.person("x", { name: "X", emails: ["x@x.example"], title: "CEO" });
      await rita.person("y", { name: "Y", emails: ["y@y.example"], title: "CEO" });
      await rita.tie("x", "y", 0.5);
      await rita.tie("self", "x", 0.4);
      const ada = await Network.create(s, { name: "Ada" });
      await ada.person("x", { name: "X", emails: ["x@x.example"], title: "CEO" });
      await ada.person("y", { name: "Y", emails: ["y@y.example"], title: "CEO" });
      await ada.tie("x", "y", 0.5);
      await ada.tie("self", "x", 0.9);
      const p = buildPooledNetwork(
        { userId: "r", ownerId: rita.ownerId, projection: await rita.projection() },
        [await member(ada, "a", "Ada", "full")],
        { teamId: TEAM },
      );
      expect(p.graph.getEdgeAttributes(rita.id.x!, rita.id.y!)).toMatchObject({ via: null });
      expect(p.graph.getEdgeAttributes(p.memberNode("a")!, rita.id.x!)).toMatchObject({
        strength: 0.9,
        via: "a",
      });
    } finally {
      await s.close();
    }
  });

  it("gives the same pooled ids to every requester of the team, and other ids in another team", async () => {
    const grace = adaNode("grace")!;
    const asBob = buildPooledNetwork(
      { userId: "u-bob", ownerId: team.bob.ownerId, projection: await team.bob.projection() },
      [await member(team.ada, "u-ada", "Ada", "full", team.adaSettings)],
      { teamId: TEAM },
    );
    // Bob knows Grace himself: for him she is his own person, still reachable by the pooled id.
    expect(asBob.nodeOf(grace)).toBe(team.bob.id.grace);
    expect(pooledId("other-team", team.ada.ownerId, team.ada.id.grace!)).not.toBe(grace);
  });

  it("pools nothing of a member at level off", async () => {
    const [ada, bob] = await team.members();
    const p = buildPooledNetwork(
      { userId: "u-rita", ownerId: team.rita.ownerId, projection: await team.rita.projection() },
      [ada!, { ...bob!, level: "off" }],
      { teamId: TEAM },
    );
    expect(p.memberUserIds()).toEqual(["u-ada"]);
    expect(p.nodeOf(pooledId(TEAM, team.bob.ownerId, team.bob.id.alex!))).toBeUndefined();
    expect(p.graph.order).toBe(7);
  });

  it("finds people now at an organization by its name across members, ignoring case and spacing", () => {
    expect(pool.currentlyAt("  acme")).toEqual([adaNode("grace")]);
    expect(pool.currentlyAt("CONTOSO")).toEqual([
      pool.nodeOf(pooledId(TEAM, team.bob.ownerId, team.bob.id.alex!)),
    ]);
    expect(pool.currentlyAt("Orbit")).toEqual([team.rita.id.olga]);
  });
});
