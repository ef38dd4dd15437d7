import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors.js";
import { explainPath, findIntroPaths, type NetworkStore } from "../../../src/graph/index.js";
import { SqliteStore } from "../../../src/sqlite.js";
import { expectError } from "../../../src/testing.js";

let store: NetworkStore;
beforeAll(async () => {
  store = new SqliteStore({ path: ":memory:" });
  await store.init();
});
afterAll(() => store.close());

/** A fresh owner with `size` other people and the given ties (indexes into [self, ...people]). */
async function network(size: number, ties: Array<[number, number, number]>) {
  const owner = `explain-${randomUUID()}`;
  const ids = [(await store.ensureOwner(owner, { name: "Me" })).id];
  for (let i = 1; i <= size; i++)
    ids.push((await store.create(owner, "person", { name: `Person ${i}` })).id);
  const seen = new Set<string>();
  for (const [a, b, strength] of ties) {
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    await store.create(owner, "tie", { personA: ids[a]!, personB: ids[b]!, strength });
  }
  return { owner, ids };
}

describe("explainPath", () => {
  it("refuses fewer than two people, and a chain whose neighbours share no tie, naming where", async () => {
    const { owner, ids } = await network(2, [[0, 1, 0.5]]);
    await expectError(explainPath(store, owner, [ids[0]!]), ErrorCode.BAD_USER_INPUT, "people");
    await expectError(
      explainPath(store, owner, [ids[0]!, ids[1]!, ids[2]!]),
      ErrorCode.BAD_USER_INPUT,
      "people[2]",
    );
    await expectError(
      explainPath(store, owner, [ids[0]!, "per_missing"]),
      ErrorCode.NOT_FOUND,
      "people[1]",
    );
  });

  it("tells every path introPaths finds exactly as introPaths tells it", async () => {
    let told = 0;
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 2, max: 7 })
          .chain((size) =>
            fc.tuple(
              fc.constant(size),
              fc.array(
                fc.tuple(
                  fc.integer({ min: 0, max: size }),
                  fc.integer({ min: 0, max: size }),
                  fc.double({ min: 0.05, max: 1, noNaN: true }),
                ),
                { minLength: 1, maxLength: 14 },
              ),
            ),
          ),
        async ([size, ties]) => {
          const { owner, ids } = await network(size, ties);
          const target = ids.at(-1)!;
          const { paths } = await findIntroPaths(store, owner, { personId: target }, { k: 5 });
          for (const path of paths) {
            expect(await explainPath(store, owner, path.people)).toEqual(path);
            // Ties are mutual: the chain read backwards is exactly as warm.
            const back = await explainPath(store, owner, [...path.people].reverse());
            expect(back.warmth).toBeCloseTo(path.warmth, 12);
            told++;
          }
        },
      ),
      { numRuns: 25 },
    );
    // Not vacuous: random networks gave paths to explain.
    expect(told).toBeGreaterThan(10);
  });
});
