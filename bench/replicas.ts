/**
 * bench/replicas: API replicas on one Neo4j (issue 16, item 8). Three API processes
 * (src/main.ts as `npm start` runs it) share one Neo4j: writes go through one (W), path
 * queries through the two others (R1, R2), at the same time. Each write toggles a tie between
 * the owner and a "probe" person (a new probe each write, round robin); each query asks
 * introPaths to the probe of the last write acknowledged before the query was sent, and is
 * stale when its answer disagrees with that write (a connected probe must come first, directly;
 * a disconnected one must not be reached directly). The documented bound is 0: no query sent
 * after a write is acknowledged may miss it, so every stale answer counts.
 * Baseline, same run, own phase: the same writes and the same queries against one process.
 *
 *   npx tsx bench/replicas.ts [--people 5000] [--ties 50000] [--seconds 20] [--warmup 5]
 *                             [--readers 2]
 * Uses NEO4J_URI when set, else starts the throwaway Neo4j from neo4j/ (bench/neo4j-for-bench.ts).
 *
 * With --memory instead (item 9, no Neo4j: a SQLite file): many owners queried in turn, twice,
 * first under a budget of two owners' projections, then (the baseline) under the default budget
 * that keeps them all; heap retained after GC and RSS at the end of each phase (RSS of a process
 * hardly shrinks, so the budget phase runs first).
 *   npx tsx bench/replicas.ts --memory [--owners 8] [--people 4000] [--ties 40000]
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import { projectionBytes } from "../src/graph/projection/projection-bytes.js";
import {
  memoryBudgetOf,
  projectionFor,
  setProjectionBudget,
} from "../src/graph/projection/projection-registry.js";
import { SqliteStore } from "../src/sqlite.js";
import { Neo4jStore } from "../src/neo4j.js";
import { ownerToken } from "../test/support/owner-token.js";
import { startReplica, type Replica } from "../test/replicas/replica-processes.js";
import { withNeo4j } from "./neo4j-for-bench.js";
import { rng, syntheticNetwork } from "./synthetic-network.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PEOPLE = option("people", 5_000);
const TIES = option("ties", 50_000);
const SECONDS = option("seconds", 20);
const WARMUP = option("warmup", 5);
/** Query loops per reading process. */
const READERS = option("readers", 2);
const PROBES = 500;
/** Above every other tie of the network (at most 0.9), so a direct probe tie is the warmest path. */
const PROBE_STRENGTH = 0.97;

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const percentile = (values: number[], p: number) => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

const CONNECT = `mutation ($x: ID!, $y: ID!, $s: Float) {
  connect(input: { personA: $x, personB: $y, strength: $s }) { id } }`;
const DISCONNECT = `mutation ($x: ID!, $y: ID!) { disconnect(input: { personA: $x, personB: $y }) { id } }`;
const PATHS = `query ($to: ID!) { introPaths(to: { personId: $to }, k: 3, maxHops: 4) {
  paths { people { id } } } }`;

interface Acked {
  probe: string;
  connected: boolean;
}

interface PhaseFigures {
  writes: number[];
  queries: number[];
  stale: number;
  seconds: number;
}

async function seed(store: Neo4jStore, owner: string) {
  const self = (await store.ensureOwner(owner, { name: "Bench Owner" })).id;
  const net = syntheticNetwork(PEOPLE, TIES, 16);
  const ids: string[] = [];
  for (let i = 0; i < net.people.length; i += 5_000)
    ids.push(...(await store.bulkUpsert(owner, "person", net.people.slice(i, i + 5_000))).ids);
  const random = rng(7);
  const ties = net.ties.map(([a, b]) => ({
    personA: ids[a]!,
    personB: ids[b]!,
    strength: 0.3 + random() * 0.6,
  }));
  // The owner knows a few hundred people directly; the probes are people the owner does not know.
  const known = new Set<number>();
  while (known.size < 300) known.add(Math.floor(random() * PEOPLE));
  for (const i of known) ties.push({ personA: self, personB: ids[i]!, strength: 0.8 });
  for (let i = 0; i < ties.length; i += 5_000)
    await store.bulkUpsert(owner, "tie", ties.slice(i, i + 5_000));
  const probes = ids.filter((_, i) => !known.has(i)).slice(0, PROBES);
  return { self, probes, ties: ties.length };
}

/** One phase: a writer loop on `writer`, READERS query loops on each of `readers`, for `seconds`. */
async function phase(
  writer: Replica,
  readers: Replica[],
  self: string,
  probes: string[],
  seconds: number,
  state: { next: number; connected: Set<string>; acked: Acked | null },
): Promise<PhaseFigures> {
  const figures: PhaseFigures = { writes: [], queries: [], stale: 0, seconds };
  const endAt = Date.now() + seconds * 1000;
  const write = async () => {
    while (Date.now() < endAt) {
      const probe = probes[state.next++ % probes.length]!;
      const connect = !state.connected.has(probe);
      const started = performance.now();
      if (connect) await writer.gql(CONNECT, { x: self, y: probe, s: PROBE_STRENGTH });
      else await writer.gql(DISCONNECT, { x: self, y: probe });
      figures.writes.push(performance.now() - started);
      if (connect) state.connected.add(probe);
      else state.connected.delete(probe);
      state.acked = { probe, connected: connect };
    }
  };
  const read = async (reader: Replica) => {
    while (Date.now() < endAt) {
      const acked = state.acked;
      if (acked === null) {
        await new Promise((r) => setTimeout(r, 1));
        continue;
      }
      const started = performance.now();
      const { introPaths } = await reader.gql<{
        introPaths: { paths: { people: { id: string }[] }[] };
      }>(PATHS, { to: acked.probe });
      figures.queries.push(performance.now() - started);
      const direct = introPaths.paths.some(
        (p) => p.people.length === 2 && p.people[0]!.id === self,
      );
      const first = introPaths.paths[0]?.people.map((p) => p.id).join(">");
      const fresh = acked.connected ? first === `${self}>${acked.probe}` : !direct;
      if (!fresh) figures.stale++;
    }
  };
  await Promise.all([
    write(),
    ...readers.flatMap((r) => Array.from({ length: READERS }, () => read(r))),
  ]);
  return figures;
}

function report(name: string, f: PhaseFigures, base?: PhaseFigures): void {
  const ratio = (ours: number, theirs: number | undefined) =>
    theirs === undefined ? "" : `   (${fmt(ours / theirs, 2)}x the single process)`;
  console.log(`${name}`);
  console.log(
    `  writes  ${fmt(f.writes.length / f.seconds, 1).padStart(7)}/s   p50 ${fmt(percentile(f.writes, 50), 2)} ms   p99 ${fmt(percentile(f.writes, 99), 2)} ms${ratio(f.writes.length / f.seconds, base && base.writes.length / base.seconds)}`,
  );
  console.log(
    `  queries ${fmt(f.queries.length / f.seconds, 1).padStart(7)}/s   p50 ${fmt(percentile(f.queries, 50), 2)} ms   p99 ${fmt(percentile(f.queries, 99), 2)} ms${ratio(f.queries.length / f.seconds, base && base.queries.length / base.seconds)}`,
  );
  console.log(
    `  stale answers ${f.stale} of ${f.queries.length} queries sent after the write they check was acknowledged (bound: 0)`,
  );
}

const mb = (bytes: number) => `${fmt(bytes / 2 ** 20)} MB`;

/** Item 9: seeds the owners, then measures each phase in a process of its own (RSS hardly shrinks). */
async function memory(): Promise<void> {
  const owners = option("owners", 8);
  const people = option("people", 4_000);
  const ties = option("ties", 40_000);
  const net = syntheticNetwork(people, ties, 3);
  const dir = mkdtempSync(join(tmpdir(), "warmpath-bench-replicas-"));
  const path = join(dir, "memory.db");
  const store = new SqliteStore({ path });
  try {
    await store.init();
    for (let o = 0; o < owners; o++) {
      const owner = `bench-memory-${o}`;
      await store.ensureOwner(owner, { name: "Owner" });
      const { ids } = await store.bulkUpsert(owner, "person", net.people);
      const rows = net.ties.map(([a, b]) => ({
        personA: ids[a]!,
        personB: ids[b]!,
        strength: 0.5,
      }));
      for (let i = 0; i < rows.length; i += 20_000)
        await store.bulkUpsert(owner, "tie", rows.slice(i, i + 20_000));
    }
    await store.close();
    console.log(
      `${owners} owners of ${fmt(people)} people and ${fmt(ties)} ties each (a SQLite file); each phase in a new process`,
    );
    for (const [label, budget] of [
      ["budget of two projections", "2"],
      ["baseline: the default budget keeps every owner", "default"],
    ] as const) {
      console.log(label);
      const child = spawnSync(
        process.execPath,
        ["--import", "tsx", "bench/replicas.ts", "--memory-phase", path, String(owners), budget],
        { stdio: ["ignore", "inherit", "inherit"] },
      );
      if (child.status !== 0) throw new Error(`the ${label} phase failed (${child.status})`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function oneProjectionBytes(store: SqliteStore, ownerId: string): Promise<number> {
  return projectionBytes(await projectionFor(new Proxy(store, {}), ownerId));
}

/** One phase of --memory: every owner queried twice in turn, under a budget of N projections. */
async function memoryPhase(path: string, owners: number, budget: string): Promise<void> {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const store = new SqliteStore({ path });
  const ownerIds = Array.from({ length: owners }, (_, o) => `bench-memory-${o}`);
  gc();
  const before = process.memoryUsage();
  // The budget in projections of this size: one is measured on a store view of its own, then dropped.
  if (budget !== "default")
    setProjectionBudget(store, Number(budget) * (await oneProjectionBytes(store, ownerIds[0]!)));
  gc();
  const times: number[] = [];
  for (let round = 0; round < 2; round++)
    for (const owner of ownerIds) {
      const started = performance.now();
      await projectionFor(store, owner);
      times.push(performance.now() - started);
    }
  gc();
  const used = process.memoryUsage();
  const kept = memoryBudgetOf(store);
  console.log(
    `  kept ${kept.keys().length} of ${owners} projections, estimated ${mb(kept.usedBytes)} (budget ${mb(kept.budgetBytes)}); heap retained ${mb(used.heapUsed - before.heapUsed)}; RSS ${mb(before.rss)} before, ${mb(used.rss)} after`,
  );
  console.log(
    `  second round, each owner's query: p50 ${fmt(percentile(times.slice(owners), 50), 1)} ms, p99 ${fmt(percentile(times.slice(owners), 99), 1)} ms (a reload where evicted)`,
  );
  await store.close();
}

const phaseAt = args.indexOf("--memory-phase");
if (phaseAt >= 0)
  await memoryPhase(args[phaseAt + 1]!, Number(args[phaseAt + 2]), args[phaseAt + 3]!);
else if (args.includes("--memory")) await memory();
else
  await withNeo4j(async (c) => {
    const owner = `bench-replicas-${randomUUID()}`;
    const store = new Neo4jStore({ uri: c.uri, user: c.user, password: c.password });
    const replicas: Replica[] = [];
    try {
      await store.init();
      let started = performance.now();
      const { self, probes, ties } = await seed(store, owner);
      console.log(
        `seeded ${fmt(PEOPLE)} people and ${fmt(ties)} ties in Neo4j (${c.uri}) in ${fmt((performance.now() - started) / 1000, 1)} s`,
      );
      const token = await ownerToken(store, owner);
      started = performance.now();
      // A first query loads the whole projection: on a busy machine that may pass the 10 s default.
      const env = { WARMPATH_REQUEST_TIMEOUT_MS: "300000" };
      const common = { uri: c.uri, user: c.user, password: c.password, owner, token, env };
      replicas.push(...(await Promise.all([0, 1, 2].map(() => startReplica(common)))));
      const [w, r1, r2] = replicas as [Replica, Replica, Replica];
      console.log(
        `3 API processes serving in ${fmt((performance.now() - started) / 1000, 1)} s; ${READERS} query loop(s) per reading process, one writer`,
      );
      const state = { next: 0, connected: new Set<string>(), acked: null as Acked | null };
      // Warm-up: each process loads the projection and JITs the path search, in both setups.
      started = performance.now();
      await Promise.all(replicas.map((r) => r.gql(PATHS, { to: probes[0] })));
      console.log(
        `first query on each process (projection load): ${fmt(performance.now() - started)} ms`,
      );
      await phase(w, [r1, r2], self, probes, WARMUP, state);
      // The baseline runs the same query loops, all against the one process.
      await phase(w, [w, w], self, probes, WARMUP, state);

      const single = await phase(w, [w, w], self, probes, SECONDS, state);
      const spread = await phase(w, [r1, r2], self, probes, SECONDS, state);
      console.log(
        `\n${SECONDS} s per phase, after ${WARMUP} s of warm-up per setup; ${2 * READERS} query loops in both`,
      );
      report("baseline: one process takes the writes and all the queries", single);
      report("replicas: writes through W, queries through R1 and R2", spread, single);
    } finally {
      await Promise.all(replicas.map((r) => r.stop()));
      await store.close();
    }
  });
