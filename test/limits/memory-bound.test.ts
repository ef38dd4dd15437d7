/**
 * No accepted request takes the server past a stated memory bound. The real
 * entry point runs in a child process on a network whose real fan-out is far
 * above what the cost model assumes (1,000 people, everyone tied to me and to
 * 50 others); the worst shapes the limits accept are sent, four at a time, and
 * the child's peak resident memory (VmHWM) is read from /proc.
 */
import "reflect-metadata";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/sqlite.js";

/** The bound this test holds the server to, with the limits' defaults. */
const PEAK_RSS_BOUND_MB = 768;
const PEOPLE = 1_000;
const TIES_EACH = 50;

const dir = mkdtempSync(join(tmpdir(), "warmpath-memory-"));
const db = join(dir, "memory.db");
let child: ReturnType<typeof spawn> | undefined;
let url = "";
let out = "";

const kib = (status: string, field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
const memoryOf = (pid: number) => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return { rssMb: kib(status, "VmRSS") / 1024, peakMb: kib(status, "VmHWM") / 1024 };
};

beforeAll(async () => {
  const store = new SqliteStore({ path: db });
  await store.init();
  const self = await store.ensureOwner("me", { name: "Me" });
  const { ids } = await store.bulkUpsert(
    "me",
    "person",
    Array.from({ length: PEOPLE }, (_, i) => ({
      name: `Person ${i} ${"x".repeat(40)}`,
      title: "Engineer",
      profileUrl: `linkedin.com/in/m${i}`,
    })),
  );
  const ties = ids.flatMap((id, i) => [
    { personA: self.id, personB: id, strength: 0.6 },
    ...Array.from({ length: TIES_EACH / 2 }, (_, d) => ({
      personA: id,
      personB: ids[(i + d + 1) % PEOPLE]!,
      strength: 0.4,
    })),
  ]);
  await store.bulkUpsert("me", "tie", ties);
  await store.close();

  child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...process.env, NEO4J_URI: "", WARMPATH_DB: db, PORT: "0", HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (c) => (out += String(c)));
  child.stderr!.on("data", (c) => (out += String(c)));
  for (let i = 0; i < 150 && !url; i++) {
    await new Promise((r) => setTimeout(r, 200));
    url = /serving GraphQL at (http:\/\/\S+)"/.exec(out)?.[1] ?? "";
  }
  if (!url) throw new Error(`the server did not start: ${out}`);
}, 120_000);

afterAll(() => {
  child?.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

async function gql(query: string): Promise<{ codes: string[]; bytes: number }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  if (!text.startsWith("{"))
    throw new Error(`status ${response.status}: ${text.slice(0, 200)} ${out.slice(-2000)}`);
  const json = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
  return { codes: (json.errors ?? []).map((e) => e.extensions?.code ?? "?"), bytes: text.length };
}

/** The worst shapes the default limits accept (each just under the cost budget or the field budget). */
const WORST_ACCEPTED = [
  // Under the cost budget by the estimate, but I really know 1,000 people who each know 50: stopped by the field budget.
  "{ me { knows { person { name title knows { strength person { name title } } } } } }",
  // A full page with the ties of each person: under the budget by the estimate, over it for real.
  "{ people(first: 250) { edges { node { name title knows { strength person { name } } } } } }",
  // Wide pages of scalars.
  "{ people(first: 1000) { totalCount edges { cursor node { id name title location notes news } } } }",
  // The analytics on the whole network.
  "{ communities { size people { name } } }",
  "{ reach { hops people warm } }",
  "{ brokers(limit: 100) { score person { name } } }",
  `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: people(first: 100) { edges { node { name title } } }`).join(" ")} }`,
];

describe("memory under the worst accepted requests", () => {
  it(`keeps the server's peak resident memory under ${PEAK_RSS_BOUND_MB} MB`, async () => {
    const pid = child!.pid!;
    const before = memoryOf(pid);
    for (const q of WORST_ACCEPTED) {
      const t = performance.now();
      const r = await gql(q);
      console.log(
        `alone: ${Math.round(performance.now() - t)} ms, ${r.bytes} bytes, ${r.codes.join(",") || "OK"}, peak ${memoryOf(pid).peakMb.toFixed(0)} MB: ${q.slice(0, 70)}`,
      );
    }
    const seen = new Map<string, number>();
    // Four at a time, each shape twice.
    const queue = [...WORST_ACCEPTED, ...WORST_ACCEPTED];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let q = queue.shift(); q !== undefined; q = queue.shift()) {
          const r = await gql(q);
          for (const code of r.codes.length ? r.codes : ["OK"])
            seen.set(code, (seen.get(code) ?? 0) + 1);
        }
      }),
    );
    const after = memoryOf(pid);
    console.log(
      `memory: rss ${before.rssMb.toFixed(0)} MB at start, peak ${after.peakMb.toFixed(0)} MB; answers ${JSON.stringify(Object.fromEntries(seen))}`,
    );
    // Every shape was accepted by the limits checked before running (none refused as too costly or too deep).
    expect(seen.has("QUERY_TOO_COSTLY")).toBe(false);
    expect(seen.has("GRAPHQL_VALIDATION_FAILED")).toBe(false);
    expect(seen.has("INTERNAL")).toBe(false);
    // What the estimate missed was stopped while running.
    expect(seen.get("RESPONSE_TOO_LARGE") ?? 0).toBeGreaterThan(0);
    expect(after.peakMb).toBeLessThan(PEAK_RSS_BOUND_MB);
    expect((await fetch(url.replace(/\/graphql$/, "/healthz"))).status).toBe(200);
  }, 180_000);
});
