/**
 * bench/paths --peers: our warmest-path search beside two other engines on the
 * same pairs of a Holme-Kim network, at several hop bounds (issue 16):
 *   - ngraph.path's NBA* (bidirectional A*, no hop bound: the same answer for
 *     every bound), on an ngraph.graph of the same ties and costs;
 *   - Kùzu's `WSHORTEST` (weighted shortest path, in an in-memory database
 *     loaded with COPY), with the bound as its hop range `1..maxHops`.
 * Ours runs at k = 1 (what the peers answer) and at k = 3 (introPaths' default),
 * each bound after a warm-up, each engine in its own phase. Costs are compared:
 * Kùzu answers the same bounded question, so its cost must equal ours at k = 1;
 * NBA*'s unbounded optimum equals ours whenever its path fits the bound.
 *
 * The peers are installed on demand into bench/peers (its own package.json,
 * `npm install` there): Kùzu's package is about 540 MB, so it is never a
 * dependency of warmpath. --no-kuzu skips it.
 *
 *   npx tsx bench/paths.ts --peers [--size 100000] [--pairs 100] [--bounds 4,6,8,12]
 *     [--kuzu-pairs 100] [--no-kuzu] [--engine FILE]
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildPathIndex, type PathIndex } from "../src/graph/path-index/path-index.js";
import * as ourEngine from "../src/graph/paths/warmest-paths.js";
import { socialGraph } from "./social-graph.js";
import { randomPairs } from "./synthetic-network.js";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const SIZE = Number(arg("size", "100000"));
const PAIRS = Number(arg("pairs", "100"));
const BOUNDS = arg("bounds", "4,6,8,12").split(",").map(Number);
const KUZU_PAIRS = Math.min(PAIRS, Number(arg("kuzu-pairs", String(PAIRS))));
const ENGINE = arg("engine", "");
const { warmestPaths, edgeCost } = (
  ENGINE ? await import(pathToFileURL(resolve(ENGINE)).href) : ourEngine
) as typeof ourEngine;

const PEERS = fileURLToPath(new URL("./peers/", import.meta.url));
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const fmt = (v: number) => v.toFixed(3).padStart(10);
const stats = (times: number[], cpu?: number[]) =>
  `p50 ${fmt(percentile(times, 50))} ms  p99 ${fmt(percentile(times, 99))} ms` +
  (cpu ? `   (CPU p50 ${fmt(percentile(cpu, 50))} ms  p99 ${fmt(percentile(cpu, 99))} ms)` : "");

/** Installs the peers into bench/peers when they are not there yet. */
function ensurePeers(): void {
  const wanted = ["ngraph.graph", "ngraph.path", ...(args.includes("--no-kuzu") ? [] : ["kuzu"])];
  if (wanted.every((name) => existsSync(join(PEERS, "node_modules", name, "package.json")))) return;
  console.log(`(installing ${wanted.join(", ")} into bench/peers: npm install, once)`);
  execFileSync("npm", ["install", "--no-audit", "--no-fund"], { cwd: PEERS, stdio: "inherit" });
}

function pathCost(index: PathIndex, nodes: readonly number[]): number {
  let cost = 0;
  for (let i = 0; i + 1 < nodes.length; i++) cost += edgeCost(index, nodes[i]!, nodes[i + 1]!);
  return cost;
}

interface Answer {
  cost: number;
  hops: number;
}
const NONE: Answer = { cost: Number.POSITIVE_INFINITY, hops: 0 };

/** Times `search` on every pair, after a warm-up on other pairs. */
function timed(
  pairs: [number, number][],
  warmup: [number, number][],
  search: (s: number, t: number) => Answer,
) {
  for (const [s, t] of warmup) search(s, t);
  const times: number[] = [];
  const cpu: number[] = [];
  const answers: Answer[] = [];
  for (const [s, t] of pairs) {
    const [start, startCpu] = [process.hrtime.bigint(), process.cpuUsage()];
    answers.push(search(s, t));
    times.push(ms(start));
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  return { times, cpu, answers };
}

async function timedAsync(
  pairs: [number, number][],
  warmup: [number, number][],
  search: (s: number, t: number) => Promise<Answer>,
) {
  for (const [s, t] of warmup) await search(s, t);
  const times: number[] = [];
  const cpu: number[] = [];
  const answers: Answer[] = [];
  for (const [s, t] of pairs) {
    const [start, startCpu] = [process.hrtime.bigint(), process.cpuUsage()];
    answers.push(await search(s, t));
    times.push(ms(start));
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  return { times, cpu, answers };
}

const same = (a: Answer, b: Answer) =>
  a.cost === b.cost || Math.abs(a.cost - b.cost) < 1e-9 * Math.max(1, a.cost);

ensurePeers();
const require = createRequire(join(PEERS, "package.json"));
console.log(
  `bench/paths --peers: Holme-Kim ${SIZE.toLocaleString("en-US")}, ${PAIRS} pairs (Kùzu: the first ${KUZU_PAIRS}), bounds ${BOUNDS.join(", ")}${ENGINE ? `, engine ${ENGINE}` : ""}`,
);
let start = process.hrtime.bigint();
const graph = socialGraph(SIZE);
const index = buildPathIndex(graph);
const n = index.keys.length;
console.log(
  `(generated and indexed ${n.toLocaleString("en-US")} people, ${graph.size.toLocaleString("en-US")} ties in ${(ms(start) / 1000).toFixed(1)} s)`,
);
const ties: [number, number, number][] = graph.mapEdges((_e, a, s, t) => [
  index.indexOf.get(s)!,
  index.indexOf.get(t)!,
  -Math.log(a.strength as number),
]);
graph.clear();
const pairs = randomPairs(n, PAIRS, 99);
const warmup = randomPairs(n, 20, 7);

// Phase 1: ours, each bound at k = 1 and k = 3.
const ours = new Map<number, { k1: ReturnType<typeof timed>; k3: ReturnType<typeof timed> }>();
for (const maxHops of BOUNDS) {
  const search = (k: number) => (s: number, t: number) => {
    const [best] = warmestPaths(index, s, [t], { k, maxHops });
    return best ? { cost: best.cost, hops: best.nodes.length - 1 } : NONE;
  };
  ours.set(maxHops, { k1: timed(pairs, warmup, search(1)), k3: timed(pairs, warmup, search(3)) });
}

// Phase 2: ngraph.path's NBA*, unbounded.
const createGraph = require("ngraph.graph") as () => {
  addLink(a: number, b: number, data: { cost: number }): void;
};
const ngraphPath = require("ngraph.path") as {
  nba(
    graph: unknown,
    options: { distance(a: unknown, b: unknown, link: { data: { cost: number } }): number },
  ): { find(from: number, to: number): { id: number }[] };
};
start = process.hrtime.bigint();
const ngraph = createGraph();
for (const [a, b, cost] of ties) ngraph.addLink(a, b, { cost });
const finder = ngraphPath.nba(ngraph, { distance: (_a, _b, link) => link.data.cost });
console.log(`(ngraph.graph built in ${(ms(start) / 1000).toFixed(1)} s)`);
const nba = timed(pairs, warmup, (s, t) => {
  const path = finder.find(s, t);
  if (path.length === 0) return NONE;
  return {
    cost: pathCost(
      index,
      path.map((node) => node.id),
    ),
    hops: path.length - 1,
  };
});

// Phase 3: Kùzu's WSHORTEST, the bound as its hop range.
const kuzu = new Map<number, Awaited<ReturnType<typeof timedAsync>>>();
let kuzuError = args.includes("--no-kuzu") ? "skipped (--no-kuzu)" : "";
if (!kuzuError) {
  const folder = mkdtempSync(join(tmpdir(), "warmpath-kuzu-"));
  try {
    const { Database, Connection } = require("kuzu") as {
      Database: new (path: string) => unknown;
      Connection: new (db: unknown) => {
        query(q: string): Promise<unknown>;
        prepare(q: string): Promise<unknown>;
        execute(
          p: unknown,
          params: Record<string, unknown>,
        ): Promise<{ getAll(): Promise<unknown[]> }>;
      };
    };
    start = process.hrtime.bigint();
    writeFileSync(join(folder, "people.csv"), Array.from({ length: n }, (_, i) => i).join("\n"));
    writeFileSync(join(folder, "ties.csv"), ties.map(([a, b, w]) => `${a},${b},${w}`).join("\n"));
    const db = new Database(join(folder, "db"));
    const connection = new Connection(db);
    await connection.query("CREATE NODE TABLE P(id INT64, PRIMARY KEY(id))");
    await connection.query("CREATE REL TABLE T(FROM P TO P, w DOUBLE)");
    await connection.query(`COPY P FROM '${join(folder, "people.csv")}' (header=false)`);
    await connection.query(`COPY T FROM '${join(folder, "ties.csv")}' (header=false)`);
    console.log(`(Kùzu loaded in ${(ms(start) / 1000).toFixed(1)} s)`);
    for (const maxHops of BOUNDS) {
      const statement = await connection.prepare(
        `MATCH (a:P)-[e:T* WSHORTEST(w) 1..${maxHops}]-(b:P) WHERE a.id = $s AND b.id = $t RETURN cost(e) AS c, size(rels(e)) AS h`,
      );
      kuzu.set(
        maxHops,
        await timedAsync(pairs.slice(0, KUZU_PAIRS), warmup.slice(0, 3), async (s, t) => {
          const rows = (await (await connection.execute(statement, { s, t })).getAll()) as {
            c: number;
            h: number;
          }[];
          return rows.length === 0 ? NONE : { cost: rows[0]!.c, hops: rows[0]!.h };
        }),
      );
    }
  } catch (error) {
    kuzuError = `failed: ${(error as Error).message}`;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

console.log(`\nngraph.path NBA* (no hop bound)      ${stats(nba.times, nba.cpu)}`);
for (const maxHops of BOUNDS) {
  const { k1, k3 } = ours.get(maxHops)!;
  console.log(`\nmaxHops ${maxHops}`);
  console.log(`  ours k=1                           ${stats(k1.times, k1.cpu)}`);
  console.log(`  ours k=3                           ${stats(k3.times, k3.cpu)}`);
  // NBA*'s unbounded optimum is ours whenever its path fits the bound (and a lower bound always).
  let nbaAgree = 0;
  nba.answers.forEach((a, i) => {
    const o = k1.answers[i]!;
    if (a.cost === Number.POSITIVE_INFINITY) nbaAgree += o === NONE ? 1 : 0;
    else if (a.hops <= maxHops) nbaAgree += same(a, o) ? 1 : 0;
    else nbaAgree += o.cost >= a.cost - 1e-9 ? 1 : 0;
  });
  const ratio = (times: number[], of: number[]) =>
    `${(percentile(times, 50) / percentile(of, 50)).toFixed(1)}x at p50, ${(percentile(times, 99) / percentile(of, 99)).toFixed(1)}x at p99`;
  console.log(
    `  ngraph.path NBA* vs ours k=1:      ${ratio(nba.times, k1.times)}; ${nbaAgree}/${PAIRS} pairs consistent`,
  );
  const kz = kuzu.get(maxHops);
  if (kz) {
    // Kùzu 0.11 returns paths longer than the hop range given to WSHORTEST (the range does not
    // bound the weighted search), so its answer is the unbounded optimum: it must equal NBA*'s,
    // and ours whenever it fits the bound.
    let [fits, fitsSame, sameAsNba] = [0, 0, 0];
    kz.answers.forEach((a, i) => {
      if (same(a, nba.answers[i]!)) sameAsNba++;
      if (a === NONE || a.hops > maxHops) return;
      fits++;
      if (same(a, k1.answers[i]!)) fitsSame++;
    });
    console.log(
      `  Kùzu WSHORTEST 1..${String(maxHops).padEnd(2)}               ${stats(kz.times, kz.cpu)}`,
    );
    console.log(
      `  Kùzu vs ours k=1:                  ${ratio(kz.times, k1.times.slice(0, KUZU_PAIRS))}; of ${KUZU_PAIRS} pairs: ${sameAsNba} the cost of NBA*, ${fits} within ${maxHops} ties (${fitsSame} of them the cost of ours), ${KUZU_PAIRS - fits} longer or none`,
    );
  } else console.log(`  Kùzu WSHORTEST: ${kuzuError}`);
}
