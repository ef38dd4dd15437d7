/**
 * API replicas on one Neo4j (issue 16, item 8): a write acknowledged by one process is in the
 * answer of the very next query to another (read-your-writes per owner, bound 0), because
 * every query syncs its projection from the store's change feed first. Two real processes
 * (src/main.ts), real HTTP; random writes through A, reads through B right after each write
 * is acknowledged, checked against what the write implies and against a fresh projection.
 * B connects with a neo4j:// routing URI, the way a cluster or Aura is reached.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rngFrom } from "../../src/graph/analytics/seeded-rng.js";
import { introPaths } from "../../src/graph/paths/intro-paths.js";
import { NetworkProjection } from "../../src/graph/projection/network-projection.js";
import { Neo4jStore } from "../../src/neo4j.js";
import { neo4jConnection } from "../setup/neo4j-connection.js";
import { ownerToken } from "../support/owner-token.js";
import { startReplica, type Replica } from "./replica-processes.js";

const STEPS = 40;

const PATHS = `query ($to: ID!) { introPaths(to: { personId: $to }, k: 3, maxHops: 4) {
  paths { warmth people { id } } noPathReason } }`;
const HOP = `query ($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to, maxHops: 1) { id } }`;
const PEOPLE = `{ people(first: 500) { totalCount edges { node { id } } } }`;

type Paths = { introPaths: { paths: { warmth: number; people: { id: string }[] }[] } };

const shape = (paths: { warmth: number; people: string[] }[]) =>
  paths.map((p) => `${p.people.join(">")} ${p.warmth.toFixed(9)}`);

describe("API replicas on one Neo4j", () => {
  const owner = `replicas-${randomUUID()}`;
  let store: Neo4jStore;
  let a: Replica;
  let b: Replica;
  let self: string;

  beforeAll(async () => {
    const c = neo4jConnection();
    store = new Neo4jStore({ uri: c.uri, user: c.user, password: c.password });
    await store.init();
    self = (await store.ensureOwner(owner, { name: "Me" })).id;
    const token = await ownerToken(store, owner);
    const common = { user: c.user, password: c.password, owner, token };
    [a, b] = await Promise.all([
      startReplica({ ...common, uri: c.uri }),
      startReplica({ ...common, uri: c.uri.replace(/^bolt:/, "neo4j:") }),
    ]);
  }, 120_000);

  afterAll(async () => {
    const codes = await Promise.all([a?.stop(), b?.stop()]);
    await store?.close();
    expect(codes).toEqual([0, 0]);
  });

  it("answers every query through B with the write just acknowledged through A", async () => {
    const random = rngFrom(16);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const people: string[] = [];
    const ties = new Map<string, [string, string]>();
    const pairKey = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);
    const counts = { person: 0, connect: 0, disconnect: 0, delete: 0, checks: 0 };

    /** B's answer for a target, beside a projection loaded fresh from the store now. */
    const checkPaths = async (to: string) => {
      const seen = await b.gql<Paths>(PATHS, { to });
      const fresh = await introPaths(await NetworkProjection.load(store, owner), { personId: to });
      expect(
        shape(seen.introPaths.paths.map((p) => ({ ...p, people: p.people.map((x) => x.id) }))),
      ).toEqual(shape(fresh.paths));
      counts.checks++;
    };
    const hop = async (from: string, to: string) =>
      (await b.gql<{ shortestPath: { id: string }[] | null }>(HOP, { from, to })).shortestPath?.map(
        (p) => p.id,
      ) ?? null;

    for (let step = 0; step < STEPS; step++) {
      const roll = random();
      if (people.length < 4 || roll < 0.3) {
        const { createPerson } = await a.gql<{ createPerson: { id: string } }>(
          `mutation ($name: String!) { createPerson(input: { name: $name }) { id } }`,
          { name: `Person ${step}` },
        );
        people.push(createPerson.id);
        counts.person++;
        const listed = await b.gql<{ people: { edges: { node: { id: string } }[] } }>(PEOPLE);
        expect(listed.people.edges.map((e) => e.node.id)).toContain(createPerson.id);
        await checkPaths(createPerson.id);
      } else if (roll < 0.75) {
        const x = pick([self, ...people]);
        const y = pick(people.filter((p) => p !== x));
        const strength = pick([0.2, 0.5, 0.9]);
        await a.gql(
          `mutation ($x: ID!, $y: ID!, $s: Float) { connect(input: { personA: $x, personB: $y, strength: $s }) { id } }`,
          { x, y, s: strength },
        );
        ties.set(pairKey(x, y), [x, y]);
        counts.connect++;
        expect(await hop(x, y)).toEqual([x, y]);
        await checkPaths(y);
      } else if (roll < 0.9 && ties.size > 0) {
        const [x, y] = pick([...ties.values()]);
        await a.gql(
          `mutation ($x: ID!, $y: ID!) { disconnect(input: { personA: $x, personB: $y }) { id } }`,
          { x, y },
        );
        ties.delete(pairKey(x, y));
        counts.disconnect++;
        expect(await hop(x, y)).toBeNull();
        await checkPaths(y === self ? x : y);
      } else {
        const gone = pick(people);
        await a.gql(`mutation ($id: ID!) { deletePerson(input: { id: $id }) }`, { id: gone });
        people.splice(people.indexOf(gone), 1);
        for (const [key, [x, y]] of ties) if (x === gone || y === gone) ties.delete(key);
        counts.delete++;
        const listed = await b.gql<{ people: { edges: { node: { id: string } }[] } }>(PEOPLE);
        expect(listed.people.edges.map((e) => e.node.id)).not.toContain(gone);
        await expect(b.gql(PATHS, { to: gone })).rejects.toThrow(/NOT_FOUND|not found/i);
        if (people.length > 0) await checkPaths(pick(people));
      }
    }
    // Every kind of write happened, and each was checked through B.
    expect(counts.person).toBeGreaterThan(0);
    expect(counts.connect).toBeGreaterThan(0);
    expect(counts.disconnect).toBeGreaterThan(0);
    expect(counts.delete).toBeGreaterThan(0);
    expect(counts.checks).toBeGreaterThanOrEqual(STEPS - counts.delete);
  }, 300_000);
});
