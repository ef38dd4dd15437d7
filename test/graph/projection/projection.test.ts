import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NetworkProjection } from "../../../src/graph/projection/network-projection.js";
import { type NetworkStore } from "../../../src/graph/index.js";
import { SqliteStore } from "../../../src/sqlite.js";
import { indexRows } from "../../support/index-rows.js";

const NOW = new Date("2026-11-22T00:00:00Z");
const options = { now: () => NOW };

/** A projection's graph as plain sorted data, for comparing two projections. */
function shape(p: NetworkProjection) {
  const nodes = p.graph.mapNodes((id, a) => `${id} ${a.name}`).sort();
  const edges = p.graph
    .mapEdges((key, a, source, target) =>
      [key, [source, target].sort().join("|"), a.strength.toFixed(12), a.inferred].join(" "),
    )
    .sort();
  return { nodes, edges };
}

type Op =
  | { op: "person" }
  | { op: "deletePerson"; i: number }
  | {
      op: "connect";
      i: number;
      j: number;
      strength: number | null;
      provenance: "manual" | "linkedin";
    }
  | { op: "connectSelf"; i: number; strength: number | null }
  | { op: "disconnect"; i: number }
  | { op: "org" }
  | { op: "job"; i: number; o: number; from: string | null; to: string | null }
  | { op: "member"; i: number; o: number }
  | { op: "deleteJob"; i: number }
  | { op: "interaction"; i: number; days: number }
  | { op: "favor"; i: number }
  | { op: "sync" };

const ops: fc.Arbitrary<Op> = fc.oneof(
  fc.constant({ op: "person" as const }),
  fc.record({ op: fc.constant("deletePerson" as const), i: fc.nat() }),
  fc.record({
    op: fc.constant("connect" as const),
    i: fc.nat(),
    j: fc.nat(),
    strength: fc.option(fc.constantFrom(0.2, 0.5, 0.9), { nil: null }),
    provenance: fc.constantFrom("manual" as const, "linkedin" as const),
  }),
  fc.record({
    op: fc.constant("connectSelf" as const),
    i: fc.nat(),
    strength: fc.option(fc.constantFrom(0.3, 0.7), { nil: null }),
  }),
  fc.record({ op: fc.constant("disconnect" as const), i: fc.nat() }),
  fc.constant({ op: "org" as const }),
  fc.record({
    op: fc.constant("job" as const),
    i: fc.nat(),
    o: fc.nat(),
    from: fc.constantFrom(null, "2015-01-01", "2019-06-01"),
    to: fc.constantFrom(null, "2018-01-01", "2022-12-31"),
  }),
  fc.record({ op: fc.constant("member" as const), i: fc.nat(), o: fc.nat() }),
  fc.record({ op: fc.constant("deleteJob" as const), i: fc.nat() }),
  fc.record({ op: fc.constant("interaction" as const), i: fc.nat(), days: fc.nat(900) }),
  fc.record({ op: fc.constant("favor" as const), i: fc.nat() }),
  fc.constant({ op: "sync" as const }),
);

describe("the network projection", () => {
  let store: NetworkStore;
  beforeAll(async () => {
    store = new SqliteStore({ path: ":memory:" });
    await store.init();
  });
  afterAll(() => store.close());

  it("infers a weak, labeled tie from overlapping employment, and gives way to a real tie", async () => {
    const owner = `p-${randomUUID()}`;
    await store.ensureOwner(owner, { name: "Me" });
    const [a, b] = [
      await store.create(owner, "person", { name: "A" }),
      await store.create(owner, "person", { name: "B" }),
    ];
    const acme = await store.create(owner, "organization", { name: "Acme" });
    await store.create(owner, "employment", {
      personId: a.id,
      organizationId: acme.id,
      from: "2018-01-01",
      to: "2021-01-01",
    });
    const bAtAcme = await store.create(owner, "employment", {
      personId: b.id,
      organizationId: acme.id,
      from: "2019-01-01",
    });
    const projection = await NetworkProjection.load(store, owner, options);
    expect(projection.currentlyAt(acme.id)).toEqual([b.id]);
    const inferred = projection.graph.getEdgeAttributes(projection.graph.edge(a.id, b.id)!);
    expect(inferred.inferred).toBe(true);
    expect(inferred.strength).toBeLessThanOrEqual(0.3);
    expect(inferred.shared).toMatchObject({
      organizationId: acme.id,
      from: "2019-01-01",
      to: "2021-01-01",
      via: "employment",
    });
    const tie = await store.create(owner, "tie", { personA: a.id, personB: b.id, strength: 0.8 });
    await projection.sync();
    expect(projection.graph.getEdgeAttributes(projection.graph.edge(a.id, b.id)!)).toMatchObject({
      inferred: false,
      strength: 0.8,
    });
    await store.delete(owner, "tie", tie.id);
    await projection.sync();
    expect(projection.graph.getEdgeAttributes(projection.graph.edge(a.id, b.id)!).inferred).toBe(
      true,
    );
    await store.delete(owner, "employment", bAtAcme.id);
    await projection.sync();
    expect(projection.graph.hasEdge(a.id, b.id)).toBe(false);
    expect(projection.currentlyAt(acme.id)).toEqual([]);
  });

  it("warms the owner's tie when an interaction is logged, without a rebuild", async () => {
    const owner = `p-${randomUUID()}`;
    const self = await store.ensureOwner(owner, { name: "Me" });
    const x = await store.create(owner, "person", { name: "X" });
    await store.create(owner, "tie", { personA: self.id, personB: x.id, provenance: "linkedin" });
    const projection = await NetworkProjection.load(store, owner, options);
    const before = projection.graph.getEdgeAttributes(
      projection.graph.edge(self.id, x.id)!,
    ).strength;
    await store.create(owner, "interaction", {
      personId: x.id,
      kind: "coffee",
      at: "2026-11-15T10:00:00Z",
      direction: "mutual",
    });
    await projection.sync();
    const after = projection.graph.getEdgeAttributes(
      projection.graph.edge(self.id, x.id)!,
    ).strength;
    expect(after).toBeGreaterThan(before);
    expect(shape(projection)).toEqual(shape(await NetworkProjection.load(store, owner, options)));
  });

  it("after any sequence of writes, a synced projection equals one rebuilt from the store, its Graphology view too, whether built before the writes or after (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ops, { maxLength: 40 }), fc.boolean(), async (sequence, early) => {
        const owner = `p-${randomUUID()}`;
        const self = await store.ensureOwner(owner, { name: "Me" });
        const projection = await NetworkProjection.load(store, owner, options);
        const index = projection.pathIndex();
        // The Graphology view, once built, is kept in step with every sync.
        const graph = early ? projection.graph : null;
        const people = [self.id];
        const orgs: string[] = [];
        const jobs: string[] = [];
        const ties: string[] = [];
        let n = 0;
        const pick = <T>(list: T[], i: number) => list[i % list.length];
        for (const step of sequence) {
          const op = step.op;
          if (op === "person")
            people.push((await store.create(owner, "person", { name: `P${n++}` })).id);
          else if (op === "deletePerson" && people.length > 1) {
            const id = people.splice(1 + (step.i % (people.length - 1)), 1)[0]!;
            await store.delete(owner, "person", id);
          } else if (op === "connect") {
            const [x, y] = [pick(people, step.i)!, pick(people, step.j)!];
            if (x !== y)
              ties.push(
                (
                  await store.upsert(owner, "tie", {
                    personA: x,
                    personB: y,
                    strength: step.strength,
                    provenance: step.provenance,
                  })
                ).record.id,
              );
          } else if (op === "connectSelf" && people.length > 1) {
            ties.push(
              (
                await store.upsert(owner, "tie", {
                  personA: self.id,
                  personB: pick(people.slice(1), step.i)!,
                  strength: step.strength,
                })
              ).record.id,
            );
          } else if (op === "disconnect" && ties.length > 0) {
            const id = ties.splice(step.i % ties.length, 1)[0]!;
            await store.delete(owner, "tie", id).catch(() => undefined);
          } else if (op === "org")
            orgs.push((await store.create(owner, "organization", { name: `Org ${n++}` })).id);
          else if (op === "job" && orgs.length > 0) {
            const from =
              step.from !== null && step.to !== null && step.from > step.to ? null : step.from;
            jobs.push(
              (
                await store.upsert(owner, "employment", {
                  personId: pick(people, step.i)!,
                  organizationId: pick(orgs, step.o)!,
                  from,
                  to: step.to,
                })
              ).record.id,
            );
          } else if (op === "member" && orgs.length > 0)
            await store.upsert(owner, "membership", {
              personId: pick(people, step.i)!,
              organizationId: pick(orgs, step.o)!,
            });
          else if (op === "deleteJob" && jobs.length > 0)
            await store
              .delete(owner, "employment", jobs.splice(step.i % jobs.length, 1)[0]!)
              .catch(() => undefined);
          else if (op === "interaction" && people.length > 1) {
            const at = new Date(NOW.getTime() - step.days * 86_400_000).toISOString();
            await store.create(owner, "interaction", {
              personId: pick(people.slice(1), step.i)!,
              kind: "call",
              at,
              direction: step.days % 2 ? "inbound" : "outbound",
            });
          } else if (op === "favor" && people.length > 1)
            await store.create(owner, "favor", {
              personId: pick(people.slice(1), step.i)!,
              direction: "given",
              kind: "advice",
              date: "2026-01-01",
            });
          else if (op === "sync") await projection.sync();
        }
        await projection.sync();
        const rebuilt = await NetworkProjection.load(store, owner, options);
        expect(shape(projection)).toEqual(shape(rebuilt));
        if (graph) expect(projection.graph).toBe(graph);
        // The path index was kept in step, not rebuilt, and holds the same rows as a fresh one.
        expect(projection.pathIndex()).toBe(index);
        expect(indexRows(index)).toEqual(indexRows(rebuilt.pathIndex()));
        expect(projection.version).toBe(await store.version(owner));
      }),
      { numRuns: 150 },
    );
  });
});
