/**
 * Non-interference of team pooling through the GraphQL API, as properties on any store
 * (issue 14, "Must show"). Random teams of two to four members build random, overlapping
 * networks through the API, with random sharing levels, roles, hidden contacts, blocked labels,
 * reciprocity and approval (team-privacy-plan.ts, team-privacy-world.ts). Member 0 is A, who
 * reads; member 1 is B.
 *
 * (a) A's team searches (to pooled people seen earlier, A's own people, companies, texts), the
 *     requests and the audit log answer the same before and after B changes what A must not
 *     see (team-privacy-reads.ts, changePrivate), and again after the cached pools are dropped.
 * (b) After B stops sharing (sharing OFF, leaving the team, or capped to OFF by a manager), A's
 *     reads answer exactly as before B ever shared; a request A made of B meanwhile shows the
 *     target as nobody but "via B".
 * (c) No answer A can get (every query of the schema, walked generically with every leaf, and
 *     the team mutations that answer with data) holds a marker planted in the other members'
 *     private fields, or an address or profile URL of a contact A does not hold. The same walk
 *     as B finds B's own markers, so the search can fail.
 *
 * Why one world changed in place rather than two worlds compared: ids are random per world, and
 * pooled ids (a hash with the team's id) order the nodes, which decides between equally warm
 * paths; two worlds would differ where nothing leaks. Changed in place, every id stays, so the
 * answers compare exactly, with nothing normalized but the audit log's own ids and times
 * (not asked for). Every run prints its fast-check seed; TEAM_PRIVACY_SEED=<seed> replays it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildWarmpathSchema } from "../../src/build-schema.js";
import { forgetTeamPools, type NetworkStore } from "../../src/graph/index.js";
import type { Result } from "./graphql-harness.js";
import { teamPrivacyHarness } from "./team-privacy-harness.js";
import { teamMutations } from "./team-privacy-mutations.js";
import { changePlan, readPlan, worldPlan, type Level } from "./team-privacy-plan.js";
import { changePrivate, discover, makeRequests, readRound } from "./team-privacy-reads.js";
import { leaksIn, queryDocuments, type Fill } from "./team-privacy-walk.js";
import { M, attempt, buildWorld, must, type World } from "./team-privacy-world.js";

const SEED = Number(process.env.TEAM_PRIVACY_SEED ?? Math.floor(Math.random() * 2 ** 31));

export interface TeamPrivacyOptions {
  /** Runs of (a) and (b); a run costs a world built through the API. */
  runs?: number;
  /** Runs of (c), whose walk asks hundreds of queries. */
  walkRuns?: number;
  /** Most variants of one root field's arguments in the walk. */
  variants?: number;
  /** Most people a round of A's reads searches one by one, after the plan's reads. */
  sweep?: number;
  /**
   * Time each property may take before it stops with the runs done (a failure still fails, and
   * so does a budget spent before one run is through). The tests' own limits leave a minute and
   * a half over a budget of a minute for the run under way.
   */
  budgetMs?: number;
}

export const TEAM_PRIVACY_DEFAULTS = Object.freeze({
  runs: 5,
  walkRuns: 3,
  variants: 16,
  sweep: 40,
  budgetMs: 30_000,
});

/** Levels of objects the walk selects below each root field (its own type is the first). */
const DEPTH = 5;

/** The errors A may get from the walk's guesses: an id of the wrong kind, a role A lacks. */
const CLIENT_ERRORS = new Set(["NOT_FOUND", "FORBIDDEN", "BAD_USER_INPUT", "CONFLICT"]);

/**
 * Queries that need what A lacks here: an update batch (A drafts none), the server's account
 * invitations (administrators), a team's invitations (owners and admins, which A may never be).
 */
const UNANSWERED = new Set(["updateDrafts", "exportUpdate", "invitations", "teamInvitations"]);

export function teamPrivacySuite(
  name: string,
  makeStore: () => Promise<NetworkStore>,
  options: TeamPrivacyOptions = {},
): void {
  const o = { ...TEAM_PRIVACY_DEFAULTS, ...options };
  describe(`team privacy over GraphQL on ${name}`, () => {
    const { store, runAs } = teamPrivacyHarness(makeStore);
    console.log(
      `team privacy on ${name}: fast-check seed ${SEED} (TEAM_PRIVACY_SEED=${SEED} replays it)`,
    );
    const params = (numRuns: number): fc.Parameters<unknown> => ({
      seed: SEED,
      numRuns,
      plugins: [fc.interruptAfterTimeLimit(o.budgetMs)],
    });
    /** Whether A's answers show anything of B's network: the property is not vacuous then. */
    const showsB = (answers: Result[]) => JSON.stringify(answers).includes('"Bo"');

    it("(a) answers A's searches, requests and audit alike whatever B's private fields, hidden contacts and unshared ties hold (property)", async () => {
      const tally = { runs: 0, showingB: 0, changes: 0 };
      await fc.assert(
        fc.asyncProperty(worldPlan, readPlan, changePlan, async (plan, reads, changes) => {
          // B shares in every run (B sharing nothing is (b)'s starting point), at the plan's level or FULL.
          const levels = plan.members.map((m, j) =>
            j === 1 && m.level === "OFF" ? "FULL" : m.level,
          );
          const world = await buildWorld(store(), runAs, plan, { level: (j) => levels[j]! });
          await makeRequests(runAs, world);
          const x = await readRound(runAs, world, reads, o.sweep);
          tally.changes += await changePrivate(runAs, world, levels, changes);
          expect(await readRound(runAs, world, reads, o.sweep)).toEqual(x);
          // And with the pools built afresh from B's changed network, not kept from before.
          forgetTeamPools(store());
          expect(await readRound(runAs, world, reads, o.sweep)).toEqual(x);
          tally.runs++;
          if (showsB(x)) tally.showingB++;
        }),
        params(o.runs),
      );
      console.log(
        `team privacy (a) on ${name}: ${tally.runs} runs, ${tally.changes} changes by B, B's network in A's answers in ${tally.showingB}`,
      );
    }, 150_000);

    it("(b) answers A after B stops sharing, leaves or is capped to OFF exactly as before B shared (property)", async () => {
      const tally = { runs: 0, changedByB: 0, asked: 0 };
      await fc.assert(
        fc.asyncProperty(
          worldPlan,
          readPlan,
          fc.constantFrom<Level>("COMPANY", "FULL"),
          fc.constantFrom("off", "leave", "cap"),
          fc.boolean(),
          async (plan, reads, level, stop, ask) => {
            const world = await buildWorld(store(), runAs, plan, {
              level: (j, planned) => (j === 1 ? "OFF" : planned),
            });
            await makeRequests(runAs, world);
            const before = await readRound(runAs, world, reads, o.sweep);
            const [a, b] = world.members as [World["members"][0], World["members"][0]];
            const team = world.teamId;
            await must(runAs, b.user, M.setTeamSharing, { team, s: level });
            const during = await readRound(runAs, world, reads, o.sweep);
            if (JSON.stringify(during) !== JSON.stringify(before)) tally.changedByB++;
            const asked: string[] = [];
            if (ask)
              for (const personId of (await discover(runAs, world)).slice(0, 2)) {
                const i = { teamId: team, personId, memberUserId: b.user.id };
                const r = await attempt(runAs, a.user, M.askTeammate, { i });
                if (r.data?.askTeammate) asked.push(r.data.askTeammate.id);
              }
            tally.asked += asked.length;
            await stopSharing(world, stop);
            const after = await readRound(runAs, world, reads, o.sweep);
            expect(withoutRequests(after, asked)).toEqual(before);
            const requests = (
              await must(
                runAs,
                a.user,
                `query ($team: ID!) { teamIntroRequests(teamId: $team) { id draft target { __typename ... on OpaquePerson { company via } } } }`,
                { team },
              )
            ).teamIntroRequests.filter((r: { id: string }) => asked.includes(r.id));
            for (const r of requests)
              expect(r).toMatchObject({
                draft: null,
                target: { __typename: "OpaquePerson", company: null, via: ["Bo"] },
              });
            tally.runs++;
          },
        ),
        params(o.runs),
      );
      console.log(
        `team privacy (b) on ${name}: ${tally.runs} runs, B's sharing changed A's answers in ${tally.changedByB}, ${tally.asked} requests of B`,
      );
    }, 150_000);

    /** B stops: sharing OFF, leaving (unless the team's only owner), or capped by another manager. */
    async function stopSharing(world: World, how: string) {
      const b = world.members[1]!;
      const creator = world.plan.creator % world.members.length;
      const manager = world.members.find(
        (m, j) => j !== 1 && (j === creator || world.plan.members[j]!.role === "ADMIN"),
      );
      const member = { teamId: world.teamId, userId: b.user.id };
      if (how === "leave" && creator !== 1)
        await must(
          runAs,
          b.user,
          `mutation ($i: TeamMemberInput!) { removeTeamMember(input: $i) }`,
          { i: member },
        );
      else if (how === "cap" && manager !== undefined)
        await must(
          runAs,
          manager.user,
          `mutation ($i: CapSharingInput!) { capMemberSharing(input: $i) { effectiveSharing } }`,
          { i: { ...member, cap: "OFF" } },
        );
      else await must(runAs, b.user, M.setTeamSharing, { team: world.teamId, s: "OFF" });
    }

    it("(c) shows A no marker of another member's private fields, nor an address A does not hold, in any query or team mutation (property)", async () => {
      const schema = buildWarmpathSchema();
      const tally = { runs: 0, answers: 0, detector: false };
      const answered = new Set<string>();
      await fc.assert(
        fc.asyncProperty(worldPlan, async (plan) => {
          // A and B share in every run (B's network is then A's to search); the others as planned.
          const level = (j: number, planned: Level) =>
            j < 2 && planned === "OFF" ? "FULL" : planned;
          const world = await buildWorld(store(), runAs, plan, { level });
          await makeRequests(runAs, world);
          const fill = await fillFor(world);
          const a = world.members[0]!.user;
          /** Checks an answer to A: only errors a client can act on, and nothing leaked. */
          const check = (name: string, answer: Result, document: string) => {
            const codes = (answer.errors ?? []).map((e) => String(e.extensions?.code));
            const unexpected = codes.filter((code) => !CLIENT_ERRORS.has(code));
            expect(unexpected, `${name}: ${JSON.stringify(answer.errors)}`).toEqual([]);
            if (answer.data?.[name] != null) answered.add(name);
            expect(leaksIn(JSON.stringify(answer), world, 0), `${name}: ${document}`).toEqual([]);
          };
          const mutations = await teamMutations(schema, runAs, world, fill, DEPTH);
          for (const { name, answer } of mutations) check(name, answer, name);
          const documents = queryDocuments(schema, fill, DEPTH, o.variants);
          for (const { field, document } of documents)
            check(field, await runAs(a, document), document);
          tally.answers += documents.length + mutations.length;
          tally.runs++;
          if (!tally.detector) {
            // The search can fail: the same walk as B finds B's markers, of every kind planted.
            const seen = new Set<string>();
            for (const { document } of documents) {
              const text = JSON.stringify(await runAs(world.members[1]!.user, document));
              for (const s of world.secrets)
                if (s.owner === 1 && text.includes(s.value)) seen.add(s.kind);
            }
            const planted = new Set(world.secrets.filter((s) => s.owner === 1).map((s) => s.kind));
            expect([...seen].sort()).toEqual([...planted].sort());
            tally.detector = true;
          }
        }),
        params(o.walkRuns),
      );
      // Every query answered A with data in some run, but those A cannot use here.
      const queries = Object.keys(schema.getQueryType()!.getFields());
      expect(queries.filter((q) => !answered.has(q) && !UNANSWERED.has(q))).toEqual([]);
      const mutations = Object.keys(schema.getMutationType()!.getFields());
      console.log(
        `team privacy (c) on ${name}: ${tally.runs} runs, ${tally.answers} answers searched; mutations answered with data: ${mutations.filter((m) => answered.has(m)).join(", ")}`,
      );
    }, 210_000);

    /** The ids the walk fills ID arguments with: A's, pooled ones, B's own, and requests'. */
    async function fillFor(world: World): Promise<Fill> {
      const [a, b] = world.members as [World["members"][0], World["members"][0]];
      const pooled = (await discover(runAs, world)).slice(0, 3);
      const requests = (
        await must(
          runAs,
          a.user,
          `query ($team: ID!) { teamIntroRequests(teamId: $team) { id } }`,
          { team: world.teamId },
        )
      ).teamIntroRequests.map((r: { id: string }) => r.id);
      const hidden = b.contacts.find((c) => c.visibility !== "shared") ?? b.contacts[0]!;
      const shared = b.contacts.find((c) => c.visibility === "shared") ?? b.contacts[0]!;
      const ids = [
        a.selfId,
        a.contacts[0]!.id,
        a.orgs.get("Acme")!,
        ...pooled,
        b.selfId,
        shared.id,
        hidden.id,
        b.orgs.get("Acme")!,
        b.user.id,
        ...requests.slice(0, 1),
      ];
      return { teamId: world.teamId, ids: [...new Set(ids)], strings: ["e", "Acme"] };
    }
  });
}

/** A round's answers without the requests made since (the world before them had none). */
function withoutRequests(answers: Result[], ids: readonly string[]): Result[] {
  return answers.map((r) => {
    const list = r.data?.teamIntroRequests as { id: string }[] | undefined;
    if (list === undefined) return r;
    return { ...r, data: { teamIntroRequests: list.filter((x) => !ids.includes(x.id)) } };
  });
}
