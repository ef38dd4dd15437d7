import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors.js";
import type { NetworkStore } from "../../../src/graph/index.js";
import { pooledId, type PooledNetwork } from "../../../src/graph/teams/pooled-graph.js";
import { pooledIntroPaths } from "../../../src/graph/teams/pooled-paths.js";
import { expectError } from "../../../src/testing.js";
import { acmeTeam, type AcmeTeam } from "./acme-team.js";
import { memoryStore, TEAM } from "./team-fixture.js";

describe("pooledIntroPaths", () => {
  let store: NetworkStore;
  let team: AcmeTeam;
  let pool: PooledNetwork;
  const adaId = (key: string) => pooledId(TEAM, team.ada.ownerId, team.ada.id[key]!);
  const bobId = (key: string) => pooledId(TEAM, team.bob.ownerId, team.bob.id[key]!);
  const run = (f: () => unknown) => (async () => f())();

  beforeAll(async () => {
    store = await memoryStore();
    team = await acmeTeam(store);
    pool = await team.pool();
  });
  afterAll(() => store.close());

  it("checks the target and the limits before any work", async () => {
    await expectError(
      run(() => pooledIntroPaths(pool, {})),
      ErrorCode.BAD_USER_INPUT,
      "to",
    );
    await expectError(
      run(() => pooledIntroPaths(pool, { personId: "x", text: "y" })),
      ErrorCode.BAD_USER_INPUT,
      "to",
    );
    await expectError(
      run(() => pooledIntroPaths(pool, { text: "  " })),
      ErrorCode.BAD_USER_INPUT,
      "to.text",
    );
    await expectError(
      run(() => pooledIntroPaths(pool, { text: "a" }, { maxHops: 0 })),
      ErrorCode.BAD_USER_INPUT,
      "maxHops",
    );
    await expectError(
      run(() => pooledIntroPaths(pool, { text: "a" }, { minWarmth: 2 })),
      ErrorCode.BAD_USER_INPUT,
      "minWarmth",
    );
  });

  it("answers NOT_FOUND alike for an unknown id, a hidden contact and a teammate's raw person id", async () => {
    for (const personId of [
      "pp_000000000000000000000000",
      adaId("greta"),
      team.ada.id.grace!,
      team.ada.id.greta!,
    ]) {
      const e = await expectError(
        run(() => pooledIntroPaths(pool, { personId })),
        ErrorCode.NOT_FOUND,
        "to.personId",
      );
      expect(e.message).toBe(`person ${JSON.stringify(personId)} not found`);
    }
  });

  it("goes through the teammate who knows the target, with banded strengths and words", () => {
    const result = pooledIntroPaths(pool, { personId: adaId("grace") }, { k: 1 });
    expect(result.noPathReason).toBeNull();
    const [path] = result.paths;
    expect(path!.people).toEqual([pool.selfNode, pool.memberNode("u-ada"), adaId("grace")]);
    expect(path!.hops.map((h) => [h.strength, h.evidence, h.via])).toEqual([
      [0.9, ["your teammate Ada"], "u-ada"],
      [0.8, ["Ada knows them well"], "u-ada"],
    ]);
    expect(path!.hops[1]!.to).toMatchObject({ kind: "pooled", name: "Grace", band: "strong" });
    expect(path!.warmth).toBeCloseTo(0.72, 12);
    expect(path!.label).toBe("warm");
    expect(path!.memberUserIds).toEqual(["u-ada"]);
    expect(result.memberUserIds).toEqual(["u-ada"]);
  });

  it("shows the requester's own ties exactly, with their evidence", () => {
    const result = pooledIntroPaths(pool, { personId: team.rita.id.olga! });
    const own = result.paths.find((p) => p.hops.length === 1)!;
    expect(own.hops[0]).toMatchObject({
      from: { kind: "own", personId: team.rita.id.self },
      to: { kind: "own", personId: team.rita.id.olga },
      strength: 0.7,
      via: null,
      evidence: ["you rated this tie 0.7"],
    });
    expect(own.memberUserIds).toEqual([]);
    // The other first introducer: Ada, who knows Olga (0.5, "good": shown 0.5).
    const viaAda = result.paths.find((p) => p.hops.length === 2)!;
    expect(viaAda.hops[1]).toMatchObject({ strength: 0.5, evidence: ["Ada knows them"] });
  });

  it("describes a tie between two of a teammate's contacts without numbers", () => {
    const result = pooledIntroPaths(
      pool,
      { personId: adaId("alex") },
      { exclude: [pool.memberNode("u-bob")!], diverseIntroducers: false, k: 3 },
    );
    const viaGrace = result.paths.find((p) => p.people.includes(adaId("grace")))!;
    expect(viaGrace.hops.at(-1)).toMatchObject({
      strength: 0.5,
      evidence: ["they know each other, says Ada"],
    });
  });

  it("shows a company-level teammate's contact as someone at their company", () => {
    const result = pooledIntroPaths(pool, { personId: bobId("alex") });
    expect(result.paths[0]!.hops.map((h) => [h.to, h.strength, h.evidence])).toEqual([
      [
        { kind: "teammate", id: pool.memberNode("u-bob"), userId: "u-bob", name: "Bob" },
        0.9,
        ["your teammate Bob"],
      ],
      [
        {
          kind: "opaque",
          id: bobId("alex"),
          company: "Contoso",
          via: ["Bob"],
          viaUserIds: ["u-bob"],
        },
        0.5,
        ["Bob knows them"],
      ],
    ]);
    expect(pooledIntroPaths(pool, { personId: bobId("alex") }, { maxHops: 1 }).noPathReason).toBe(
      "There is no warm path to someone at Contoso within 1 tie. Try more ties, or ask your teammates to share more of their networks.",
    );
  });

  it("finds anyone now at an organization, by the requester's organization or by a name", () => {
    const rita = pool.requester;
    const acmeId = [...rita.organizations.values()].find((o) => o.name.trim() === "ACME")!.id;
    for (const to of [{ organizationId: acmeId }, { organizationName: "acme" }]) {
      const result = pooledIntroPaths(pool, to);
      expect(result.paths.map((p) => p.people.at(-1))).toContain(adaId("grace"));
    }
    expect(pooledIntroPaths(pool, { organizationName: "Initech" }).noPathReason).toBe(
      "Nobody in your network or your team's shared networks works at Initech now.",
    );
  });

  it("matches a text against what the requester may see, never a hidden contact", () => {
    expect(pooledIntroPaths(pool, { text: "vp eng" }).paths[0]!.people.at(-1)).toBe(adaId("grace"));
    // Bob's Alex shows only his company: the text "Sales" (his title) finds nobody.
    for (const text of ["Greta", "Designer", "Sales", "doctor"])
      expect(pooledIntroPaths(pool, { text }).noPathReason).toBe(
        `Nobody in your network or your team's shared networks matches "${text}".`,
      );
    expect(pooledIntroPaths(pool, { text: "contoso" }).paths[0]!.people.at(-1)).toBe(bobId("alex"));
  });

  it("applies minWarmth to the shown warmth", () => {
    // Rita -> Ada -> Alex: 0.9 x 0.5 (Ada's 0.45 is "good") = 0.45 shown, 0.405 exact.
    const to = { personId: adaId("alex") };
    const shown = pooledIntroPaths(pool, to, { minWarmth: 0.45, k: 1 });
    expect(shown.paths[0]!.warmth).toBeCloseTo(0.45, 12);
    expect(pooledIntroPaths(pool, to, { minWarmth: 0.46, k: 1 }).paths).toEqual([]);
  });

  it("says where the path starts for the requester themselves", () => {
    expect(pooledIntroPaths(pool, { personId: team.rita.id.self! }).noPathReason).toBe(
      "That is where the path starts.",
    );
  });

  it("never asks someone to pass a request on to a teammate: teammates are asked directly", () => {
    const teammates = new Set([pool.memberNode("u-ada"), pool.memberNode("u-bob")]);
    for (const key of ["grace", "alex", "pat", "olga"])
      for (const diverseIntroducers of [true, false])
        for (const path of pooledIntroPaths(
          pool,
          { personId: adaId(key) },
          { diverseIntroducers, k: 5 },
        ).paths)
          expect(path.people.slice(2).some((n) => teammates.has(n))).toBe(false);
    // Rita's own Olga knows Ada, but Rita asks Ada herself.
    const viaOlga = pooledIntroPaths(pool, { personId: adaId("grace") }).paths.filter(
      (p) => p.people[1] === team.rita.id.olga,
    );
    expect(viaOlga).toEqual([]);
  });

  it("lists paths by their shown warmth", () => {
    for (const key of ["grace", "alex", "pat", "olga"]) {
      const warmths = pooledIntroPaths(pool, { personId: adaId(key) }).paths.map((p) => p.warmth);
      expect(warmths).toEqual([...warmths].sort((a, b) => b - a));
    }
  });

  it("never shows an e-mail, phone, note, tag or the exact strength of a teammate's tie", () => {
    const results = ["grace", "alex", "pat", "olga"].map((k) =>
      pooledIntroPaths(pool, { personId: adaId(k) }, { diverseIntroducers: false, k: 10 }),
    );
    const all = JSON.stringify(results);
    for (const secret of ["@", "+1 555 0100", "SECRET", "golfing buddy", "linkedin"])
      expect(all).not.toContain(secret);
    for (const hop of results.flatMap((r) => r.paths.flatMap((p) => p.hops)))
      if (hop.via !== null) expect([0.9, 0.8, 0.5, 0.2]).toContain(hop.strength);
  });
});
