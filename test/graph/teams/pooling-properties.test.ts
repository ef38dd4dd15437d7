import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NetworkStore } from "../../../src/graph/index.js";
import type { TeamMember } from "../../../src/graph/store/teams.js";
import { poolMembers } from "../../../src/graph/teams/pool-members.js";
import { pooledId, type PooledNetwork } from "../../../src/graph/teams/pooled-graph.js";
import { buildPooledNetwork } from "../../../src/graph/teams/pooled-network.js";
import { pooledIntroPaths } from "../../../src/graph/teams/pooled-paths.js";
import { member, memoryStore, Network, NOW, TEAM } from "./team-fixture.js";
import {
  bruteForceWarmth,
  recordOf,
  settingsOf,
  shareableBySpec,
  teamSpec,
  unionGraph,
  writeNetwork,
  type Persona,
  type TeamSpec,
} from "./team-spec.js";

interface Written {
  requester: Network;
  members: Network[];
}

describe("pooling properties", () => {
  let store: NetworkStore;
  beforeAll(async () => {
    store = await memoryStore();
  });
  afterAll(() => store.close());

  async function writeTeam(spec: TeamSpec): Promise<Written> {
    const requester = await writeNetwork(store, spec, "r", spec.requester);
    const members: Network[] = [];
    for (const [j, m] of spec.members.entries())
      members.push(await writeNetwork(store, spec, `m${j}`, m.network));
    return { requester, members };
  }

  /** The pool of the spec's members (user ids "u0".."u2", levels as the spec says), or of some of them. */
  async function poolOf(
    spec: TeamSpec,
    written: Written,
    which: (j: number) => boolean = () => true,
    teammateStrength?: number,
  ): Promise<PooledNetwork> {
    const members = [];
    for (const [j, m] of spec.members.entries())
      if (which(j))
        members.push(
          await member(
            written.members[j]!,
            `u${j}`,
            `M${j}`,
            m.level,
            settingsOf(spec, written.members[j]!, m.network),
          ),
        );
    return buildPooledNetwork(
      {
        userId: "ur",
        ownerId: written.requester.ownerId,
        projection: await written.requester.projection(),
      },
      members,
      { teamId: TEAM, ...(teammateStrength === undefined ? {} : { teammateStrength }) },
    );
  }

  /** Each persona's node id by the documented rule: the requester's person, else the first member's pooled id. */
  function expectedIds(spec: TeamSpec, written: Written, personas: Set<Persona>) {
    const ids = new Map<Persona, string>();
    const own = (p: Persona) =>
      p === "r"
        ? written.requester.id.self
        : written.requester.id[`c${spec.requester.contacts.findIndex((c) => c.persona === p)}`];
    for (const p of personas) {
      const mine = own(p);
      if (mine !== undefined) {
        ids.set(p, mine);
        continue;
      }
      for (const [j, m] of spec.members.entries()) {
        if (m.level === "off") continue;
        const i = m.network.contacts.findIndex((c) => c.persona === p && shareableBySpec(spec, c));
        const personId =
          p === `m${j}` ? written.members[j]!.id.self : written.members[j]!.id[`c${i}`];
        if (personId !== undefined) {
          ids.set(p, pooledId(TEAM, written.members[j]!.ownerId, personId));
          break;
        }
      }
    }
    return ids;
  }

  /** Everything a requester can learn of a pool, and its edges as the search sees them. */
  function observe(pool: PooledNetwork) {
    const nodes = pool.graph.nodes().sort();
    return {
      views: nodes.map((n) => pool.view(n)),
      edges: pool.graph.mapEdges((_k, a, s, t) => JSON.stringify([[s, t].sort(), a])).sort(),
      paths: nodes.map((personId) =>
        [true, false].map((diverseIntroducers) =>
          pooledIntroPaths(pool, { personId }, { k: 3, maxHops: 3, diverseIntroducers }),
        ),
      ),
      text: pooledIntroPaths(pool, { text: "engineer" }),
      org: pooledIntroPaths(pool, { organizationName: "Acme" }),
    };
  }

  it("finds a path exactly as warm as the warmest one a brute-force search finds over the union of the shared networks (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        teamSpec(),
        fc.integer({ min: 1, max: 4 }),
        // A cold teammate tie makes "ask someone to ask a teammate" tempting: it must still never be chosen.
        fc.constantFrom(0.9, 0.3, 0.05),
        async (spec, maxHops, teammateStrength) => {
          const written = await writeTeam(spec);
          const pool = await poolOf(spec, written, () => true, teammateStrength);
          const graph = unionGraph(spec, teammateStrength);
          const ids = expectedIds(spec, written, graph.nodes);
          // One node per persona shared with the requester, and no other; the ties the rules pool, and no other.
          expect(pool.graph.nodes().sort()).toEqual([...ids.values()].sort());
          const personaOf = new Map([...ids].map(([p, id]) => [id, p]));
          const pooledEdges = pool.graph.mapEdges(
            (_k, a, s, t) =>
              [[personaOf.get(s)!, personaOf.get(t)!].sort().join("|"), a.strength] as const,
          );
          expect(new Map(pooledEdges)).toEqual(graph.edges);
          expect(pooledEdges).toHaveLength(graph.edges.size);
          for (const target of graph.nodes) {
            if (target === "r") continue;
            const best = bruteForceWarmth(graph, target, maxHops);
            const result = pooledIntroPaths(
              pool,
              { personId: ids.get(target)! },
              { maxHops, k: 1 },
            );
            if (best === 0) {
              expect(result.paths).toEqual([]);
              continue;
            }
            const people = result.paths[0]!.people.map((id) => personaOf.get(id)!);
            let exact = 1;
            for (let i = 0; i + 1 < people.length; i++)
              exact *= graph.edges.get([people[i], people[i + 1]].sort().join("|"))!;
            expect(exact).toBeCloseTo(best, 12);
            expect(people.slice(2).some((p) => graph.teammates.has(p))).toBe(false);
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it("answers exactly the same whatever changes in hidden contacts' private data and unshared ties, or in networks not shared (property)", async () => {
    const ops = fc.array(
      fc.record({
        op: fc.constantFrom("notes", "phone", "tag", "interaction", "favor", "tie"),
        which: fc.nat(),
        other: fc.nat(),
        strength: fc.constantFrom(0.3, 0.95),
      }),
      { maxLength: 12 },
    );
    await fc.assert(
      fc.asyncProperty(teamSpec(true), ops, async (spec, changes) => {
        const written = await writeTeam(spec);
        const before = observe(await poolOf(spec, written));
        // Records whose changes the requester must not see: hidden contacts of sharing members,
        // and every record of a member who shares nothing.
        const targets = spec.members.flatMap((m, j) => {
          const network = written.members[j]!;
          const all = m.network.contacts.map((c, i) => ({ c, key: `c${i}` }));
          const hidden = m.level === "off" ? all : all.filter(({ c }) => !shareableBySpec(spec, c));
          const others = ["self", ...all.map(({ key }) => key)];
          return hidden.map(({ c, key }) => ({ network, key, c, others }));
        });
        if (targets.length === 0) return;
        for (const { op, which, other, strength } of changes) {
          const { network, key, c, others } = targets[which % targets.length]!;
          const [owner, id] = [network.ownerId, network.id[key]!];
          if (op === "notes")
            await store.update(owner, "person", id, { notes: `private ${which}` });
          else if (op === "phone")
            await store.update(owner, "person", id, { phones: [`+1 555 01${which % 90}`] });
          else if (op === "tag")
            await store.update(owner, "person", id, {
              tags: [...(recordOf(spec, c).tags ?? []), "golf"],
            });
          else if (op === "interaction")
            await store.create(owner, "interaction", {
              personId: id,
              kind: "coffee",
              at: new Date(NOW.getTime() - (which % 300) * 86_400_000).toISOString(),
              direction: "mutual",
            });
          else if (op === "favor")
            await store.create(owner, "favor", {
              personId: id,
              direction: "given",
              kind: "advice",
              date: "2026-06-01",
            });
          else {
            const to = network.id[others[other % others.length]!]!;
            if (to !== id) await store.upsert(owner, "tie", { personA: id, personB: to, strength });
          }
        }
        expect(observe(await poolOf(spec, written))).toEqual(before);
      }),
      { numRuns: 30 },
    );
  });

  it("answers with a member who turned sharing off exactly as without them (property)", async () => {
    await fc.assert(
      fc.asyncProperty(teamSpec(true), fc.nat(), async (spec, x) => {
        const leaving = x % spec.members.length;
        const off: TeamSpec = {
          ...spec,
          members: spec.members.map((m, j) => (j === leaving ? { ...m, level: "off" } : m)),
        };
        const written = await writeTeam(off);
        // The caller's rule: poolMembers leaves them out; and a member passed at level off pools nothing.
        const asMember = (j: number, level = off.members[j]!.level): TeamMember => ({
          teamId: TEAM,
          userId: `u${j}`,
          ownerId: written.members[j]!.ownerId,
          name: `M${j}`,
          role: "member",
          sharing: level,
          sharingCap: "full",
          joinedAt: NOW,
        });
        const chosen = poolMembers(
          { ...asMember(0, "full"), userId: "ur" },
          off.members.map((_, j) => asMember(j)),
          { id: TEAM, reciprocity: true },
        ).map((m) => Number(m.userId.slice(1)));
        expect(chosen).not.toContain(leaving);
        const without = observe(await poolOf(off, written, (j) => j !== leaving));
        expect(observe(await poolOf(off, written, (j) => chosen.includes(j)))).toEqual(without);
        expect(observe(await poolOf(off, written))).toEqual(without);
      }),
      { numRuns: 30 },
    );
  });
});
