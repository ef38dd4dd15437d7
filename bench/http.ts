/**
 * bench/http: autocannon against the running server (a child process started
 * like `npm start`) on SQLite and on Neo4j. Prints requests/s and p99 latency
 * for `person(id)` and for `people(first: 50)` with nested ties and employers,
 * beside a trivial `{ __typename }` measured in the same run.
 * Target: `person` reaches at least half the throughput of the trivial query.
 *
 *   npx tsx bench/http.ts [sqlite|neo4j|all] [--seconds N] [--connections N]
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import type { NetworkStore } from "../src/graph/index.js";
import { SqliteStore } from "../src/sqlite.js";
import { rng } from "./synthetic-network.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const which = args.find((a) => !a.startsWith("--") && Number.isNaN(Number(a))) ?? "all";
const SECONDS = option("seconds", 10);
const CONNECTIONS = option("connections", 10);
const OWNER = "bench-http";
const PEOPLE = 1_000;
const TIES_PER_PERSON = 10;

/** 1,000 people, about 10,000 ties, 20 employers: a small real network to query. */
async function seed(store: NetworkStore): Promise<string> {
  await store.init();
  const self = await store.ensureOwner(OWNER, { name: "Bench Owner" });
  const random = rng(7);
  const { ids } = await store.bulkUpsert(
    OWNER,
    "person",
    Array.from({ length: PEOPLE }, (_, i) => ({ name: `Person ${i}`, title: "Engineer" })),
  );
  const orgs = await store.bulkUpsert(
    OWNER,
    "organization",
    Array.from({ length: 20 }, (_, i) => ({ name: `Company ${i}` })),
  );
  const pairs = new Map<string, { personA: string; personB: string; strength: number }>();
  for (const id of ids) {
    for (let k = 0; k < TIES_PER_PERSON / 2; k++) {
      const other = ids[Math.floor(random() * ids.length)]!;
      if (other !== id)
        pairs.set([id, other].sort().join("|"), {
          personA: id,
          personB: other,
          strength: 0.1 + random() * 0.9,
        });
    }
  }
  for (const id of ids.slice(0, 100))
    pairs.set([self.id, id].sort().join("|"), { personA: self.id, personB: id, strength: 0.9 });
  const ties = [...pairs.values()];
  for (let i = 0; i < ties.length; i += 5_000)
    await store.bulkUpsert(OWNER, "tie", ties.slice(i, i + 5_000));
  await store.bulkUpsert(
    OWNER,
    "employment",
    ids.map((id, i) => ({
      personId: id,
      organizationId: orgs.ids[i % orgs.ids.length]!,
      title: "Engineer",
    })),
  );
  await store.close();
  return ids[500]!;
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
  for (let i = 0; i < 200; i++) {
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

async function load(
  base: string,
  query: string,
  variables: object = {},
): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({
    url: `${base}/graphql`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function benchStore(
  name: string,
  env: Record<string, string>,
  personId: string,
): Promise<void> {
  const { base, child } = await startServer(env);
  try {
    const queries: [string, string, object][] = [
      ["{ __typename } (baseline)", "{ __typename }", {}],
      ["person(id)", "query($id: ID!) { person(id: $id) { id name title } }", { id: personId }],
      [
        "people(first: 50) + ties + employers",
        "{ people(first: 50) { edges { node { name knows { strength person { name } } employment { organization { name } } } } } }",
        {},
      ],
    ];
    console.log(`\n${name}: ${CONNECTIONS} connections, ${SECONDS} s per query`);
    const figures: number[] = [];
    for (const [label, query, variables] of queries) {
      await load(base, query, variables).then(() => undefined); // warm-up run, not reported
      const { rps, p99, errors } = await load(base, query, variables);
      figures.push(rps);
      console.log(
        `  ${label.padEnd(40)} ${Math.round(rps).toString().padStart(7)} req/s   p99 ${String(p99).padStart(5)} ms${errors ? `   ${errors} errors` : ""}`,
      );
    }
    const ratio = figures[1]! / figures[0]!;
    console.log(
      `  person / baseline throughput: ${ratio.toFixed(2)}   target >= 0.50: ${ratio >= 0.5 ? "met" : "MISSED"}`,
    );
    console.log(`  people(first: 50) nested / baseline: ${(figures[2]! / figures[0]!).toFixed(3)}`);
  } finally {
    child.kill("SIGTERM");
  }
}

if (which === "sqlite" || which === "all") {
  const dir = mkdtempSync(join(tmpdir(), "warmpath-bench-http-"));
  const path = join(dir, "bench.db");
  try {
    const personId = await seed(new SqliteStore({ path }));
    await benchStore("SQLite", { WARMPATH_DB: path }, personId);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (which === "neo4j" || which === "all") {
  const { withNeo4j } = await import("./neo4j-for-bench.js");
  const { Neo4jStore } = await import("../src/neo4j.js");
  await withNeo4j(async (c) => {
    const personId = await seed(new Neo4jStore(c));
    await benchStore(
      "Neo4j",
      { NEO4J_URI: c.uri, NEO4J_USER: c.user, NEO4J_PASSWORD: c.password },
      personId,
    );
  });
}
