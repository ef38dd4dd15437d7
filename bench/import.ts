/**
 * bench/import: rows per second for a generated LinkedIn Connections.csv of
 * 100,000 rows, imported through importContacts (streamed from a file, with
 * identity matching, merging, ties and employers) into SQLite and into Neo4j.
 * Baselines measured in the same run: reading the same file without storing
 * it, and writing the same people through the store's bare bulkUpsert (no
 * planning, no ties or employers).
 *
 *   npx tsx bench/import.ts [sqlite|neo4j|all] [--rows 100000]
 */
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importContacts } from "../src/graph/import/import-contacts.js";
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
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");

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
function linkedinFile(path: string): void {
  const lines = [
    "Notes:",
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    "",
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
  ];
  for (let i = 0; i < ROWS; i++) {
    const company = COMPANIES[i % COMPANIES.length]!;
    const email = i % 10 === 0 ? `person${i}@example.com` : "";
    const date = `${String((i % 28) + 1).padStart(2, "0")} ${MONTHS[i % 12]} ${2010 + (i % 15)}`;
    lines.push(
      `First${i},Last${i},https://www.linkedin.com/in/person-${i},${email},"${company}","Engineer, Level ${i % 5}",${date}`,
    );
  }
  writeFileSync(path, lines.join("\r\n") + "\r\n");
}

async function measure(name: string, store: NetworkStore, file: string): Promise<void> {
  await store.init();
  let start = process.hrtime.bigint();
  let rows = 0;
  for await (const _row of (await readContacts(createReadStream(file), "linkedin")).rows) rows++;
  const readOnly = rows / seconds(start);

  const owner = `bench-${Date.now()}`;
  await store.ensureOwner(owner, { name: "Bench Owner" });
  start = process.hrtime.bigint();
  const report = await importContacts(store, owner, createReadStream(file), { layout: "linkedin" });
  const imported = ROWS / seconds(start);
  if (report.created !== ROWS)
    throw new Error(
      `expected ${ROWS} people created, got ${JSON.stringify({ ...report, rows: undefined })}`,
    );

  start = process.hrtime.bigint();
  const again = await importContacts(store, owner, createReadStream(file), { layout: "linkedin" });
  const reimported = ROWS / seconds(start);
  if (again.unchanged !== ROWS) throw new Error("a re-import changed something");

  const bare = `bench-bare-${Date.now()}`;
  await store.ensureOwner(bare, { name: "Bench Owner" });
  start = process.hrtime.bigint();
  for (let i = 0; i < ROWS; i += 1_000) {
    const people = Array.from({ length: Math.min(1_000, ROWS - i) }, (_, j) => ({
      name: `First${i + j} Last${i + j}`,
      profileUrl: `https://www.linkedin.com/in/person-${i + j}`,
    }));
    await store.bulkUpsert(bare, "person", people);
  }
  const bulkOnly = ROWS / seconds(start);

  console.log(`\n${name}`);
  console.log(
    `  import (people, ties, employers)   ${fmt(imported)} rows/s   target >= 20,000 (SQLite): ${imported >= 20_000 ? "met" : "MISSED"}`,
  );
  console.log(`  re-import of the same file         ${fmt(reimported)} rows/s (all unchanged)`);
  console.log(
    `  baseline: reading the file only    ${fmt(readOnly)} rows/s   (import at ${(imported / readOnly).toFixed(2)}x of it)`,
  );
  console.log(
    `  baseline: bare bulkUpsert of people ${fmt(bulkOnly)} rows/s   (import at ${(imported / bulkOnly).toFixed(2)}x of it)`,
  );
}

const dir = mkdtempSync(join(tmpdir(), "warmpath-bench-import-"));
try {
  const file = join(dir, "Connections.csv");
  linkedinFile(file);
  console.log(`bench/import: a LinkedIn Connections.csv of ${fmt(ROWS)} rows`);
  if (which === "sqlite" || which === "all") {
    const store = new SqliteStore({ path: join(dir, "store.db") });
    await measure("SqliteStore (file, WAL, synchronous=FULL)", store, file);
    await store.close();
  }
  if (which === "neo4j" || which === "all") {
    const { withNeo4j } = await import("./neo4j-for-bench.js");
    const { Neo4jStore } = await import("../src/graph/store/neo4j/neo4j-store.js");
    await withNeo4j(async (connection) => {
      const store = new Neo4jStore(connection);
      await measure("Neo4jStore (Bolt, batched UNWIND)", store, file);
      await store.close();
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
