/**
 * bench/projection: how long the path engine's projection takes to build from
 * the store, and what keeping it in step costs. A Holme-Kim network (about 20
 * ties a person) is written into a SQLite store file; then it times
 *   - the build: NetworkProjection.load plus the path index, from the store;
 *   - writes kept in step: one tie written, then sync() and a warmest-path
 *     query (which must see it), repeated; beside the baseline measured in the
 *     same run, a projection rebuilt from the store for each write.
 *
 *   npx tsx bench/projection.ts [--people 100000] [--writes 200]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NetworkProjection } from "../src/graph/projection/network-projection.js";
import { warmestPaths } from "../src/graph/paths/warmest-paths.js";
import { SqliteStore } from "../src/graph/store/sqlite/sqlite-store.js";
import { socialGraph } from "./social-graph.js";
import { rng } from "./synthetic-network.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PEOPLE = option("people", 100_000);
const WRITES = option("writes", 200);
const CHUNK = 20_000;

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

const dir = mkdtempSync(join(tmpdir(), "warmpath-bench-projection-"));
const store = new SqliteStore({ path: join(dir, "bench.db") });
try {
  await store.init();
  const graph = socialGraph(PEOPLE);
  const owner = "bench-owner";
  const self = await store.ensureOwner(owner, { name: "Bench Owner" });
  let start = process.hrtime.bigint();
  const ids: string[] = [];
  const names = graph.nodes();
  for (let i = 0; i < names.length; i += CHUNK)
    ids.push(
      ...(
        await store.bulkUpsert(
          owner,
          "person",
          names.slice(i, i + CHUNK).map((n) => ({ name: `Person ${n}` })),
        )
      ).ids,
    );
  const edges = graph.mapEdges((_e, a, s, t) => ({
    personA: ids[Number(s)]!,
    personB: ids[Number(t)]!,
    strength: a.strength as number,
  }));
  // The owner knows a few hundred people directly, as a real user would.
  const random = rng(5);
  for (let i = 0; i < 300; i++)
    edges.push({
      personA: self.id,
      personB: ids[Math.floor(random() * ids.length)]!,
      strength: 0.8,
    });
  for (let i = 0; i < edges.length; i += CHUNK)
    await store.bulkUpsert(owner, "tie", edges.slice(i, i + CHUNK));
  console.log(
    `stored ${fmt(PEOPLE)} people and ${fmt(edges.length)} ties in ${seconds(start).toFixed(1)} s`,
  );

  start = process.hrtime.bigint();
  const projection = await NetworkProjection.load(store, owner);
  const loaded = seconds(start);
  projection.pathIndex();
  const built = seconds(start);
  console.log(
    `projection built from the store in ${built.toFixed(1)} s (graph ${loaded.toFixed(1)} s, index ${(built - loaded).toFixed(1)} s; target < 20 s at 1,000,000 people)`,
  );
  const used = process.memoryUsage();
  console.log(
    `  heap ${fmt(used.heapUsed / 2 ** 20)} MB, index ${(projection.pathIndex().byteLength / edges.length).toFixed(1)} bytes per tie`,
  );

  // Each write: a new tie from the owner, then sync and a query that must route through it.
  const synced: number[] = [];
  for (let w = 0; w < WRITES; w++) {
    const target = ids[Math.floor(random() * ids.length)]!;
    const via = ids[Math.floor(random() * ids.length)]!;
    if (target === via) continue;
    await store.upsert(owner, "tie", { personA: self.id, personB: via, strength: 1 });
    await store.upsert(owner, "tie", { personA: via, personB: target, strength: 1 });
    start = process.hrtime.bigint();
    await projection.sync();
    const index = projection.pathIndex();
    const [best] = warmestPaths(index, index.indexOf.get(self.id)!, [index.indexOf.get(target)!], {
      k: 1,
    });
    synced.push(seconds(start) * 1000);
    if (!best || best.cost !== 0) throw new Error(`write ${w}: the query did not see the new ties`);
  }
  start = process.hrtime.bigint();
  const rebuilt = await NetworkProjection.load(store, owner);
  rebuilt.pathIndex();
  const rebuildMs = seconds(start) * 1000;
  synced.sort((a, b) => a - b);
  const p50 = synced[Math.floor(synced.length / 2)]!;
  console.log(
    `write kept in step (sync + query that sees it): p50 ${p50.toFixed(2)} ms, max ${synced[synced.length - 1]!.toFixed(2)} ms over ${synced.length} writes`,
  );
  console.log(
    `  baseline, rebuilding from the store: ${fmt(rebuildMs)} ms a write, ${(rebuildMs / p50).toFixed(0)}x slower`,
  );
} finally {
  store.close();
  rmSync(dir, { recursive: true, force: true });
}
