/**
 * Communities, bridges and brokers are kept with the owner's projection until a write moves its
 * version: the store calls answer exactly what a fresh computation on the synced projection
 * gives, after any sequence of writes, compute once per version, and hand each caller a copy.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokers } from "../../../src/graph/analytics/brokers.js";
import { communities } from "../../../src/graph/analytics/communities.js";
import {
  findBridges,
  findBrokers,
  findCommunities,
} from "../../../src/graph/analytics/find-analytics.js";
import { keptCommunities } from "../../../src/graph/analytics/kept-analytics.js";
import { networkGraph } from "../../../src/graph/analytics/network-graph.js";
import { projectionFor } from "../../../src/graph/projection/projection-registry.js";
import { SqliteStore } from "../../../src/sqlite.js";

let store: SqliteStore;
beforeAll(async () => {
  store = new SqliteStore({ path: ":memory:" });
  await store.init();
});
afterAll(() => store.close());

/** Two groups of five, each a ring with chords, joined by one tie: two communities, one bridge. */
async function twoGroups(owner: string): Promise<string[]> {
  const self = await store.ensureOwner(owner, { name: "Me" });
  const ids = [self.id];
  for (let i = 1; i < 10; i++)
    ids.push((await store.create(owner, "person", { name: `P${i}` })).id);
  for (const group of [0, 5])
    for (let i = 0; i < 5; i++)
      for (const step of [1, 2])
        await store.upsert(owner, "tie", {
          personA: ids[group + i]!,
          personB: ids[group + ((i + step) % 5)]!,
          strength: 0.8,
        });
  await store.create(owner, "tie", { personA: ids[0]!, personB: ids[5]!, strength: 0.2 });
  return ids;
}

const write = fc.record({
  op: fc.constantFrom("person", "tie", "untie", "deletePerson", "interaction"),
  i: fc.nat(50),
  j: fc.nat(50),
  strength: fc.double({ min: 0.05, max: 1, noNaN: true }),
});

describe("analytics kept per projection version", () => {
  it("answers after every write exactly what a fresh computation on the synced projection gives (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 25 }), async (writes) => {
        const owner = `k-${randomUUID()}`;
        const people = await twoGroups(owner);
        // Live ties by id, with their ends: deleting a person deletes their ties too, and an
        // upsert of a known pair answers that pair's tie.
        const ties = new Map<string, [string, string]>();
        for (const w of writes) {
          const a = people[w.i % people.length]!;
          const b = people[w.j % people.length]!;
          if (w.op === "person")
            people.push((await store.create(owner, "person", { name: `Q${w.i}` })).id);
          else if (w.op === "tie" && a !== b) {
            const tie = { personA: a, personB: b, strength: w.strength };
            ties.set((await store.upsert(owner, "tie", tie)).record.id, [a, b]);
          } else if (w.op === "untie" && ties.size > 0) {
            const id = [...ties.keys()][w.i % ties.size]!;
            ties.delete(id);
            await store.delete(owner, "tie", id);
          } else if (w.op === "deletePerson" && people.length > 2) {
            const [gone] = people.splice(1 + (w.i % (people.length - 1)), 1);
            await store.delete(owner, "person", gone!);
            for (const [id, ends] of ties) if (ends.includes(gone!)) ties.delete(id);
          } else if (w.op === "interaction" && a !== people[0])
            await store.create(owner, "interaction", {
              personId: a,
              kind: "call",
              at: "2026-11-20T10:00:00Z",
              direction: "mutual",
            });
          // Each call syncs the projection first; each answer equals a fresh one on it.
          const found = await findCommunities(store, owner);
          const projection = await projectionFor(store, owner);
          const fresh = communities(projection.graph);
          expect(found).toEqual(fresh);
          expect(await findBridges(store, owner, 1_000)).toEqual(fresh.bridges);
          expect(await findBrokers(store, owner, 100)).toEqual(
            brokers(projection.pathIndex(), { limit: 100 }),
          );
          const drawn = await networkGraph(store, owner, {
            communities: fresh.communities.map((c) => c.id),
            depth: 0,
          });
          expect(new Set(drawn.nodes.map((n) => n.id))).toEqual(
            new Set(fresh.communities.flatMap((c) => c.members)),
          );
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it("computes once per version, and again only after a write", async () => {
    const owner = `k-${randomUUID()}`;
    const ids = await twoGroups(owner);
    const projection = await projectionFor(store, owner);
    const first = keptCommunities(projection);
    await findCommunities(store, owner);
    await findBridges(store, owner, 5);
    await networkGraph(store, owner, { communities: [0], depth: 0 });
    expect(keptCommunities(await projectionFor(store, owner))).toBe(first);
    expect(first.communities.map((c) => c.members.length)).toEqual([5, 5]);

    // A write moves the version: the answer is computed again, on the synced projection.
    await store.create(owner, "tie", { personA: ids[1]!, personB: ids[6]!, strength: 0.9 });
    const after = keptCommunities(await projectionFor(store, owner));
    expect(after).not.toBe(first);
    expect(after).toEqual(communities((await projectionFor(store, owner)).graph));
  });

  it("hands each caller its own copy: changing one answer changes no later one", async () => {
    const owner = `k-${randomUUID()}`;
    await twoGroups(owner);
    const first = await findCommunities(store, owner);
    const kept = structuredClone(first);
    first.communities[0]!.members.push("someone else");
    first.communities.pop();
    first.bridges[0]!.communities[0] = 99;
    const brokersFirst = await findBrokers(store, owner, 3);
    const brokersKept = structuredClone(brokersFirst);
    brokersFirst[0]!.score = -1;
    (await findBridges(store, owner, 1))[0]!.strength = 0;
    expect(await findCommunities(store, owner)).toEqual(kept);
    expect(await findBrokers(store, owner, 3)).toEqual(brokersKept);
  });
});
