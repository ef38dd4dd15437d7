import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors.js";
import type { NetworkStore } from "../../../src/graph/index.js";
import { pooledId, type PooledNetwork } from "../../../src/graph/teams/pooled-graph.js";
import {
  pooledCoverage,
  pooledReach,
  pooledTopConnectors,
} from "../../../src/graph/teams/pooled-analytics.js";
import { expectError } from "../../../src/testing.js";
import { acmeTeam, type AcmeTeam } from "./acme-team.js";
import { memoryStore, TEAM } from "./team-fixture.js";

const run = (f: () => unknown) => (async () => f())();

describe("the pooled analytics", () => {
  let store: NetworkStore;
  let team: AcmeTeam;
  let pool: PooledNetwork;
  const adaId = (key: string) => pooledId(TEAM, team.ada.ownerId, team.ada.id[key]!);
  const bobId = (key: string) => pooledId(TEAM, team.bob.ownerId, team.bob.id[key]!);

  beforeAll(async () => {
    store = await memoryStore();
    team = await acmeTeam(store);
    pool = await team.pool();
  });
  afterAll(() => store.close());

  it("checks their arguments before any work", async () => {
    await expectError(
      run(() => pooledReach(pool, { maxHops: 0 })),
      ErrorCode.BAD_USER_INPUT,
      "maxHops",
    );
    await expectError(
      run(() => pooledReach(pool, { warmThreshold: 2 })),
      ErrorCode.BAD_USER_INPUT,
      "warmThreshold",
    );
    await expectError(
      run(() => pooledReach(pool, { from: adaId("greta") })),
      ErrorCode.NOT_FOUND,
      "from",
    );
    await expectError(
      run(() => pooledTopConnectors(pool, [{ text: "a" }], { limit: 0 })),
      ErrorCode.BAD_USER_INPUT,
      "limit",
    );
    await expectError(
      run(() => pooledTopConnectors(pool, [{ text: "a" }, { text: "b", personId: "c" }])),
      ErrorCode.BAD_USER_INPUT,
      "targets[1]",
    );
    await expectError(
      run(() => pooledTopConnectors(pool, [{ text: "a" }, { personId: adaId("greta") }])),
      ErrorCode.NOT_FOUND,
      "targets[1].personId",
    );
    await expectError(
      run(() => pooledTopConnectors(pool, [{ organizationId: "org_nope" }])),
      ErrorCode.NOT_FOUND,
      "targets[0].organizationId",
    );
    await expectError(
      run(() => pooledCoverage(pool, ["Acme", " "])),
      ErrorCode.BAD_USER_INPUT,
      "organizationNames[1]",
    );
    await expectError(
      run(() =>
        pooledCoverage(
          pool,
          Array.from({ length: 201 }, () => "Acme"),
        ),
      ),
      ErrorCode.BAD_USER_INPUT,
      "organizationNames",
    );
  });

  describe("pooledReach", () => {
    it("counts the pool's people by fewest ties, and how many warmly by the shown strengths", () => {
      // 1 tie: Olga (own, 0.7), Ada and Bob (teammates, 0.9). 2 ties: Grace through Ada
      // (0.9 x 0.8, strong), Alex through Ada (0.9 x 0.5: his exact 0.45 shows as good), Pat
      // (0.9 x 0.2) and Bob's company-only contact at Contoso (0.9 x 0.5).
      expect(pooledReach(pool)).toEqual({
        levels: [
          { hops: 1, people: 3, warm: 3 },
          { hops: 2, people: 4, warm: 1 },
          { hops: 3, people: 0, warm: 0 },
        ],
        memberUserIds: ["u-ada", "u-bob"],
      });
    });

    it("judges warmth on the band's midpoint, never a teammate's exact strength", () => {
      // Alex is 0.9 x 0.45 = 0.405 exactly, 0.9 x 0.5 = 0.45 as shown.
      const at = (t: number) => pooledReach(pool, { maxHops: 2, warmThreshold: t }).levels[1]!;
      expect(at(0.45).warm).toBe(3);
      expect(at(0.41).warm).toBe(3);
      expect(at(0.46).warm).toBe(1);
    });

    it("counts a company-only member's contact, who shows only as someone at the company", () => {
      expect(pool.view(pool.nodeOf(bobId("alex"))!)).toMatchObject({
        kind: "opaque",
        company: "Contoso",
      });
      const withoutBob = pooledReach(pool, { maxHops: 1 }).levels[0]!;
      expect(withoutBob).toEqual({ hops: 1, people: 3, warm: 3 });
    });

    it("counts from another node, a teammate only as the first introducer", () => {
      // From Olga: Rita (0.7) and Ada (her tie, 0.5 as good) are 1 tie away; Grace, Alex and
      // Pat 2, through Ada. Bob is Rita's teammate, not Olga's: "Olga asks Rita to ask Bob" is
      // no path, so neither Bob nor his contact at Contoso is reached.
      expect(pooledReach(pool, { from: team.rita.id.olga }).levels).toEqual([
        { hops: 1, people: 2, warm: 2 },
        { hops: 2, people: 3, warm: 0 },
        { hops: 3, people: 0, warm: 0 },
      ]);
    });
  });

  describe("pooledTopConnectors", () => {
    it("ranks the teammates who open the most targets as first introducer", () => {
      const { connectors, memberUserIds } = pooledTopConnectors(pool, [
        { organizationName: "Acme" },
        { organizationName: "Contoso" },
        { text: "Alex" },
        { organizationName: "Orbit" },
      ]);
      // Ada opens Acme (0.72), Alex (0.45) and Orbit (0.45: Rita knows Olga herself, which
      // needs no introducer); Bob opens Acme (0.9 x 0.2), Contoso (0.45) and Alex (0.09).
      expect(connectors.map((c) => [c.view, c.targets, c.paths])).toEqual([
        [{ kind: "teammate", id: pool.memberNode("u-ada"), userId: "u-ada", name: "Ada" }, 3, 3],
        [{ kind: "teammate", id: pool.memberNode("u-bob"), userId: "u-bob", name: "Bob" }, 3, 3],
      ]);
      expect(connectors[0]!.warmth).toBeCloseTo(1.62, 12);
      expect(connectors[1]!.warmth).toBeCloseTo(0.72, 12);
      expect(memberUserIds).toEqual(["u-ada", "u-bob"]);
    });

    it("keeps the first `limit` connectors", () => {
      const { connectors } = pooledTopConnectors(pool, [{ organizationName: "Acme" }], {
        limit: 1,
      });
      expect(connectors.map((c) => c.view)).toMatchObject([{ kind: "teammate", name: "Ada" }]);
    });
  });

  describe("pooledCoverage", () => {
    it("counts the people at each company now and gives the warmest path in", () => {
      const { coverage, memberUserIds } = pooledCoverage(pool, [
        " acme ",
        "Contoso",
        "Orbit",
        "Nowhere",
      ]);
      expect(
        coverage.map((c) => [c.organizationName, c.people, c.path?.people.length ?? null]),
      ).toEqual([
        ["acme", 1, 3],
        ["Contoso", 1, 3],
        ["Orbit", 1, 2],
        ["Nowhere", 0, null],
      ]);
      expect(coverage[0]!.path!.warmth).toBeCloseTo(0.72, 12);
      expect(coverage[1]!.path!.hops.map((h) => h.to.kind)).toEqual(["teammate", "opaque"]);
      expect(coverage[3]!.noPathReason).toMatch(/works at Nowhere/);
      expect(memberUserIds).toEqual(["u-ada", "u-bob"]);
    });

    it("names no member when the answer used only the requester's own ties", () => {
      expect(pooledCoverage(pool, ["Orbit"]).memberUserIds).toEqual([]);
    });
  });
});

describe("the pooled analytics as the networks change", () => {
  let store: NetworkStore;
  let team: AcmeTeam;
  beforeAll(async () => {
    store = await memoryStore();
    team = await acmeTeam(store);
  });
  afterAll(() => store.close());

  it("changes no count for a hidden contact, however well tied", async () => {
    const before = await team.pool();
    const reach = pooledReach(before, { maxHops: 4 });
    const coverage = pooledCoverage(before, ["Acme", "Initrode"]);
    // Gus: a gmail-only address (hidden), at Initrode, tied warmly to Ada, Alex and Grace.
    await team.ada.person("gus", { name: "Gus", emails: ["gus@gmail.com"], at: ["Initrode"] });
    for (const key of ["self", "alex", "grace"]) await team.ada.tie(key, "gus", 0.95);
    const after = await team.pool();
    expect(after.graph.order).toBe(before.graph.order);
    expect(pooledReach(after, { maxHops: 4 })).toEqual(reach);
    expect(pooledCoverage(after, ["Acme", "Initrode"])).toEqual(coverage);
  });

  it("lists one of the requester's own people as a connector", async () => {
    // Rita's Olga knows Quinn at Initech: Rita asks Olga (0.7 x 0.9), or Ada, who knows Olga.
    await team.rita.person("quinn", { name: "Quinn", at: ["Initech"] });
    await team.rita.tie("olga", "quinn", 0.9);
    const pool = await team.pool();
    const { connectors, memberUserIds } = pooledTopConnectors(pool, [
      { organizationName: "Initech" },
    ]);
    expect(connectors.map((c) => [c.view, c.targets])).toEqual([
      [{ kind: "own", personId: team.rita.id.olga }, 1],
      [{ kind: "teammate", id: pool.memberNode("u-ada"), userId: "u-ada", name: "Ada" }, 1],
    ]);
    expect(connectors[0]!.warmth).toBeCloseTo(0.63, 12);
    expect(connectors[1]!.warmth).toBeCloseTo(0.9 * 0.5 * 0.9, 12);
    expect(memberUserIds).toEqual(["u-ada"]);
  });
});
