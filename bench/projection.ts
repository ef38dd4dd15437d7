/**
 * bench/projection: how long the path engine's projection takes to build from
 * the store, to start warm from a snapshot, and to keep in step. A Holme-Kim
 * network (about 10 ties a person, plus 300 of the owner's) is written into a
 * SQLite store file once (`--db FILE` keeps it for the next run); then, each
 * in its own phase:
 *   - baseline: the store's tie rows read bare (better-sqlite3, raw rows);
 *   - baseline: store.loadNetwork alone (the store's part of a cold start),
 *     in a process of its own;
 *   - the build with the ties read on one thread alone (the store's
 *     `parallelRead.workers` at 0), in a process of its own;
 *   - the build: NetworkProjection.load from the store (cold start), the ties
 *     read by worker threads as the store does by default, its memory (RSS,
 *     heap, the bytes of the tie columns and path index);
 *   - the snapshot saved, and, baseline, the snapshot file read bare;
 *   - a warm start in a fresh process: the snapshot loaded, the change feed
 *     applied, and its first query;
 *   - writes kept in step: a tie written, then sync() and a query that must
 *     see it; baseline, a projection rebuilt from the store.
 *
 *   npx tsx bench/projection.ts [--people 100000] [--writes 200] [--db FILE]
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { NetworkProjection } from "../src/graph/projection/network-projection.js";
import { snapshotFile } from "../src/graph/projection/projection-snapshot.js";
import { warmestPaths } from "../src/graph/paths/warmest-paths.js";
import { PARALLEL_READ_DEFAULTS } from "../src/graph/store/sqlite/sqlite-parallel-ties.js";
import { SqliteStore } from "../src/graph/store/sqlite/sqlite-store.js";
import { storeSocialNetwork } from "./stored-social-network.js";
import { rng } from "./synthetic-network.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const PEOPLE = Number(option("people", "100000"));
const WRITES = Number(option("writes", "200"));
const OWNER = "bench-owner";

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const mb = (bytes: number) => `${fmt(bytes / 2 ** 20)} MB`;

// The baseline children, each in a process of its own so that its garbage does not land on the
// next phase: the store's whole-network read as records, and a cold start with the ties read on
// one thread alone (the baseline of the parallel read).
if (args[0] === "--load-network" || args[0] === "--one-thread") {
  const store = new SqliteStore({ path: args[1]!, parallelRead: { workers: 0 } });
  await store.init();
  const start = process.hrtime.bigint();
  if (args[0] === "--load-network") {
    const { people, ties } = await store.loadNetwork(OWNER);
    const result = { seconds: seconds(start), people: people.length, ties: ties.length };
    console.log(JSON.stringify(result));
  } else {
    await NetworkProjection.load(store, OWNER);
    console.log(JSON.stringify({ seconds: seconds(start) }));
  }
  store.close();
  process.exit(0);
}

// The warm-start child: loads the projection from its snapshot and answers one query.
if (args[0] === "--warm-start") {
  const [, db, dir, source, target] = args;
  const start = process.hrtime.bigint();
  const store = new SqliteStore({ path: db! });
  await store.init();
  const projection = await NetworkProjection.load(store, OWNER, { snapshotDir: dir! });
  const loaded = seconds(start);
  const index = projection.pathIndex();
  const [from, to] = [index.nodeOf(source!)!, index.nodeOf(target!)!];
  const queryStart = process.hrtime.bigint();
  warmestPaths(index, from, [to], { k: 3, maxHops: 4 });
  const query = seconds(queryStart);
  console.log(
    JSON.stringify({ from: projection.startedFrom, loaded, query, rss: process.memoryUsage().rss }),
  );
  store.close();
  process.exit(0);
}

/** Writes the network into a new store file. */
async function writeNetwork(store: SqliteStore): Promise<void> {
  const start = process.hrtime.bigint();
  const { ties } = await storeSocialNetwork(store, OWNER, PEOPLE);
  console.log(
    `stored ${fmt(PEOPLE)} people and ${fmt(ties)} ties in ${seconds(start).toFixed(1)} s`,
  );
}

const work = mkdtempSync(join(tmpdir(), "warmpath-bench-projection-"));
const dbPath = option("db", join(work, "bench.db"));
const snapshots = join(work, "snapshots");
const store = new SqliteStore({ path: dbPath });
try {
  await store.init();
  if ((await store.version(OWNER)) === 0) await writeNetwork(store);
  else console.log(`reusing ${dbPath}`);

  // Baseline: the tie rows read bare, no records built.
  const bare = new Database(dbPath, { readonly: true });
  let start = process.hrtime.bigint();
  let rows = 0;
  for (const _row of bare
    .prepare("SELECT person_a, person_b, strength FROM tie WHERE owner = ?")
    .raw()
    .iterate(OWNER))
    rows++;
  const bareRead = seconds(start);
  bare.close();
  console.log(
    `baseline, the ${fmt(rows)} tie rows read bare: ${bareRead.toFixed(1)} s (${fmt(rows / bareRead)} rows/s)`,
  );

  // The baselines that make millions of objects run in processes of their own.
  const child = (mode: string) =>
    JSON.parse(
      execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, mode, dbPath], {
        encoding: "utf8",
      }),
    ) as { seconds: number; people?: number; ties?: number };
  const network = child("--load-network");
  console.log(
    `baseline, store.loadNetwork alone (${fmt(network.people!)} people, ${fmt(network.ties!)} ties as records): ${network.seconds.toFixed(1)} s`,
  );
  const builtOnOne = child("--one-thread").seconds;
  console.log(
    `projection built from the store with its ties read on one thread: ${builtOnOne.toFixed(1)} s, ${(builtOnOne / bareRead).toFixed(1)}x the bare read`,
  );

  start = process.hrtime.bigint();
  const projection = await NetworkProjection.load(store, OWNER, { snapshotDir: snapshots });
  const built = seconds(start);
  const index = projection.pathIndex();
  console.log(
    `projection built from the store (cold start, ties read by ${PARALLEL_READ_DEFAULTS.workers} worker threads): ${built.toFixed(1)} s, ${(built / bareRead).toFixed(1)}x the bare read, ${(builtOnOne / built).toFixed(2)}x faster than on one thread (target ≤ 20 s at 1,000,000 people)`,
  );
  // The snapshot is being saved in the background since the load returned.
  start = process.hrtime.bigint();
  await projection.saved();
  const savedIn = seconds(start);
  const used = process.memoryUsage();
  console.log(
    `  heap ${mb(used.heapUsed)}, rss ${mb(used.rss)}; tie columns and path index ${(projection.tieBytes() / rows).toFixed(1)} bytes a tie (the index alone ${(index.byteLength / rows).toFixed(1)})`,
  );
  const file = snapshotFile(snapshots, OWNER);
  console.log(
    `snapshot: ${mb(statSync(file).size)} (${fmt(statSync(file).size / rows)} bytes a tie), saved in ${savedIn.toFixed(1)} s (in the background after the cold start)`,
  );
  start = process.hrtime.bigint();
  readFileSync(file);
  const fileRead = seconds(start);
  console.log(`baseline, the snapshot file read bare: ${fileRead.toFixed(2)} s`);

  // A few writes after the snapshot, for the warm start to catch up with.
  const random = rng(9);
  const someone = () => index.keys[1 + Math.floor(random() * (index.keys.length - 1))]!;
  for (let i = 0; i < 10; i++)
    await store.upsert(OWNER, "tie", { personA: someone(), personB: someone(), strength: 0.5 });
  const [source, target] = [projection.selfId, someone()];
  const warm = JSON.parse(
    execFileSync(
      process.execPath,
      [...process.execArgv, process.argv[1]!, "--warm-start", dbPath, snapshots, source, target],
      { encoding: "utf8", maxBuffer: 1 << 20 },
    ),
  ) as { from: string; loaded: number; query: number; rss: number };
  console.log(
    `warm start in a new process (from the ${warm.from}, 10 changes applied): ${warm.loaded.toFixed(2)} s, ${(warm.loaded / fileRead).toFixed(1)}x the bare file read, ${(built / warm.loaded).toFixed(1)}x faster than the cold start (target ≤ 3 s at 1,000,000 people)`,
  );
  console.log(
    `  its first query (k = 3, 4 ties): ${(warm.query * 1000).toFixed(1)} ms (target ≤ 100 ms); rss ${mb(warm.rss)}`,
  );

  // Each write: a new tie from the owner, then sync and a query that must route through it.
  await projection.sync();
  const synced: number[] = [];
  for (let w = 0; w < WRITES; w++) {
    const [to, via] = [someone(), someone()];
    if (to === via) continue;
    await store.upsert(OWNER, "tie", { personA: source, personB: via, strength: 1 });
    await store.upsert(OWNER, "tie", { personA: via, personB: to, strength: 1 });
    start = process.hrtime.bigint();
    await projection.sync();
    const [best] = warmestPaths(index, index.nodeOf(source)!, [index.nodeOf(to)!], { k: 1 });
    synced.push(seconds(start) * 1000);
    if (!best || best.cost !== 0) throw new Error(`write ${w}: the query did not see the new ties`);
  }
  start = process.hrtime.bigint();
  await NetworkProjection.load(store, OWNER);
  const rebuildMs = seconds(start) * 1000;
  synced.sort((a, b) => a - b);
  const p50 = synced[Math.floor(synced.length / 2)]!;
  console.log(
    `write kept in step (sync + query that sees it): p50 ${p50.toFixed(2)} ms, max ${synced[synced.length - 1]!.toFixed(2)} ms over ${synced.length} writes`,
  );
  console.log(
    `  baseline, rebuilding from the store: ${fmt(rebuildMs)} ms a write, ${fmt(rebuildMs / p50)}x slower`,
  );
} finally {
  store.close();
  rmSync(work, { recursive: true, force: true });
}
