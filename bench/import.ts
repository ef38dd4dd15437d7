/**
 * bench/import: rows per second for a generated LinkedIn Connections.csv of
 * 100,000 rows, imported through importContacts (streamed from a file, with
 * identity matching, merging, ties and employers) into SQLite and into Neo4j.
 * Baselines measured in the same run, each in its own phase: reading the same
 * file without storing it, and writing the same people through the store's
 * bare bulkUpsert (no planning, no ties or employers). Each sample imports into
 * a fresh owner of the same database, after a warm-up import of 5,000 rows;
 * figures are the median of the samples. On SQLite the rows per second of CPU
 * time are printed too: on a shared machine they move less than wall time.
 *
 *   npx tsx bench/import.ts [sqlite|neo4j|all] [--rows 100000] [--samples 3]
 *   npx tsx bench/import.ts mbox [--messages 50000] [--samples 3]   (mail: bench/import-mbox.ts)
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importContacts, type ImportReport } from "../src/graph/import/import-contacts.js";
import { readContacts } from "../src/graph/import/read-contacts.js";
import type { NetworkStore } from "../src/graph/store/network-store.js";
import { SqliteStore } from "../src/graph/store/sqlite/sqlite-store.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const which = args.find((a) => !a.startsWith("--") && Number.isNaN(Number(a))) ?? "all";
const ROWS = option("rows", 100_000);
const SAMPLES = option("samples", 3);
const WARM_UP_ROWS = 5_000;
const TARGET = 20_000;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

const COMPANIES = [
  "Contoso Ltd",
  "Northwind Traders",
  "Fabrikam, Inc.",
  "Analytical Engines",
  "Blue Ridge Ventures",
  "Shenzhen Robotics",
];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A LinkedIn export as LinkedIn writes it: a notes preamble, CRLF, quoted commas, mostly empty e-mails. */
function linkedinFile(path: string, rows: number): void {
  const lines = [
    "Notes:",
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    "",
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
  ];
  for (let i = 0; i < rows; i++) {
    const company = COMPANIES[i % COMPANIES.length]!;
    const email = i % 10 === 0 ? `person${i}@example.com` : "";
    const date = `${String((i % 28) + 1).padStart(2, "0")} ${MONTHS[i % 12]} ${2010 + (i % 15)}`;
    lines.push(
      `First${i},Last${i},https://www.linkedin.com/in/person-${i},${email},"${company}","Engineer, Level ${i % 5}",${date}`,
    );
  }
  writeFileSync(path, lines.join("\r\n") + "\r\n");
}

/** Rows per second of wall time and of this process's CPU time. */
interface Rate {
  wall: number;
  cpu: number;
}

async function timed(rows: number, work: () => Promise<unknown>): Promise<Rate> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await work();
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  return { wall: rows / wall, cpu: rows / ((used.user + used.system) / 1e6) };
}

const expectCounts = (report: ImportReport, what: string, counts: Partial<ImportReport>) => {
  for (const [key, value] of Object.entries(counts))
    if (report[key as keyof ImportReport] !== value)
      throw new Error(
        `${what}: expected ${key} ${value}, got ${String(report[key as keyof ImportReport])}`,
      );
};

/** One sample of every phase, in a fresh owner: reading, bare bulkUpsert, import, re-import, dry run. */
async function sample(store: NetworkStore, file: string, rows: number) {
  const read = await timed(rows, async () => {
    let n = 0;
    for await (const _row of (await readContacts(createReadStream(file), "linkedin")).rows) n++;
    if (n !== rows) throw new Error(`read ${n} rows of ${rows}`);
  });

  const bare = `bench-bare-${Date.now()}-${Math.random()}`;
  await store.ensureOwner(bare, { name: "Bench Owner" });
  const bulk = await timed(rows, async () => {
    for (let i = 0; i < rows; i += 1_000) {
      const people = Array.from({ length: Math.min(1_000, rows - i) }, (_, j) => ({
        name: `First${i + j} Last${i + j}`,
        profileUrl: `https://www.linkedin.com/in/person-${i + j}`,
      }));
      await store.bulkUpsert(bare, "person", people);
    }
  });

  const owner = `bench-${Date.now()}-${Math.random()}`;
  await store.ensureOwner(owner, { name: "Bench Owner" });
  const run =
    (options: { dryRun?: boolean } = {}) =>
    () =>
      importContacts(store, owner, createReadStream(file), { layout: "linkedin", ...options });
  let report: ImportReport | undefined;
  const imported = await timed(rows, async () => (report = await run()()));
  expectCounts(report!, "import", { created: rows, rejected: 0 });
  const version = await store.version(owner);
  const reimported = await timed(rows, async () => (report = await run()()));
  expectCounts(report!, "re-import", { unchanged: rows });
  const dry = await timed(rows, async () => (report = await run({ dryRun: true })()));
  expectCounts(report!, "dry run", { unchanged: rows });
  if ((await store.version(owner)) !== version) throw new Error("a re-import or dry run wrote");
  return { read, bulk, imported, reimported, dry };
}

async function measure(name: string, store: NetworkStore, dir: string, withCpu: boolean) {
  await store.init();
  const warmUp = join(dir, "WarmUp.csv");
  linkedinFile(warmUp, WARM_UP_ROWS);
  await sample(store, warmUp, WARM_UP_ROWS);
  const file = join(dir, "Connections.csv");
  linkedinFile(file, ROWS);
  const samples: Awaited<ReturnType<typeof sample>>[] = [];
  for (let i = 0; i < SAMPLES; i++) samples.push(await sample(store, file, ROWS));
  const of = (phase: keyof (typeof samples)[number]): Rate => ({
    wall: median(samples.map((s) => s[phase].wall)),
    cpu: median(samples.map((s) => s[phase].cpu)),
  });
  const [read, bulk, imported] = [of("read"), of("bulk"), of("imported")];
  const rate = (r: Rate) =>
    `${fmt(r.wall).padStart(9)} rows/s${withCpu ? `   (${fmt(r.cpu).padStart(7)} per CPU-second)` : ""}`;
  console.log(`\n${name}: median of ${SAMPLES}`);
  console.log(`  baseline: reading the file only      ${rate(read)}`);
  console.log(`  baseline: bare bulkUpsert of people  ${rate(bulk)}`);
  console.log(
    `  import (people, ties, employers)     ${rate(imported)}   target >= ${fmt(TARGET)} (SQLite): ${imported.wall >= TARGET ? "met" : "MISSED"}`,
  );
  console.log(
    `    = ${(imported.wall / read.wall).toFixed(3)}x reading the file, ${(imported.wall / bulk.wall).toFixed(2)}x bare bulkUpsert; samples ${samples.map((s) => fmt(s.imported.wall)).join(", ")}`,
  );
  console.log(`  re-import of the same file           ${rate(of("reimported"))}   (all unchanged)`);
  console.log(`  dry run of the same file             ${rate(of("dry"))}   (all unchanged)`);
}

/** The contact-file benchmark, into each store asked for. */
async function contactBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "warmpath-bench-import-"));
  try {
    console.log(
      `bench/import: a LinkedIn Connections.csv of ${fmt(ROWS)} rows, ${SAMPLES} samples after a ${fmt(WARM_UP_ROWS)}-row warm-up`,
    );
    if (which === "sqlite" || which === "all") {
      const store = new SqliteStore({ path: join(dir, "store.db") });
      await measure("SqliteStore (file, WAL, synchronous=FULL)", store, dir, true);
      await store.close();
    }
    if (which === "neo4j" || which === "all") {
      const { withNeo4j } = await import("./neo4j-for-bench.js");
      const { Neo4jStore } = await import("../src/graph/store/neo4j/neo4j-store.js");
      await withNeo4j(async (connection) => {
        const store = new Neo4jStore(connection);
        await measure("Neo4jStore (Bolt, batched UNWIND)", store, dir, false);
        await store.close();
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Mail has a benchmark of its own, which reads its own options.
if (which === "mbox") await import("./import-mbox.js");
else await contactBench();
