/**
 * bench/paths: latency of the warmest-path search over random pairs, on
 * synthetic social networks (Holme-Kim: heavy-tailed degrees with clustering,
 * about 10 ties a person) and on two SNAP graphs (ca-GrQc, ego-Facebook), read
 * from ../shared/data/graphs beside the checkout or from --graphs (a missing
 * graph is reported and skipped); beside graphology-shortest-path's
 * dijkstra.bidirectional for the single warmest path on the same pairs.
 *
 * The method (issue 16): each network is generated and indexed; the baseline
 * runs first, in its own phase, on the first --baseline-pairs pairs; then the
 * Graphology graph is dropped and the heap collected, so our phase runs in the
 * heap a server has (the index, not a 6 GB baseline graph). Our phase times the
 * first --cold queries after building on their own (cold start: nothing of the
 * search compiled yet), then runs a warm-up on other pairs, then each search in
 * its own pass over all --pairs pairs: introPaths' default (k = 3, maxHops = 4),
 * the single warmest path (k = 1, maxHops = 4), and k = 3 at maxHops = 8. GC
 * pauses seen during the timed passes are counted.
 *
 *   npx tsx bench/paths.ts [--sizes 10000,100000] [--pairs 1000] [--baseline-pairs 100]
 *     [--cold 10] [--warmup 200] [--neo4j] [--graphs DIR] [--engine FILE]
 *   NODE_OPTIONS=--max-old-space-size=16000 npx tsx bench/paths.ts --sizes 1000000
 *
 * --engine FILE times another copy of warmest-paths.ts (a before/after comparison
 * on one machine). With --peers: ngraph.path and Kùzu beside ours at several hop
 * bounds (bench/paths-peers.ts). With --team: the pooled search of a team
 * (bench/team-paths.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { PerformanceObserver } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { gunzipSync } from "node:zlib";
import { UndirectedGraph } from "graphology";
import { bidirectional } from "graphology-shortest-path/dijkstra.js";
import { buildPathIndex } from "../src/graph/path-index/path-index.js";
import * as ourEngine from "../src/graph/paths/warmest-paths.js";
import { socialGraph } from "./social-graph.js";
import { randomPairs, rng } from "./synthetic-network.js";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const SIZES = arg("sizes", "10000,100000").split(",").map(Number);
const PAIRS = Number(arg("pairs", "1000"));
const BASELINE_PAIRS = Math.min(PAIRS, Number(arg("baseline-pairs", "100")));
const COLD = Number(arg("cold", "10"));
const WARMUP = Number(arg("warmup", "200"));
const GRAPHS = resolve(
  arg("graphs", fileURLToPath(new URL("../../shared/data/graphs/", import.meta.url))),
);
const ENGINE = arg("engine", "");
const engine = (
  ENGINE ? await import(pathToFileURL(resolve(ENGINE)).href) : ourEngine
) as typeof ourEngine;
const { warmestPaths } = engine;

// global.gc without --expose-gc on the command line (tsx would need it passed through to node).
setFlagsFromString("--expose-gc");
const gc = (globalThis.gc ?? runInNewContext("gc")) as () => void;

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const fmt = (v: number) => v.toFixed(3).padStart(9);
const line = (label: string, times: number[] & { cpu?: number[] }, extra = "") => {
  console.log(
    `  ${label.padEnd(34)} p50 ${fmt(percentile(times, 50))} ms   p99 ${fmt(percentile(times, 99))} ms   max ${fmt(Math.max(...times))} ms${extra}`,
  );
  // CPU time: what the search itself cost, without the time the busy machine kept it waiting.
  if (times.cpu)
    console.log(
      `  ${"  (CPU time)".padEnd(34)} p50 ${fmt(percentile(times.cpu, 50))} ms   p99 ${fmt(percentile(times.cpu, 99))} ms   max ${fmt(Math.max(...times.cpu))} ms`,
    );
};

/** GC pauses while `run` runs: how many, and the longest. */
async function withGcWatch<T>(run: () => T): Promise<{ value: T; count: number; longest: number }> {
  const pauses: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push(entry.duration);
  });
  observer.observe({ entryTypes: ["gc"] });
  const value = run();
  // GC entries are delivered on a later turn of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return { value, count: pauses.length, longest: Math.max(0, ...pauses) };
}

/** A public graph from GRAPHS, or undefined (said on stderr) when it is not there. */
function publicGraph(file: string, source: string): UndirectedGraph | undefined {
  const path = resolve(GRAPHS, file);
  if (!existsSync(path)) {
    console.error(
      `\nbench/paths: skipped ${file}: ${path} not found. The SNAP graphs live in ../shared/data/graphs beside the checkout; elsewhere get it from ${source}, save it as ${file} in a folder and pass --graphs DIR.`,
    );
    return undefined;
  }
  const raw = readFileSync(path);
  const text = file.endsWith(".gz") ? gunzipSync(raw).toString("utf8") : raw.toString("utf8");
  const random = rng(7);
  const graph = new UndirectedGraph();
  for (const line of text.split("\n")) {
    const [a, b] = line.trim().split(/[\s,]+/);
    if (!a || !b || a === b || Number.isNaN(Number(a))) continue;
    graph.mergeNode(a);
    graph.mergeNode(b);
    if (!graph.hasEdge(a, b))
      graph.addEdge(a, b, { strength: Math.round((0.05 + 0.95 * random() ** 1.5) * 1000) / 1000 });
  }
  return graph;
}

interface Run {
  pairs: [number, number][];
  keys: string[];
  p50: number;
  p99: number;
}

/** Phase 1: the baseline on its own; returns each pair's warmest cost and ties (null: no path). */
function baselinePhase(graph: UndirectedGraph, keys: string[], pairs: [number, number][]) {
  const cost = (_e: string, a: { strength: number }) => -Math.log(a.strength);
  const times: number[] = [];
  const cpu: number[] = [];
  const found: ({ cost: number; hops: number } | null)[] = [];
  for (const [s, t] of pairs) {
    const [start, startCpu] = [process.hrtime.bigint(), process.cpuUsage()];
    const path = bidirectional(graph, keys[s]!, keys[t]!, cost as never);
    times.push(ms(start));
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
    if (!path) found.push(null);
    else {
      let c = 0;
      for (let i = 0; i + 1 < path.length; i++)
        c += -Math.log(graph.getEdgeAttribute(path[i]!, path[i + 1]!, "strength") as number);
      found.push({ cost: c, hops: path.length - 1 });
    }
  }
  return { times: Object.assign(times, { cpu }), found };
}

/** Times `search` over the pairs, each in one pass. */
function pass(pairs: [number, number][], search: (s: number, t: number) => unknown) {
  const times: number[] = [];
  const cpu: number[] = [];
  for (const [s, t] of pairs) {
    const [start, startCpu] = [process.hrtime.bigint(), process.cpuUsage()];
    search(s, t);
    times.push(ms(start));
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  return Object.assign(times, { cpu });
}

/** The network's index, pairs and the baseline's answers; the Graphology graph is left behind. */
function prepare(name: string, source: () => UndirectedGraph) {
  const graph = source();
  const start = process.hrtime.bigint();
  const index = buildPathIndex(graph);
  const buildMs = ms(start);
  const keys = [...index.keys];
  const pairs = randomPairs(keys.length, PAIRS, 99);
  console.log(
    `\n${name}: ${graph.order.toLocaleString("en-US")} people, ${graph.size.toLocaleString("en-US")} ties`,
  );
  console.log(
    `  index: built in ${buildMs.toFixed(0)} ms, ${(index.byteLength / graph.size).toFixed(1)} bytes per tie (target <= 40)`,
  );
  // Phase 1: the baseline, with the Graphology graph it needs.
  return {
    index,
    keys,
    pairs,
    baseline: baselinePhase(graph, keys, pairs.slice(0, BASELINE_PAIRS)),
  };
}

async function bench(name: string, source: () => UndirectedGraph): Promise<Run> {
  const { index, keys, pairs, baseline } = prepare(name, source);
  gc();
  gc();
  console.log(
    `  (heap for our phase after dropping the Graphology graph: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB)`,
  );

  // Phase 2: ours. Cold start first: the first queries after building.
  const introPaths = (s: number, t: number) => warmestPaths(index, s, [t], { k: 3, maxHops: 4 });
  const cold = pass(pairs.slice(0, COLD), introPaths);
  pass(randomPairs(keys.length, WARMUP, 7), introPaths);
  pass(randomPairs(keys.length, WARMUP, 8), (s, t) =>
    warmestPaths(index, s, [t], { k: 3, maxHops: 8 }),
  );
  let found = 0;
  const warm = await withGcWatch(() =>
    pass(pairs, (s, t) => {
      if (introPaths(s, t).length > 0) found++;
    }),
  );
  const singleCosts: number[] = [];
  const single = await withGcWatch(() =>
    pass(pairs, (s, t) => {
      const [best] = warmestPaths(index, s, [t], { k: 1, maxHops: 4, diverseIntroducers: false });
      singleCosts.push(best?.cost ?? Number.POSITIVE_INFINITY);
    }),
  );
  const long = await withGcWatch(() =>
    pass(pairs, (s, t) => warmestPaths(index, s, [t], { k: 3, maxHops: 8 })),
  );
  // Exactness against the baseline: its unbounded warmest path, when it has at most 4 ties, is ours.
  let agree = 0;
  baseline.found.forEach((reference, i) => {
    const ours = singleCosts[i]!;
    if (reference === null) agree += ours === Number.POSITIVE_INFINITY ? 1 : 0;
    else if (reference.hops <= 4) agree += Math.abs(reference.cost - ours) < 1e-9 ? 1 : 0;
    else agree += ours >= reference.cost - 1e-9 ? 1 : 0;
  });

  const gcNote = (g: { count: number; longest: number }) =>
    `   (GC: ${g.count} pauses, longest ${g.longest.toFixed(1)} ms)`;
  console.log(
    `  cold start, first ${COLD} queries     first ${fmt(cold[0]!)} ms   p50 ${fmt(percentile(cold, 50))} ms   max ${fmt(Math.max(...cold))} ms`,
  );
  line(`introPaths k=3 maxHops=4 (warm)`, warm.value, gcNote(warm));
  console.log(`  ${"".padEnd(34)} ${found}/${PAIRS} pairs have a path`);
  line(`warmest single path k=1 maxHops=4`, single.value, gcNote(single));
  line(`introPaths k=3 maxHops=8 (warm)`, long.value, gcNote(long));
  line(`baseline dijkstra.bidirectional`, baseline.times, `   (${BASELINE_PAIRS} pairs)`);
  const speedup = percentile(baseline.times, 50) / percentile(single.value, 50);
  console.log(
    `  single warmest path vs baseline: ${speedup.toFixed(1)}x faster at p50 (target >= 30x); ${agree}/${BASELINE_PAIRS} pairs agree with the baseline`,
  );
  return { pairs, keys, p50: percentile(warm.value, 50), p99: percentile(warm.value, 99) };
}

/** Cypher's shortestPath on the same pairs: fewest ties, up to 4, as Neo4j users would first reach for. */
async function neo4jBaseline(name: string, graph: UndirectedGraph, run: Run): Promise<void> {
  const { withNeo4j } = await import("./neo4j-for-bench.js");
  const neo4j = (await import("neo4j-driver")).default;
  await withNeo4j(async (c) => {
    const driver = neo4j.driver(c.uri, neo4j.auth.basic(c.user, c.password), {
      disableLosslessIntegers: true,
    });
    try {
      await driver.executeQuery(
        "CREATE CONSTRAINT bench_person IF NOT EXISTS FOR (p:BenchPerson) REQUIRE p.id IS UNIQUE",
      );
      await driver.executeQuery("CALL db.awaitIndexes(300)");
      const nodes = graph.nodes();
      for (let i = 0; i < nodes.length; i += 10_000)
        await driver.executeQuery("UNWIND $ids AS id CREATE (:BenchPerson {id: id})", {
          ids: nodes.slice(i, i + 10_000),
        });
      const edges = graph.mapEdges((_e, a, s, t) => ({
        s,
        t,
        cost: -Math.log(a.strength as number),
      }));
      for (let i = 0; i < edges.length; i += 10_000) {
        await driver.executeQuery(
          "UNWIND $rows AS r MATCH (a:BenchPerson {id: r.s}), (b:BenchPerson {id: r.t}) CREATE (a)-[:BENCH_TIE {cost: r.cost}]->(b)",
          { rows: edges.slice(i, i + 10_000) },
        );
      }
      const times: number[] = [];
      for (const [s, t] of run.pairs.slice(0, BASELINE_PAIRS)) {
        const start = process.hrtime.bigint();
        await driver.executeQuery(
          "MATCH (a:BenchPerson {id: $s}), (b:BenchPerson {id: $t}) OPTIONAL MATCH p = shortestPath((a)-[:BENCH_TIE*..4]-(b)) RETURN length(p) AS hops",
          { s: run.keys[s], t: run.keys[t] },
        );
        times.push(ms(start));
      }
      const [p50, p99] = [percentile(times, 50), percentile(times, 99)];
      console.log(
        `\n${name} on Neo4j: Cypher shortestPath (fewest ties, <= 4) p50 ${p50.toFixed(3)} ms   p99 ${p99.toFixed(3)} ms`,
      );
      console.log(
        `  introPaths (k = 3, warmest) vs Cypher shortestPath: ${(p50 / run.p50).toFixed(1)}x at p50, ${(p99 / run.p99).toFixed(1)}x at p99`,
      );
    } finally {
      await driver.close();
    }
  });
}

if (args.includes("--team")) {
  // The pooled search of a team (issue 14): its own file, its own flags.
  await import("./team-paths.js");
} else if (args.includes("--peers")) {
  // Other engines at several hop bounds (issue 16): its own file, its own flags.
  await import("./paths-peers.js");
} else {
  console.log(
    `bench/paths: ${PAIRS} pairs a network (baseline on the first ${BASELINE_PAIRS}), ${COLD} cold queries, ${WARMUP} warm-up queries${ENGINE ? `, engine ${ENGINE}` : ""}`,
  );
  for (const [i, size] of SIZES.entries()) {
    const name = `Holme-Kim ${size.toLocaleString("en-US")}`;
    const generate = () => {
      const start = process.hrtime.bigint();
      const graph = socialGraph(size);
      console.log(
        `\n(generated a ${size.toLocaleString("en-US")}-person network in ${(ms(start) / 1000).toFixed(1)} s)`,
      );
      return graph;
    };
    const run = await bench(name, generate);
    if (i === 0 && args.includes("--neo4j")) await neo4jBaseline(name, generate(), run);
  }
  for (const [name, file, source] of [
    ["SNAP ca-GrQc", "ca-grqc.edges.csv", "https://snap.stanford.edu/data/ca-GrQc.html"],
    [
      "SNAP ego-Facebook",
      "ego-facebook.edges.txt.gz",
      "https://snap.stanford.edu/data/ego-Facebook.html",
    ],
  ] as const) {
    const graph = publicGraph(file, source);
    if (graph) await bench(name, () => graph);
  }
}
