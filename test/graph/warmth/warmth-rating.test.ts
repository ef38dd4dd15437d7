import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors.js";
import { MIN_RATING, type NetworkStore } from "../../../src/graph/index.js";
import { SqliteStore } from "../../../src/sqlite.js";
import { introPaths } from "../../../src/graph/paths/intro-paths.js";
import { NetworkProjection } from "../../../src/graph/projection/network-projection.js";
import { expectError } from "../../../src/testing.js";

const NOW = new Date("2026-11-22T00:00:00Z");

describe("a rating is taken exactly", () => {
  let store: NetworkStore;
  beforeAll(async () => {
    store = new SqliteStore({ path: ":memory:" });
    await store.init();
  });
  afterAll(() => store.close());

  /** A fresh owner with `count` people besides themselves. */
  async function network(count: number) {
    const owner = `rating-${randomUUID()}`;
    const ids = [(await store.ensureOwner(owner, { name: "Me" })).id];
    for (let i = 1; i <= count; i++)
      ids.push((await store.create(owner, "person", { name: `P${i}` })).id);
    return { owner, ids };
  }

  it("refuses a rating below the floor, 0, negative, above 1 or not a number, on create and on update, with BAD_USER_INPUT on strength", async () => {
    const { owner, ids } = await network(1);
    const tie = (strength: unknown) =>
      store.create(owner, "tie", {
        personA: ids[0]!,
        personB: ids[1]!,
        strength: strength as number,
      });
    for (const bad of [
      MIN_RATING / 2,
      1e-7,
      0,
      -0,
      -0.5,
      1.0000001,
      2,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      "0.5",
    ])
      await expectError(tie(bad), ErrorCode.BAD_USER_INPUT, "strength");
    const created = await tie(0.5);
    for (const bad of [1e-9, 0, Number.NaN, 1.5])
      await expectError(
        store.update(owner, "tie", created.id, { strength: bad }),
        ErrorCode.BAD_USER_INPUT,
        "strength",
      );
    expect((await store.get(owner, "tie", created.id)).strength).toBe(0.5);
  });

  it("stores and searches on a rating at the floor and just above it exactly, never raised", async () => {
    const { owner, ids } = await network(2);
    await store.create(owner, "tie", { personA: ids[0]!, personB: ids[1]!, strength: MIN_RATING });
    const tie = await store.create(owner, "tie", {
      personA: ids[0]!,
      personB: ids[2]!,
      strength: 0.001,
    });
    expect(tie.strength).toBe(0.001);
    const projection = await NetworkProjection.load(store, owner, { now: () => NOW });
    expect((await introPaths(projection, { personId: ids[1]! })).paths[0]!.warmth).toBe(MIN_RATING);
    expect((await introPaths(projection, { personId: ids[2]! })).paths[0]!.warmth).toBe(0.001);
  });

  it("ranks a 0.09 x 0.09 path (0.0081) above a direct 0.001 tie (the floor of 0.01 used to put the tie first)", async () => {
    const { owner, ids } = await network(2);
    const [me, via, target] = ids as [string, string, string];
    await store.create(owner, "tie", { personA: me, personB: target, strength: 0.001 });
    await store.create(owner, "tie", { personA: me, personB: via, strength: 0.09 });
    await store.create(owner, "tie", { personA: via, personB: target, strength: 0.09 });
    const projection = await NetworkProjection.load(store, owner, { now: () => NOW });
    const { paths } = await introPaths(projection, { personId: target }, { k: 2 });
    expect(paths.map((p) => p.people)).toEqual([
      [me, via, target],
      [me, target],
    ]);
    expect(paths.map((p) => p.warmth)).toEqual([0.09 * 0.09, 0.001]);
  });

  it("ranks networks of tiny ratings as the brute-force oracle does (property)", async () => {
    const networks = fc.record({
      ties: fc.array(
        fc.tuple(
          fc.nat(5),
          fc.nat(5),
          fc.oneof(
            fc.double({ min: MIN_RATING, max: 0.01, noNaN: true }),
            fc.constantFrom(MIN_RATING, 0.001, 0.0081, 0.09),
          ),
        ),
        { minLength: 1, maxLength: 10 },
      ),
      target: fc.integer({ min: 1, max: 5 }),
    });
    await fc.assert(
      fc.asyncProperty(networks, async (g) => {
        const { owner, ids } = await network(5);
        const rated = new Map<string, number>();
        for (const [a, b, strength] of g.ties) {
          const key = a < b ? `${a}|${b}` : `${b}|${a}`;
          if (a === b || rated.has(key)) continue;
          rated.set(key, strength);
          await store.create(owner, "tie", { personA: ids[a]!, personB: ids[b]!, strength });
        }
        const projection = await NetworkProjection.load(store, owner, { now: () => NOW });
        const { paths } = await introPaths(
          projection,
          { personId: ids[g.target]! },
          { k: 1, maxHops: 4 },
        );
        const best = warmestByHand(rated, 0, g.target, 4);
        if (best === 0) expect(paths).toEqual([]);
        else expect(Math.abs(paths[0]!.warmth - best) / best).toBeLessThan(1e-12);
      }),
      { numRuns: 60 },
    );
  });
});

/** The warmest product of ratings over every simple path of at most maxHops ties (0 when there is none). */
function warmestByHand(
  rated: Map<string, number>,
  from: number,
  to: number,
  maxHops: number,
): number {
  let best = 0;
  const walk = (at: number, seen: number[], product: number) => {
    if (at === to) return void (best = Math.max(best, product));
    if (seen.length - 1 === maxHops) return;
    for (const [key, strength] of rated) {
      const [a, b] = key.split("|").map(Number) as [number, number];
      const next = a === at ? b : b === at ? a : -1;
      if (next >= 0 && !seen.includes(next)) walk(next, [...seen, next], product * strength);
    }
  };
  walk(from, [from], 1);
  return best;
}
