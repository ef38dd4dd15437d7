/**
 * The path engine gives the same answers whichever store holds the network:
 * random networks are written to SQLite and to the real Neo4j, and the same
 * queries on each (warmest paths to a person and to an organization, reach,
 * fewest ties) must agree, compared by names since ids differ between stores.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { introPaths } from "../../../src/graph/paths/intro-paths.js";
import { fewestHopsPath } from "../../../src/graph/paths/shortest-path.js";
import { reach } from "../../../src/graph/analytics/reach.js";
import { NetworkProjection } from "../../../src/graph/projection/network-projection.js";
import { Neo4jStore } from "../../../src/graph/store/neo4j/neo4j-store.js";
import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";
import type { NetworkStore } from "../../../src/graph/store/network-store.js";
import { neo4jConnection } from "../../setup/neo4j-connection.js";

const NOW = new Date("2026-11-22T00:00:00Z");
const PEOPLE = 14;

const networks = fc.record({
  // Strengths drawn finely, so two different paths almost never tie in warmth.
  ties: fc.uniqueArray(
    fc.tuple(
      fc.nat(PEOPLE),
      fc.nat(PEOPLE - 1),
      fc.option(fc.integer({ min: 50, max: 1000 }), { nil: null }),
    ),
    {
      minLength: 10,
      maxLength: 40,
      selector: ([a, b]) => [a, b].sort().join(),
    },
  ),
  jobs: fc.array(
    fc.tuple(
      fc.nat(PEOPLE - 1),
      fc.nat(1),
      fc.constantFrom(null, "2012-01-01", "2017-03-01"),
      fc.constantFrom(null, "2016-06-30", "2021-12-31"),
    ),
    { maxLength: 10 },
  ),
  talks: fc.array(fc.tuple(fc.nat(PEOPLE - 1), fc.nat(700)), { maxLength: 8 }),
  /** People the owner knows directly, so that most networks have paths to compare. */
  known: fc.uniqueArray(fc.nat(PEOPLE - 1), { minLength: 2, maxLength: 5 }),
  target: fc.nat(PEOPLE - 1),
});
type Network = typeof networks extends fc.Arbitrary<infer T> ? T : never;

/** Writes the network (person 0 is the owner; the rest are P0..P13) and loads its projection. */
async function project(store: NetworkStore, net: Network) {
  const owner = `same-${randomUUID()}`;
  const self = await store.ensureOwner(owner, { name: "Me" });
  const people = (
    await store.bulkUpsert(
      owner,
      "person",
      Array.from({ length: PEOPLE }, (_, i) => ({ name: `P${i}` })),
    )
  ).ids;
  const orgs = (
    await store.bulkUpsert(owner, "organization", [{ name: "Acme" }, { name: "Contoso" }])
  ).ids;
  const at = (i: number) => (i === PEOPLE ? self.id : people[i]!);
  const pairs = [...net.ties, ...net.known.map((p) => [PEOPLE, p, null] as const)].filter(
    ([a, b], i, all) =>
      a !== b && all.findIndex(([x, y]) => (x === a && y === b) || (x === b && y === a)) === i,
  );
  const ties = pairs.map(([a, b, s]) => ({
    personA: at(a),
    personB: at(b),
    strength: s === null ? null : s / 1000,
  }));
  if (ties.length) await store.bulkUpsert(owner, "tie", ties);
  for (const [p, o, from, to] of net.jobs) {
    await store.upsert(owner, "employment", {
      personId: people[p]!,
      organizationId: orgs[o]!,
      from: from !== null && to !== null && from > to ? null : from,
      to,
    });
  }
  for (const [p, days] of net.talks) {
    await store.create(owner, "interaction", {
      personId: people[p]!,
      kind: "call",
      at: new Date(NOW.getTime() - days * 86_400_000).toISOString(),
      direction: "mutual",
    });
  }
  const projection = await NetworkProjection.load(store, owner, { now: () => NOW });
  return { projection, people, orgs };
}

/** Every answer, with ids replaced by names. */
async function answers(store: NetworkStore, net: Network) {
  const { projection, people, orgs } = await project(store, net);
  const paths = async (to: { personId: string } | { organizationId: string }) => {
    const result = await introPaths(projection, to, { k: 3 });
    return {
      reason: result.noPathReason,
      // Two paths of equal warmth may be ranked either way (ties from the same shared employer are equally strong),
      // so each path is compared by what it is made of: its warmth, and each hop's strength and evidence.
      paths: result.paths.map((p) => ({
        warmth: p.warmth.toFixed(9),
        hops: p.hops.map((h) => ({
          strength: h.strength.toFixed(9),
          inferred: h.inferred,
          evidence: h.evidence,
        })),
      })),
    };
  };
  const index = projection.pathIndex();
  const self = index.indexOf.get(projection.selfId)!;
  return {
    toPerson: await paths({ personId: people[net.target]! }),
    toOrganization: await Promise.all(orgs.map((organizationId) => paths({ organizationId }))),
    reach: reach(index, projection.selfId),
    fewestTies: people.map(
      (id) => fewestHopsPath(index, self, index.indexOf.get(id)!, 6)?.length ?? null,
    ),
  };
}

describe("the same answers on SQLite and on Neo4j", () => {
  let sqlite: SqliteStore;
  let neo4j: Neo4jStore;
  beforeAll(async () => {
    sqlite = new SqliteStore({ path: ":memory:" });
    neo4j = new Neo4jStore(neo4jConnection());
    await Promise.all([sqlite.init(), neo4j.init()]);
  });
  afterAll(async () => {
    sqlite?.close();
    await neo4j?.close();
  });

  it("gives equal paths, evidence, reach and fewest ties for any network (property)", async () => {
    let pathsCompared = 0;
    await fc.assert(
      fc.asyncProperty(networks, async (net) => {
        const [a, b] = await Promise.all([answers(sqlite, net), answers(neo4j, net)]);
        expect(b).toEqual(a);
        pathsCompared +=
          a.toPerson.paths.length + a.toOrganization.reduce((n, o) => n + o.paths.length, 0);
      }),
      // Each run writes to the real Neo4j, so fewer runs than the in-memory properties; no shrinking on failure.
      { numRuns: 15, endOnFailure: true },
    );
    // The comparison is only worth something if the random networks have paths in them.
    expect(pathsCompared).toBeGreaterThan(10);
  }, 180_000);
});
