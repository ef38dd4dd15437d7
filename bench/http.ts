/**
 * bench/http: autocannon against the running server (a child process started
 * like `npm start`) on SQLite and on Neo4j, at several network sizes in one run
 * (default 5,000 and 1,000,000 ties; ten ties per person on average at every size,
 * so a page of people costs the same work whatever the size). At each size it
 * prints requests/s, p50 and p99 for `person(id)` and for `people(first: 50)` with
 * their ties and employers, each beside a trivial `{ __typename }` measured over
 * the same server in the same run, and the ratio to it.
 * Targets: `person` reaches at least half the throughput of the trivial query, and
 * the `people(first: 50)` ratio does not fall as the network grows (look-ups by
 * person are indexed: see sqlite-reads.ts `refsQuery`).
 *
 *   npx tsx bench/http.ts [sqlite|neo4j|all] [--sizes 5000,1000000] [--seconds N]
 *                         [--warmup N] [--connections N]
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import type { NetworkStore } from "../src/graph/index.js";
import { SqliteStore } from "../src/sqlite.js";
import { syntheticNetwork } from "./synthetic-network.js";

const args = process.argv.slice(2);
const optionText = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const option = (name: string, fallback: number) => Number(optionText(name) ?? fallback);
const which = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--")) ?? "all";
const SIZES = (optionText("sizes") ?? "5000,1000000").split(",").map((s) => Number(s.trim()));
const SECONDS = option("seconds", 10);
const WARMUP_SECONDS = option("warmup", 3);
const CONNECTIONS = option("connections", 10);
const OWNER = "bench-http";
/** Ties per person on average (each tie has two ends: 20 ties seen from each person). */
const TIES_PER_PERSON = 10;
const ORGANIZATIONS = 20;
/** Readiness can wait for a big file to open; the server answers /readyz once its store does. */
const READY_TIMEOUT_MS = 300_000;

const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

/** `ties` random ties among `ties / 10` people, each with one current job at one of 20 employers. */
async function seed(store: NetworkStore, ties: number, tieChunk: number): Promise<string> {
  await store.init();
  await store.ensureOwner(OWNER, { name: "Bench Owner" });
  const people = Math.max(100, Math.round(ties / TIES_PER_PERSON));
  const net = syntheticNetwork(people, ties, 7);
  const ids: string[] = [];
  for (let i = 0; i < net.people.length; i += 10_000) {
    const result = await store.bulkUpsert(OWNER, "person", net.people.slice(i, i + 10_000));
    ids.push(...result.ids);
  }
  const orgs = await store.bulkUpsert(
    OWNER,
    "organization",
    Array.from({ length: ORGANIZATIONS }, (_, i) => ({ name: `Company ${i}` })),
  );
  for (let i = 0; i < net.ties.length; i += tieChunk) {
    const chunk = net.ties.slice(i, i + tieChunk).map(([a, b], j) => ({
      personA: ids[a]!,
      personB: ids[b]!,
      strength: 0.1 + ((i + j) % 9) / 10,
    }));
    await store.bulkUpsert(OWNER, "tie", chunk);
  }
  for (let i = 0; i < ids.length; i += 10_000) {
    await store.bulkUpsert(
      OWNER,
      "employment",
      ids.slice(i, i + 10_000).map((id, j) => ({
        personId: id,
        organizationId: orgs.ids[(i + j) % orgs.ids.length]!,
        title: "Engineer",
      })),
    );
  }
  await store.close();
  return ids[Math.floor(ids.length / 2)]!;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once("error", reject);
  });
}

async function startServer(
  env: Record<string, string>,
): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      WARMPATH_OWNER: OWNER,
      NODE_ENV: "production",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (const until = Date.now() + READY_TIMEOUT_MS; Date.now() < until;) {
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { base, child };
    await new Promise((r) => setTimeout(r, 150));
  }
  child.kill();
  throw new Error("the server did not become ready");
}

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(base: string, query: string, variables: object, seconds: number) {
  const result = await autocannon({
    url: `${base}/graphql`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
    connections: CONNECTIONS,
    duration: seconds,
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/** One answer checked before timing: a query that fails fast would look fast. */
async function checkAnswers(base: string, query: string, variables: object): Promise<void> {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (!response.ok || body.errors)
    throw new Error(`query failed: ${JSON.stringify(body).slice(0, 500)}`);
}

const BASELINE = "{ __typename }";
const PEOPLE_QUERY =
  "{ people(first: 50) { edges { node { name knows { strength person { name } } employment { to organization { name } } } } } }";

/** Measures the queries against one server; returns people(first: 50)'s ratio to the baseline. */
async function benchServer(
  label: string,
  env: Record<string, string>,
  personId: string,
): Promise<number> {
  const { base, child } = await startServer(env);
  try {
    const queries: [string, string, object][] = [
      ["{ __typename } (baseline)", BASELINE, {}],
      ["person(id)", "query($id: ID!) { person(id: $id) { id name title } }", { id: personId }],
      ["people(first: 50) + ties + employers", PEOPLE_QUERY, {}],
    ];
    console.log(
      `\n${label}: ${CONNECTIONS} connections, ${SECONDS} s per query after ${WARMUP_SECONDS} s warm-up`,
    );
    const figures: Figures[] = [];
    // Each query in its own phase: warm-up (not reported), then the timed run.
    for (const [name, query, variables] of queries) {
      await checkAnswers(base, query, variables);
      await load(base, query, variables, WARMUP_SECONDS);
      const f = await load(base, query, variables, SECONDS);
      figures.push(f);
      const ratio =
        figures.length > 1 ? `   ${(f.rps / figures[0]!.rps).toPrecision(3)}x baseline` : "";
      console.log(
        `  ${name.padEnd(38)} ${fmt(f.rps).padStart(7)} req/s   p50 ${String(f.p50).padStart(4)} ms   p99 ${String(f.p99).padStart(5)} ms${ratio}${f.errors ? `   ${f.errors} errors` : ""}`,
      );
    }
    const personRatio = figures[1]!.rps / figures[0]!.rps;
    console.log(
      `  person / baseline throughput: ${personRatio.toFixed(2)}   target >= 0.50: ${personRatio >= 0.5 ? "met" : "MISSED"}`,
    );
    return figures[2]!.rps / figures[0]!.rps;
  } finally {
    child.kill("SIGTERM");
  }
}

/** Whether the ratio held from the smallest network to the largest (10% allowed for noise). */
function summarize(name: string, ratios: [number, number][]): void {
  console.log(`\n${name}: people(first: 50) + ties + employers / { __typename }, by network size`);
  for (const [ties, ratio] of ratios)
    console.log(`  ${fmt(ties).padStart(10)} ties   ${ratio.toPrecision(3)}`);
  if (ratios.length < 2) return;
  const first = ratios[0]![1];
  const last = ratios.at(-1)![1];
  const held = last >= first * 0.9;
  console.log(
    `  largest / smallest: ${(last / first).toFixed(2)}   target: does not fall (>= 0.90): ${held ? "met" : "MISSED"}`,
  );
}

async function benchSizes(name: string, run: (ties: number) => Promise<number>): Promise<void> {
  const ratios: [number, number][] = [];
  for (const ties of SIZES) ratios.push([ties, await run(ties)]);
  summarize(name, ratios);
}

console.log(`bench/http: sizes ${SIZES.map(fmt).join(", ")} ties`);
if (which === "sqlite" || which === "all") {
  await benchSizes("SQLite", async (ties) => {
    const dir = mkdtempSync(join(tmpdir(), "warmpath-bench-http-"));
    const path = join(dir, "bench.db");
    try {
      const start = Date.now();
      const personId = await seed(new SqliteStore({ path }), ties, 50_000);
      console.log(`\nseeded ${fmt(ties)} ties in ${((Date.now() - start) / 1000).toFixed(1)} s`);
      return await benchServer(`SQLite, ${fmt(ties)} ties`, { WARMPATH_DB: path }, personId);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
if (which === "neo4j" || which === "all") {
  const { withNeo4j } = await import("./neo4j-for-bench.js");
  const { Neo4jStore } = await import("../src/neo4j.js");
  await withNeo4j(async (c) => {
    await benchSizes("Neo4j", async (ties) => {
      // The server serves one owner: clear it before seeding the next size.
      await clearOwner(c);
      const store = new Neo4jStore(c);
      const personId = await seed(store, ties, 10_000);
      return benchServer(
        `Neo4j, ${fmt(ties)} ties`,
        { NEO4J_URI: c.uri, NEO4J_USER: c.user, NEO4J_PASSWORD: c.password },
        personId,
      );
    });
  });
}

/** Deletes the bench owner's nodes from Neo4j, in batches small enough for one transaction each. */
async function clearOwner(c: { uri: string; user: string; password: string }): Promise<void> {
  const neo4j = (await import("neo4j-driver")).default;
  const driver = neo4j.driver(c.uri, neo4j.auth.basic(c.user, c.password));
  try {
    for (;;) {
      const { records } = await driver.executeQuery(
        "MATCH (n) WHERE n.owner = $owner OR (n:Owner AND n.id = $owner) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted",
        { owner: OWNER },
      );
      if (Number(records[0]?.get("deleted") ?? 0) === 0) break;
    }
  } finally {
    await driver.close();
  }
}
