/**
 * Owner isolation as a property, over GraphQL, on any store (issue 13). Two owners, A and B,
 * get random networks built through the API's own mutations, from shared pools of names,
 * e-mails, profile URLs, organization names, tags and idempotency keys, so their data look alike.
 *
 * 1. A's reads answer the same before and after B creates, updates and deletes at random
 *    (and B's answers never carry one of A's ids).
 * 2. Any of B's ids, in any id argument of A's reads and writes, is answered exactly as an id
 *    that never existed (the same id with another random part), and B's data stay unchanged;
 *    refusing B's id takes as long as refusing a missing one.
 *
 * The clock is fixed through contextFor's clock, exports included. Nothing in the answers is
 * normalized but the probed id's own text. Every run prints its fast-check seed;
 * ISOLATION_SEED=<seed> replays it.
 *
 * The pools and clock are in isolation-pools.ts, the GraphQL documents in isolation-documents.ts,
 * the networks and how they are built in isolation-network.ts, A's reads and B's changes in
 * isolation-operations.ts, and the id arguments probed in isolation-probes.ts.
 */
import { performance } from "node:perf_hooks";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NetworkStore } from "../../src/graph/index.js";
import { graphqlHarness, type Result } from "./graphql-harness.js";
import { M, Q } from "./isolation-documents.js";
import {
  ID_KINDS,
  allIds,
  buildNetwork,
  createdId,
  networkPlan,
  type Network,
  type NetworkPlan,
} from "./isolation-network.js";
import {
  CHANGES,
  READS,
  WHOLE_VIEW,
  chooser,
  choices,
  step,
  type Chooser,
  type Op,
} from "./isolation-operations.js";
import { NOW } from "./isolation-pools.js";
import { PROBES, self, twinOf, withoutId } from "./isolation-probes.js";

const SEED = Number(process.env.ISOLATION_SEED ?? Math.floor(Math.random() * 2 ** 31));

const codeOf = (r: Result) => r.errors?.[0]?.extensions?.code;

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Timing: calls measured per id class and operation, and how far apart the medians may be. */
const TIMING = Object.freeze({ warmup: 20, calls: 150, minRatio: 0.5, maxRatio: 2, slackMs: 1 });

export interface IsolationOptions {
  /** Runs of each property: few where a run costs seconds (a server), more where it is cheap. */
  runs?: number;
  /** Time each property may take before it stops with the runs done (a failure still fails). */
  budgetMs?: number;
}

export const ISOLATION_DEFAULTS = Object.freeze({ runs: 5, budgetMs: 60_000 });

export function isolationSuite(
  name: string,
  makeStore: () => Promise<NetworkStore>,
  options: IsolationOptions = {},
): void {
  const o = { ...ISOLATION_DEFAULTS, ...options };
  describe(`owner isolation over GraphQL on ${name}`, () => {
    const harness = graphqlHarness(makeStore, () => NOW);
    const run = harness.run;
    console.log(
      `isolation on ${name}: fast-check seed ${SEED} (ISOLATION_SEED=${SEED} replays it)`,
    );
    const params: fc.Parameters<unknown> = {
      seed: SEED,
      numRuns: o.runs,
      // On a slow machine, fewer runs rather than a timeout; a failure found is still reported.
      plugins: [fc.interruptAfterTimeLimit(o.budgetMs)],
    };

    /** Runs an operation whose failure, if any, must be one a client can act on. */
    async function attempt(owner: string, query: string, variables: Record<string, unknown>) {
      const r = await run(owner, query, variables);
      expect(
        codeOf(r),
        `${query}\n${JSON.stringify(variables)}\n${JSON.stringify(r.errors)}`,
      ).not.toBe("INTERNAL");
      return r;
    }

    /** Builds the plan through the API; `keys: false` leaves its idempotency keys out. */
    const build = (prefix: string, plan: NetworkPlan, keys = true) =>
      buildNetwork(harness.store(), attempt, prefix, plan, keys);

    /** Runs one change by B; remembers what it created; checks it answers nothing of A's. */
    async function change(b: Network, aIds: readonly string[], name: string, c: Chooser) {
      const op = CHANGES[name]!(b, c);
      const r = await attempt(b.owner, op.query, op.variables);
      const text = JSON.stringify(r);
      for (const id of aIds) expect(text, `${name} by B answered with A's id`).not.toContain(id);
      if (op.key !== undefined) {
        // A key only A has used is a fresh key for B: never a conflict.
        if (!b.keys.has(op.key))
          expect(r.errors?.[0]?.extensions?.field, `${name} with a key new to B`).not.toBe(
            "idempotencyKey",
          );
        b.keys.add(op.key);
      }
      const id = createdId(r);
      if (op.adds && id !== undefined) b.ids[op.adds].push(id);
    }

    /** What an owner sees of their whole network, through the API. */
    async function view(n: Network): Promise<unknown[]> {
      const answers = [];
      for (const query of WHOLE_VIEW) answers.push(await run(n.owner, query));
      for (const batch of n.ids.batch) answers.push(await run(n.owner, Q.updateDrafts, { batch }));
      return answers;
    }

    const version = (n: Network) => harness.store().version(n.owner);

    it("answers every read of one owner the same before and after another owner creates, updates and deletes", async () => {
      await fc.assert(
        fc.asyncProperty(
          networkPlan,
          networkPlan,
          fc.array(step(Object.keys(READS)), { minLength: 6, maxLength: 14 }),
          fc.array(step(Object.keys(CHANGES)), { minLength: 5, maxLength: 25 }),
          async (planA, planB, reads, changes) => {
            // B starts with no key of its own, so the keys of its changes are new to it.
            const a = await build("iso-a", planA);
            const b = await build("iso-b", planB, false);
            const ops = reads.map(({ name, nats }) => ({
              name,
              ...READS[name]!(a, b, chooser(nats)),
            }));
            /** A's answer to one read, checked to name none of B's ids but those it was asked about. */
            const read = async (op: (typeof ops)[number]) => {
              const answer = await run(a.owner, op.query, op.variables);
              const text = JSON.stringify(answer);
              const asked = JSON.stringify(op.variables);
              const named = allIds(b).filter((id) => text.includes(id) && !asked.includes(id));
              expect(named, `${op.name} answered A with B's ids`).toEqual([]);
              return answer;
            };
            const before = [];
            for (const op of ops) before.push(await read(op));
            const viewBefore = await view(a);
            const [versionA, versionB] = [await version(a), await version(b)];

            const aIds = allIds(a);
            for (const { name, nats } of changes) await change(b, aIds, name, chooser(nats));
            // Not vacuous: B's network did change.
            expect(await version(b)).toBeGreaterThan(versionB);

            for (const [i, op] of ops.entries())
              expect(await read(op), `${op.name} ${JSON.stringify(op.variables)}`).toEqual(
                before[i],
              );
            expect(await view(a)).toEqual(viewBefore);
            expect(await version(a)).toBe(versionA);
          },
        ),
        params,
      );
    }, 240_000);

    it("answers another owner's ids exactly as ids that never existed, in reads and writes, and leaves their data unchanged", async () => {
      await fc.assert(
        fc.asyncProperty(
          networkPlan,
          networkPlan,
          fc.array(
            fc.record({
              probe: fc.constantFrom(...Object.keys(PROBES)),
              // Mostly the argument's own kind of id; sometimes any other kind B has.
              ownKind: fc.nat({ max: 3 }).map((n) => n > 0),
              kind: fc.constantFrom(...ID_KINDS),
              missingFirst: fc.boolean(),
              nats: choices,
            }),
            { minLength: 10, maxLength: 30 },
          ),
          async (planA, planB, probes) => {
            const a = await build("iso-a", planA);
            const b = await build("iso-b", planB);
            const viewB = await view(b);
            const versionB = await version(b);
            for (const { probe, ownKind, kind, missingFirst, nats } of probes) {
              const { kind: own, op } = PROBES[probe]!;
              const ids = b.ids[ownKind ? own : kind];
              if (ids.length === 0) continue;
              const theirs = ids[nats[0]! % ids.length]!;
              const never = twinOf(theirs);
              const versionA = await version(a);
              const ask = async (id: string) => {
                // The same other arguments for both ids.
                const { query, variables } = op(id, a, chooser(nats.slice(1)));
                return withoutId(await run(a.owner, query, variables), id);
              };
              // Either order: neither answer may lean on what the other warmed up.
              const early = missingFirst ? await ask(never) : undefined;
              const foreign = await ask(theirs);
              const missing = early ?? (await ask(never));
              expect(foreign, `${probe} with B's ${ownKind ? own : kind} id`).toEqual(missing);
              if ((missing as Result).errors !== undefined)
                expect(await version(a), `${probe} failed and wrote`).toBe(versionA);
            }
            expect(await version(b)).toBe(versionB);
            expect(await view(b)).toEqual(viewB);
          },
        ),
        params,
      );
    }, 240_000);

    it("takes as long to refuse another owner's id as an id that never existed", async () => {
      const [planA, planB] = fc.sample(fc.tuple(networkPlan, networkPlan), {
        seed: SEED,
        numRuns: 1,
      })[0]!;
      const a = await build("iso-a", planA);
      const b = await build("iso-b", planB);
      const theirs = b.ids.person;
      const never = theirs.map(twinOf);
      const ops: Record<string, (id: string) => Op> = {
        person: (id) => ({ query: Q.personName, variables: { id } }),
        updatePerson: (id) => ({
          query: M.updatePerson,
          variables: { input: { id, title: "Spy" } },
        }),
        connect: (id) => ({
          query: M.connect,
          variables: { input: { personA: self(a), personB: id, strength: 0.5 } },
        }),
      };
      for (const [operation, op] of Object.entries(ops)) {
        const times = { foreign: [] as number[], missing: [] as number[] };
        for (let i = 0; i < TIMING.warmup + TIMING.calls; i++) {
          // Alternate which goes first, so neither gains from the other's warm caches.
          const order =
            i % 2 === 0 ? (["foreign", "missing"] as const) : (["missing", "foreign"] as const);
          for (const which of order) {
            const id = (which === "foreign" ? theirs : never)[i % theirs.length]!;
            const { query, variables } = op(id);
            const started = performance.now();
            const r = await run(a.owner, query, variables);
            const took = performance.now() - started;
            expect(codeOf(r), operation).toBe("NOT_FOUND");
            if (i >= TIMING.warmup) times[which].push(took);
          }
        }
        const [foreign, missing] = [median(times.foreign), median(times.missing)];
        const said = `${operation}: median ${foreign.toFixed(3)} ms for B's ids, ${missing.toFixed(3)} ms for missing ones`;
        console.log(`isolation on ${name}, timing of ${said}`);
        const ratio = foreign / missing;
        expect(
          (ratio > TIMING.minRatio && ratio < TIMING.maxRatio) ||
            Math.abs(foreign - missing) < TIMING.slackMs,
          said,
        ).toBe(true);
      }
    }, 120_000);
  });
}
