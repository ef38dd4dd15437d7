/**
 * bench/paths: latency of the warmest-path search (k = 3, maxHops = 4) over
 * random pairs, on synthetic social networks (Holme-Kim: heavy-tailed degrees
 * with clustering) and on two SNAP graphs (ca-GrQc, ego-Facebook), read from
 * ../shared/data/graphs beside the checkout or from --graphs (about 550 KB, so
 * not copied into the repository; a missing graph is reported and skipped); beside
 * graphology-shortest-path's dijkstra.bidirectional for the single warmest path
 * on the same pairs in the same run. Also the index's bytes per tie and its
 * build time.
 *
 * With --neo4j, the first network is also loaded into Neo4j (NEO4J_URI, or the
 * throwaway server) and Cypher's shortestPath (fewest ties, up to 4) runs on
 * the same pairs as a second baseline.
 *
 *   npx tsx bench/paths.ts [--sizes 10000,100000] [--pairs 200] [--neo4j] [--graphs DIR]
 *
 * With --team, it measures the pooled search of a team instead (bench/team-paths.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { UndirectedGraph } from "graphology";
import { bidirectional } from "graphology-shortest-path/dijkstra.js";
import { buildPathIndex } from "../src/graph/path-index/path-index.js";
import { warmestPaths } from "../src/graph/paths/warmest-paths.js";
import { socialGraph } from "./social-graph.js";
import { rng } from "./synthetic-network.js";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const SIZES = arg("sizes", "10000,100000").split(",").map(Number);
const PAIRS = Number(arg("pairs", "200"));
const GRAPHS = resolve(
  arg("graphs", fileURLToPath(new URL("../../shared/data/graphs/", import.meta.url))),
);

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

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

function bench(
  name: string,
  graph: UndirectedGraph,
): { pairs: (readonly [string, string])[]; p50: number; p99: number } {
  let start = process.hrtime.bigint();
  const index = buildPathIndex(graph);
  const buildMs = ms(start);
  const bytes = index.byteLength;
  const random = rng(99);
  const nodes = graph.nodes();
  const pairs = Array.from(
    { length: PAIRS },
    () =>
      [
        nodes[Math.floor(random() * nodes.length)]!,
        nodes[Math.floor(random() * nodes.length)]!,
      ] as const,
  );
  const ours: number[] = [];
  const oursSingle: number[] = [];
  const baseline: number[] = [];
  let agree = 0;
  let found = 0;
  const cost = (_e: string, a: { strength: number }) => -Math.log(a.strength);
  for (const [s, t] of pairs) {
    const [si, ti] = [index.indexOf.get(s)!, index.indexOf.get(t)!];
    start = process.hrtime.bigint();
    const paths = warmestPaths(index, si, [ti], { k: 3, maxHops: 4 });
    ours.push(ms(start));
    start = process.hrtime.bigint();
    const single = warmestPaths(index, si, [ti], { k: 1, maxHops: 4, diverseIntroducers: false });
    oursSingle.push(ms(start));
    start = process.hrtime.bigint();
    const reference = bidirectional(graph, s, t, cost as never);
    baseline.push(ms(start));
    if (paths.length > 0) found++;
    // The unbounded warmest path, when it has at most 4 ties, must be what the bounded search finds.
    if (reference && reference.length - 1 <= 4 && single[0]) {
      let c = 0;
      for (let i = 0; i + 1 < reference.length; i++)
        c += -Math.log(
          graph.getEdgeAttribute(reference[i]!, reference[i + 1]!, "strength") as number,
        );
      if (Math.abs(c - single[0].cost) < 1e-9) agree++;
    } else agree++;
  }
  const fmt = (v: number) => v.toFixed(3).padStart(9);
  console.log(
    `\n${name}: ${graph.order.toLocaleString("en-US")} people, ${graph.size.toLocaleString("en-US")} ties`,
  );
  console.log(
    `  index: built in ${buildMs.toFixed(0)} ms, ${(bytes / graph.size).toFixed(1)} bytes per tie (target <= 40)`,
  );
  console.log(
    `  introPaths k=3 maxHops=4       p50 ${fmt(percentile(ours, 50))} ms   p99 ${fmt(percentile(ours, 99))} ms   (${found}/${PAIRS} pairs have a path)`,
  );
  console.log(
    `  warmest single path            p50 ${fmt(percentile(oursSingle, 50))} ms   p99 ${fmt(percentile(oursSingle, 99))} ms`,
  );
  console.log(
    `  baseline dijkstra.bidirectional p50 ${fmt(percentile(baseline, 50))} ms   p99 ${fmt(percentile(baseline, 99))} ms`,
  );
  const speedup = percentile(baseline, 50) / percentile(oursSingle, 50);
  console.log(
    `  single warmest path vs baseline: ${speedup.toFixed(1)}x faster at p50 (target >= 30x); ${agree}/${PAIRS} pairs agree with the baseline`,
  );
  return { pairs, p50: percentile(ours, 50), p99: percentile(ours, 99) };
}

/** Cypher's shortestPath on the same pairs: fewest ties, up to 4, as Neo4j users would first reach for. */
async function neo4jBaseline(
  name: string,
  graph: UndirectedGraph,
  run: { pairs: (readonly [string, string])[]; p50: number; p99: number },
): Promise<void> {
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
      for (const [s, t] of run.pairs) {
        const start = process.hrtime.bigint();
        await driver.executeQuery(
          "MATCH (a:BenchPerson {id: $s}), (b:BenchPerson {id: $t}) OPTIONAL MATCH p = shortestPath((a)-[:BENCH_TIE*..4]-(b)) RETURN length(p) AS hops",
          { s, t },
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
} else {
  for (const [i, size] of SIZES.entries()) {
    const start = process.hrtime.bigint();
    const graph = socialGraph(size);
    console.log(
      `\n(generated a ${size.toLocaleString("en-US")}-person network in ${(ms(start) / 1000).toFixed(1)} s)`,
    );
    const name = `Holme-Kim ${size.toLocaleString("en-US")}`;
    const run = bench(name, graph);
    if (i === 0 && args.includes("--neo4j")) await neo4jBaseline(name, graph, run);
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
    if (graph) bench(name, graph);
  }
}
