/**
 * bench/store: bulk-loads a synthetic network of 100,000 people and 1,000,000
 * KNOWS ties into each adapter, then loads it back, printing ties per second.
 * Each adapter is compared with a baseline measured in the same run: the same
 * rows written by the bare driver with no validation, identity or change feed.
 * SQLite has a third: the store's own schema and tie rows written by the bare
 * driver, which separates what the store's work per row costs from what its
 * schema costs. On SQLite the baselines' chunks are interleaved with the
 * store's, chunk for chunk, so a busy machine slows both alike: read the ratios.
 *
 *   npx tsx bench/store.ts [sqlite|neo4j|all] [--people N] [--ties N]
 *
 * Neo4j: uses NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD) when set, otherwise starts
 * the throwaway Neo4j from neo4j/ like the tests do.
 */
import { rmSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { NetworkStore } from "../src/graph/store/network-store.js";
import { SqliteStore } from "../src/graph/store/sqlite/sqlite-store.js";
import { syntheticNetwork, tieInputs, type SyntheticNetwork } from "./synthetic-network.js";
import { sqliteBaseline, sqliteSchemaBaseline } from "./store-baselines.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const which = args.find((a) => !a.startsWith("--") && Number.isNaN(Number(a))) ?? "all";
const PEOPLE = option("people", 100_000);
const TIES = option("ties", 1_000_000);
const PEOPLE_CHUNK = 10_000;

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

export interface LoadFigures {
  peopleSeconds: number;
  tieSeconds: number;
  readSeconds: number;
}

/** Writes the network through the store's public bulk API and reads it back whole. */
async function loadThroughStore(
  store: NetworkStore,
  net: SyntheticNetwork,
  tieChunk: number,
  /** Runs before each chunk of ties (the baselines' same chunk), outside the store's timing. */
  beside?: (from: number, to: number) => void,
): Promise<LoadFigures> {
  const owner = `bench-${Date.now()}`;
  const self = await store.ensureOwner(owner, { name: "Bench Owner" });
  let start = process.hrtime.bigint();
  const ids: string[] = [];
  for (let i = 0; i < net.people.length; i += PEOPLE_CHUNK) {
    const result = await store.bulkUpsert(owner, "person", net.people.slice(i, i + PEOPLE_CHUNK));
    ids.push(...result.ids);
  }
  const peopleSeconds = seconds(start);
  let tieSeconds = 0;
  for (let i = 0; i < net.ties.length; i += tieChunk) {
    beside?.(i, Math.min(i + tieChunk, net.ties.length));
    // The inputs are the caller's, built before the clock starts, as the baselines' are.
    const chunk = tieInputs(net, ids, i, i + tieChunk);
    start = process.hrtime.bigint();
    await store.bulkUpsert(owner, "tie", chunk);
    tieSeconds += seconds(start);
    const done = i + chunk.length;
    if (done % 100_000 === 0 || done === net.ties.length)
      console.log(`  ... ${fmt(done)} ties in ${tieSeconds.toFixed(1)} s`);
  }
  start = process.hrtime.bigint();
  const snapshot = await store.loadNetwork(owner);
  const readSeconds = seconds(start);
  if (
    snapshot.ties.length !== net.ties.length ||
    snapshot.people.length !== net.people.length + 1
  ) {
    throw new Error(
      `read back ${snapshot.people.length} people and ${snapshot.ties.length} ties; expected ${net.people.length + 1} and ${net.ties.length}`,
    );
  }
  void self;
  return { peopleSeconds, tieSeconds, readSeconds };
}

interface Baseline {
  writeSeconds: number;
  readSeconds: number;
}

function report(
  name: string,
  figures: LoadFigures,
  baseline: Baseline,
  targets: { write: number; read: number },
  floor?: Baseline,
  schema?: Baseline,
) {
  const tiesPerSecond = TIES / figures.tieSeconds;
  const baselineTps = TIES / baseline.writeSeconds;
  console.log(`\n${name}`);
  console.log(
    `  people written   ${fmt(PEOPLE / figures.peopleSeconds)} people/s (${figures.peopleSeconds.toFixed(2)} s)`,
  );
  console.log(
    `  ties written     ${fmt(tiesPerSecond)} ties/s (${figures.tieSeconds.toFixed(2)} s)   target >= ${fmt(targets.write)}: ${tiesPerSecond >= targets.write ? "met" : "MISSED"}`,
  );
  console.log(
    `  network read     ${figures.readSeconds.toFixed(2)} s   target < ${targets.read} s: ${figures.readSeconds < targets.read ? "met" : "MISSED"}`,
  );
  console.log(
    `  baseline (bare driver, same rows): ${fmt(baselineTps)} ties/s written, ${baseline.readSeconds.toFixed(2)} s read`,
  );
  if (schema) {
    console.log(
      `  baseline (bare driver, the store's schema and tie rows): ${fmt(TIES / schema.writeSeconds)} ties/s written, ${schema.readSeconds.toFixed(2)} s read`,
    );
  }
  if (floor) {
    console.log(
      `  baseline (bare driver, (int, int, real) rows): ${fmt(TIES / floor.writeSeconds)} ties/s written, ${floor.readSeconds.toFixed(2)} s read`,
    );
  }
  console.log(
    `  ratio store/baseline: write ${(tiesPerSecond / baselineTps).toFixed(2)}x, read ${(baseline.readSeconds / figures.readSeconds).toFixed(2)}x speed${floor ? `; store/int rows: write ${((tiesPerSecond * floor.writeSeconds) / TIES).toFixed(2)}x` : ""}${schema ? `; store/store schema: write ${((tiesPerSecond * schema.writeSeconds) / TIES).toFixed(2)}x, read ${(schema.readSeconds / figures.readSeconds).toFixed(2)}x` : ""}`,
  );
}

async function benchSqlite(net: SyntheticNetwork) {
  const dir = mkdtempSync(join(tmpdir(), "warmpath-bench-"));
  try {
    const same = sqliteBaseline(join(dir, "baseline.db"), net);
    const ints = sqliteBaseline(join(dir, "baseline-int.db"), net, true);
    const schema = await sqliteSchemaBaseline(join(dir, "baseline-schema.db"), net);
    const sameRows = { writeSeconds: 0, readSeconds: 0 };
    const intRows = { writeSeconds: 0, readSeconds: 0 };
    const schemaRows = { writeSeconds: 0, readSeconds: 0 };
    const store = new SqliteStore({ path: join(dir, "store.db") });
    await store.init();
    const figures = await loadThroughStore(store, net, 50_000, (from, to) => {
      sameRows.writeSeconds += same.writeTies(from, to);
      intRows.writeSeconds += ints.writeTies(from, to);
      schemaRows.writeSeconds += schema.writeTies(from, to);
    });
    await store.close();
    sameRows.readSeconds = same.read();
    intRows.readSeconds = ints.read();
    schemaRows.readSeconds = schema.read();
    same.close();
    ints.close();
    schema.close();
    report(
      "SqliteStore (file, WAL, synchronous=FULL)",
      figures,
      sameRows,
      { write: 200_000, read: 5 },
      intRows,
      schemaRows,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchNeo4j(net: SyntheticNetwork) {
  const { withNeo4j } = await import("./neo4j-for-bench.js");
  await withNeo4j(async (connection) => {
    const { Neo4jStore } = await import("../src/graph/store/neo4j/neo4j-store.js");
    const { neo4jBaseline } = await import("./store-baselines.js");
    // The baselines in their own phase, first (a Neo4j is one server: interleaving would share its caches).
    const { same, floor } = await neo4jBaseline(connection, net);
    const store = new Neo4jStore(connection);
    await store.init();
    // One UNWIND batch per call keeps each transaction well inside a server's transaction timeout.
    const figures = await loadThroughStore(store, net, 10_000);
    await store.close();
    report("Neo4jStore (Bolt, batched UNWIND)", figures, same, { write: 50_000, read: 15 }, floor);
  });
}

const net = syntheticNetwork(PEOPLE, TIES);
console.log(
  `bench/store: ${fmt(PEOPLE)} people, ${fmt(TIES)} ties; people in calls of ${fmt(PEOPLE_CHUNK)}, ties in calls of 50,000 (SQLite) or 10,000 (Neo4j)`,
);
if (which === "sqlite" || which === "all") await benchSqlite(net);
if (which === "neo4j" || which === "all") await benchNeo4j(net);
