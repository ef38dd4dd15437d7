import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode, WarmpathError } from "../../../src/errors.js";
import type { NetworkStore } from "../../../src/graph/index.js";
import type { PooledNetwork } from "../../../src/graph/teams/pooled-graph.js";
import { buildPooledNetwork } from "../../../src/graph/teams/pooled-network.js";
import { pooledIntroPaths } from "../../../src/graph/teams/pooled-paths.js";
import { teamPoolFor, type TeamPoolInput } from "../../../src/graph/teams/team-projection.js";
import { projectionFor } from "../../../src/graph/projection/projection-registry.js";
import { memoryStore, Network, NOW, TEAM } from "./team-fixture.js";
import { PERSONAS, settingsOf, teamSpec, writeNetwork, type TeamSpec } from "./team-spec.js";

/** Writes that can change what a pool holds: identities (merging and splitting nodes), sharing, ties, jobs. */
const OPS = [
  "title",
  "untitle",
  "email",
  "url",
  "tag",
  "delete",
  "add",
  "tie",
  "untie",
  "job",
  "rename",
  "coffee",
] as const;
const ops = fc.array(
  fc.record({
    op: fc.constantFrom(...OPS),
    network: fc.nat(),
    which: fc.nat(),
    other: fc.nat(),
    persona: fc.nat(PERSONAS - 1),
    strength: fc.constantFrom(0.2, 0.5, 0.95),
  }),
  { minLength: 1, maxLength: 10 },
);

type Change = typeof ops extends fc.Arbitrary<(infer C)[]> ? C : never;

/** A write the store refuses as a duplicate (an address or a job another record has) changes nothing. */
function unlessConflict(error: unknown): void {
  if (!(error instanceof WarmpathError && error.code === ErrorCode.CONFLICT)) throw error;
}

describe("a pool kept in step through the change feeds", () => {
  let store: NetworkStore;
  beforeAll(async () => {
    store = await memoryStore();
  });
  afterAll(() => store.close());
  const options = { projection: { now: () => NOW } };

  async function writeTeam(spec: TeamSpec) {
    const requester = await writeNetwork(store, spec, "r", spec.requester);
    const members: Network[] = [];
    for (const [j, m] of spec.members.entries())
      members.push(await writeNetwork(store, spec, `m${j}`, m.network));
    const input: TeamPoolInput = {
      teamId: TEAM,
      requester: { userId: "ur", ownerId: requester.ownerId },
      members: spec.members.map((m, j) => ({
        userId: `u${j}`,
        ownerId: members[j]!.ownerId,
        name: `M${j}`,
        role: "member" as const,
        level: m.level,
        settings: settingsOf(spec, members[j]!, m.network),
      })),
    };
    return { networks: [requester, ...members], input };
  }

  /** The same pool built from scratch over the same (synced) projections. */
  async function freshPool(input: TeamPoolInput): Promise<PooledNetwork> {
    const own = await projectionFor(store, input.requester.ownerId, options.projection);
    const members = await Promise.all(
      input.members.map(async (m) => ({
        ...m,
        projection: await projectionFor(store, m.ownerId, options.projection),
      })),
    );
    return buildPooledNetwork({ ...input.requester, projection: own }, members, { teamId: TEAM });
  }

  /** Everything a pool holds, in an order that does not depend on how it was reached. */
  function contents(pool: PooledNetwork, aliasIds: string[]) {
    const nodes = pool.graph.nodes().sort();
    const row = (index: PooledNetwork["index"], node: string) => {
      const i = index.indexOf.get(node)!;
      const out: string[] = [];
      for (let e = index.starts[i]!; e < index.ends[i]!; e++)
        out.push(`${index.keys[index.targets[e]!]}:${index.costs[e]!.toFixed(12)}`);
      return out.sort();
    };
    return {
      selfNode: pool.selfNode,
      members: pool.memberUserIds().map((u) => [u, pool.memberNode(u) ?? null]),
      nodes: nodes.map((n) => ({
        n,
        view: pool.view(n),
        holders: pool.holdersOf(n),
        index: row(pool.index, n),
        shown: row(pool.shownIndex(), n),
      })),
      edges: pool.graph
        .mapEdges((k, a, s, t) => JSON.stringify([k, [s, t].sort(), a, pool.ownTie(s, t) ?? null]))
        .sort(),
      aliases: aliasIds.map((id) => pool.nodeOf(id) ?? null),
      at: ["Acme", "Contoso", "Initech"].map((name) => pool.currentlyAt(name).sort()),
      text: ["engineer", "alex", "acme", "m0", ""].map((t) => pool.matching(t).sort()),
      // Equal paths rank alike however the pool was reached (rankingStrength's tiebreak).
      paths: nodes.map((personId) =>
        [true, false].map(
          (diverseIntroducers) =>
            pooledIntroPaths(pool, { personId }, { k: 3, maxHops: 3, diverseIntroducers }).paths,
        ),
      ),
    };
  }

  it("equals the pool built anew from the same networks after any writes, without being rebuilt (property)", async () => {
    await fc.assert(
      fc.asyncProperty(teamSpec(true), ops, async (spec, changes) => {
        const { networks, input } = await writeTeam(spec);
        const pool = await teamPoolFor(store, input, options);
        let added = 0;
        for (const change of changes) await apply(change).catch(unlessConflict);
        async function apply({ op, network: n, which, other, persona, strength }: Change) {
          const network = networks[n % networks.length]!;
          const keys = Object.keys(network.id);
          const key = keys[which % keys.length]!;
          const id = network.id[key]!;
          const owner = network.ownerId;
          const otherId = network.id[keys[other % keys.length]!]!;
          const self = key === "self";
          if (op === "title") await store.update(owner, "person", id, { title: "Engineer" });
          else if (op === "untitle") await store.update(owner, "person", id, { title: null });
          else if (op === "email")
            // A work address another record may carry: two nodes may become one, or one two.
            await store.update(owner, "person", id, {
              emails: [`p${persona}@corp-p${persona}.example`],
            });
          else if (op === "url")
            await store.update(owner, "person", id, {
              profileUrl: `https://linkedin.com/in/p${persona}`,
            });
          else if (op === "tag") await store.update(owner, "person", id, { tags: ["family"] });
          else if (op === "delete" && !self) {
            await store.delete(owner, "person", id);
            delete network.id[key];
          } else if (op === "add")
            await network.person(`n${added++}`, {
              name: "Kim",
              title: "Engineer",
              profileUrl: `https://linkedin.com/in/p${persona}`,
              at: ["Initech"],
            });
          else if (op === "tie" && id !== otherId)
            await store.upsert(owner, "tie", { personA: id, personB: otherId, strength });
          else if (op === "untie") {
            const tie = (await store.list(owner, "tie", undefined, { first: 1 })).edges[0]?.node;
            if (tie) await store.delete(owner, "tie", tie.id);
          } else if (op === "job")
            await store.create(owner, "employment", {
              personId: id,
              organizationId: await network.organization(strength > 0.5 ? "Acme" : "Contoso"),
            });
          else if (op === "rename")
            await store.update(owner, "organization", await network.organization("Acme"), {
              name: "Initech",
            });
          else if (op === "coffee")
            await store.create(owner, "interaction", {
              personId: id,
              kind: "coffee",
              at: new Date(NOW.getTime() - 86_400_000).toISOString(),
              direction: "mutual",
            });
        }
        const synced = await teamPoolFor(store, input, options);
        // Kept in step, not rebuilt.
        expect(synced).toBe(pool);
        const fresh = await freshPool(input);
        const ids = networks.flatMap((n) => Object.values(n.id));
        expect(contents(synced, ids)).toEqual(contents(fresh, ids));
      }),
      { numRuns: 150 },
    );
  });
});
