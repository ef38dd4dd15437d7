import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors.js";
import { type NetworkStore } from "../../../src/graph/index.js";
import { SqliteStore } from "../../../src/sqlite.js";
import { findShortestPath } from "../../../src/graph/paths/find-paths.js";
import { introPaths } from "../../../src/graph/paths/intro-paths.js";
import { warmestPaths } from "../../../src/graph/paths/warmest-paths.js";
import { NetworkProjection } from "../../../src/graph/projection/network-projection.js";
import { expectError } from "../../../src/testing.js";

const NOW = new Date("2026-11-22T00:00:00Z");

describe("introPaths", () => {
  let store: NetworkStore;
  let owner: string;
  const id: Record<string, string> = {};
  let projection: NetworkProjection;
  const names = (people: string[]) => people.map((p) => Object.keys(id).find((k) => id[k] === p));

  beforeAll(async () => {
    store = new SqliteStore({ path: ":memory:" });
    await store.init();
    owner = `intro-${randomUUID()}`;
    id.me = (await store.ensureOwner(owner, { name: "Me" })).id;
    for (const name of ["ann", "bob", "cat", "dan", "eve", "target", "kfA", "kfB", "loner"])
      id[name] = (await store.create(owner, "person", { name })).id;
    const acme = await store.create(owner, "organization", { name: "Acme" });
    const contoso = await store.create(owner, "organization", { name: "Contoso" });
    const korn = await store.create(owner, "organization", { name: "Korn Ferry" });
    const chamber = await store.create(owner, "organization", {
      name: "Scottsdale Chamber",
      kind: "chamber",
    });
    id.acme = acme.id;
    id.korn = korn.id;
    id.empty = (await store.create(owner, "organization", { name: "Nobody Inc" })).id;
    const tie = (a: string, b: string, strength: number | null, extra: object = {}) =>
      store.create(owner, "tie", { personA: id[a]!, personB: id[b]!, strength, ...extra });
    // Known weights: me-ann-target = 0.9 * 0.8 = 0.72; me-bob-target = 0.5 * 0.9 = 0.45.
    await tie("me", "ann", 0.9, { notes: "SECRET: owes me money" });
    await tie("ann", "target", 0.8);
    await tie("me", "bob", 0.5);
    await tie("bob", "target", 0.9);
    // ann and cat worked together at Acme 2019-2022; cat is in the chamber with dan.
    await tie("ann", "cat", 0.7);
    await store.create(owner, "employment", {
      personId: id.ann!,
      organizationId: acme.id,
      from: "2019-01-01",
      to: "2022-06-30",
    });
    await store.create(owner, "employment", {
      personId: id.cat!,
      organizationId: acme.id,
      from: "2018-03-01",
      to: "2023-01-01",
    });
    await tie("cat", "dan", 0.6);
    await store.create(owner, "membership", { personId: id.cat!, organizationId: chamber.id });
    await store.create(owner, "membership", { personId: id.dan!, organizationId: chamber.id });
    // dan and eve overlapped at Contoso 2018-2020 and have no stored tie: an inferred hop.
    await store.create(owner, "employment", {
      personId: id.dan!,
      organizationId: contoso.id,
      from: "2016-01-01",
      to: "2020-12-31",
    });
    await store.create(owner, "employment", {
      personId: id.eve!,
      organizationId: contoso.id,
      from: "2018-01-01",
      to: "2021-01-01",
    });
    // Two people currently at Korn Ferry, reached through eve and through bob.
    await store.create(owner, "employment", {
      personId: id.kfA!,
      organizationId: korn.id,
      from: "2020-01-01",
    });
    await store.create(owner, "employment", {
      personId: id.kfB!,
      organizationId: korn.id,
      from: "2015-01-01",
      to: "2019-01-01",
    });
    await tie("eve", "kfA", 0.9);
    await store.create(owner, "interaction", {
      personId: id.ann!,
      kind: "coffee",
      at: "2026-11-01T10:00:00Z",
      direction: "mutual",
    });
    projection = await NetworkProjection.load(store, owner, { now: () => NOW });
  });
  afterAll(() => store.close());

  it("ranks paths by warmth, the product of their ties, with one path per first introducer", async () => {
    const result = await introPaths(projection, { personId: id.target! });
    expect(result.noPathReason).toBeNull();
    expect(result.paths.map((p) => names(p.people))).toEqual([
      ["me", "ann", "target"],
      ["me", "bob", "target"],
    ]);
    const [first, second] = result.paths;
    // The warmth shown is the product of the strengths shown, bit for bit.
    expect(second!.warmth).toBe(0.5 * 0.9);
    expect(second!.hops.map((h) => h.strength)).toEqual([0.5, 0.9]);
    expect(second!.weakestLink.strength).toBe(0.5);
    expect(second!.label).toBe("lukewarm");
    // ann's tie to me has fresh evidence (coffee), which warms it above its rating, never below; ann-target is exactly its rating.
    expect(first!.hops[0]!.strength).toBeGreaterThan(0.9);
    expect(first!.hops[1]!.strength).toBe(0.8);
    expect(first!.warmth).toBeCloseTo(first!.hops[0]!.strength * 0.8, 12);
  });

  it("explains each hop, and never shows the owner's private notes", async () => {
    const result = await introPaths(projection, { personId: id.eve! }, { maxHops: 5 });
    const path = result.paths[0]!;
    expect(names(path.people)).toEqual(["me", "ann", "cat", "dan", "eve"]);
    const evidence = path.hops.map((h) => h.evidence);
    expect(evidence[0]).toContain("had coffee 3 weeks ago");
    expect(evidence[1]).toContain("worked together at Acme 2019-2022");
    expect(evidence[2]).toContain("both members of Scottsdale Chamber");
    expect(evidence[3]).toEqual(["inferred: overlapped at Contoso 2018-2020"]);
    expect(path.hops[3]!.inferred).toBe(true);
    expect(path.weakestLink).toBe(path.hops[3]);
    expect(JSON.stringify(result)).not.toContain("SECRET");
  });

  it("reaches anyone currently at an organization, and anyone matching a filter", async () => {
    const atKorn = await introPaths(projection, { organizationId: id.korn! }, { maxHops: 6 });
    expect(atKorn.paths.map((p) => names(p.people).at(-1))).toEqual(["kfA"]);
    const matching = async () => [id.dan!, id.target!];
    const filtered = await introPaths(projection, { filter: { text: "x" } }, {}, matching);
    expect(filtered.paths.map((p) => names(p.people).at(-1))).toEqual(["target", "target"]);
  });

  it("says plainly when there is no path, and why", async () => {
    const none = await introPaths(projection, { personId: id.loner! });
    expect(none.paths).toEqual([]);
    expect(none.noPathReason).toMatch(/no warm path to loner within 4 ties/);
    expect((await introPaths(projection, { organizationId: id.empty! })).noPathReason).toBe(
      "Nobody in your network works at Nobody Inc now.",
    );
    expect(
      (await introPaths(projection, { personId: id.eve! }, { maxHops: 2 })).noPathReason,
    ).toMatch(/within 2 ties/);
    expect(
      (await introPaths(projection, { personId: id.target! }, { exclude: [id.ann!, id.bob!] }))
        .noPathReason,
    ).toMatch(/without the people you excluded/);
    expect((await introPaths(projection, { personId: id.me! })).noPathReason).toBe(
      "That is where the path starts.",
    );
  });

  it("answers a path from you to yourself the same way everywhere: nothing to introduce, the zero-tie path", async () => {
    const none = await introPaths(projection, { personId: id.me! });
    expect(none).toEqual({ paths: [], noPathReason: "That is where the path starts." });
    expect(
      (await introPaths(projection, { personId: id.ann! }, { from: id.ann!, maxHops: 12 }))
        .noPathReason,
    ).toBe("That is where the path starts.");
    expect(await findShortestPath(store, owner, id.me!)).toEqual([id.me]);
    expect(await findShortestPath(store, owner, id.ann!, { from: id.ann! })).toEqual([id.ann]);
    const index = projection.pathIndex();
    const me = index.indexOf.get(id.me!)!;
    expect(warmestPaths(index, me, [me])).toEqual([]);
    for (const diverseIntroducers of [true, false])
      expect(warmestPaths(index, me, [me], { diverseIntroducers, k: 3, maxHops: 12 })).toEqual([]);
  });

  it("accepts maxHops up to 12, and refuses 13", async () => {
    const far = await introPaths(projection, { personId: id.kfA! }, { maxHops: 12 });
    expect(names(far.paths[0]!.people)).toEqual(["me", "ann", "cat", "dan", "eve", "kfA"]);
    await expectError(
      introPaths(projection, { personId: id.ann! }, { maxHops: 13 }),
      ErrorCode.BAD_USER_INPUT,
      "maxHops",
    );
    await expectError(
      findShortestPath(store, owner, id.ann!, { maxHops: 13 }),
      ErrorCode.BAD_USER_INPUT,
      "maxHops",
    );
    expect(await findShortestPath(store, owner, id.kfA!, { maxHops: 12 })).toHaveLength(6);
  });

  it("rejects bad targets and limits with a code and the field", async () => {
    await expectError(
      introPaths(projection, { personId: id.ann!, organizationId: id.acme! } as never),
      ErrorCode.BAD_USER_INPUT,
      "to",
    );
    await expectError(
      introPaths(projection, { personId: "per_missing" }),
      ErrorCode.NOT_FOUND,
      "to.personId",
    );
    await expectError(
      introPaths(projection, { personId: id.ann! }, { maxHops: 0 }),
      ErrorCode.BAD_USER_INPUT,
      "maxHops",
    );
    await expectError(
      introPaths(projection, { personId: id.ann! }, { k: 0 }),
      ErrorCode.BAD_USER_INPUT,
      "k",
    );
  });
});
