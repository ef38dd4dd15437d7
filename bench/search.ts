/**
 * bench/search: people search as a person types it (`searchPeople`, the web app's search box:
 * names, titles, current employers and groups, ignoring case and accents) over a network of
 * `--people` people, 60% of them employed at one of 500 organizations and 10% in one of 50
 * groups. Each in its own phase, after a warm-up, p50 / p95 of `--samples` runs per query:
 *   - baseline: a bare loop folding every person's name and title and testing the text, the
 *     least a scan of the people must do without kept folds (no employers, no ranking);
 *   - searchPeople over the owner's projection (loaded before the clock starts);
 *   - the store's own text filter (`list` with `{ text }`: SQLite folds each row in SQL).
 *
 *   npx tsx bench/search.ts [--people 100000] [--samples 20]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { foldText } from "../src/graph/model/fold-text.js";
import type { Person } from "../src/graph/model/person.js";
import { projectionFor } from "../src/graph/projection/projection-registry.js";
import { searchPeople } from "../src/graph/search/search-people.js";
import { SqliteStore } from "../src/graph/store/sqlite/sqlite-store.js";

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const PEOPLE = option("people", 100_000);
const SAMPLES = option("samples", 20);
const OWNER = "bench-search";
const CHUNK = 10_000;
const FIRST = ["Chloé", "Jürgen", "Ana", "Marc", "Zoë", "Søren", "Lena", "Omar", "Mei", "Ravi"];
const LAST = ["Martin", "Groß", "Ruiz", "Nguyen", "Adams", "Müller", "Fischer", "Haddad", "Wu"];

/** What a person types: a whole name (few matches), a company, a first name, and nothing found. */
const QUERIES = [
  { label: "a whole name", text: "omar fischer 1617" },
  { label: "a company", text: "northwind 42" },
  { label: "a first name (10% match)", text: "jurgen" },
  { label: "nothing matches", text: "zzzz" },
];

const fmt = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

async function timed(run: () => unknown): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i++) await run();
  const ms: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = process.hrtime.bigint();
    await run();
    ms.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95) };
}

async function writeNetwork(store: SqliteStore): Promise<void> {
  await store.ensureOwner(OWNER, { name: "Bench Owner" });
  const people = Array.from({ length: PEOPLE }, (_, i) => ({
    name: `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]} ${i}`,
    title: i % 3 === 0 ? "Engineering Manager" : "Account Executive",
  }));
  const ids: string[] = [];
  for (let i = 0; i < PEOPLE; i += CHUNK)
    ids.push(...(await store.bulkUpsert(OWNER, "person", people.slice(i, i + CHUNK))).ids);
  const orgs = (
    await store.bulkUpsert(
      OWNER,
      "organization",
      Array.from({ length: 550 }, (_, i) =>
        i < 500
          ? { name: `Northwind ${i}`, kind: "company" as const }
          : { name: `Rotary Club ${i}`, kind: "club" as const },
      ),
    )
  ).ids;
  const jobs = ids.flatMap((personId, i) =>
    i % 10 < 6 ? [{ personId, organizationId: orgs[i % 500]!, from: "2020-01-01" }] : [],
  );
  for (let i = 0; i < jobs.length; i += CHUNK)
    await store.bulkUpsert(OWNER, "employment", jobs.slice(i, i + CHUNK));
  const groups = ids.flatMap((personId, i) =>
    i % 10 === 0 ? [{ personId, organizationId: orgs[500 + (i % 50)]! }] : [],
  );
  for (let i = 0; i < groups.length; i += CHUNK)
    await store.bulkUpsert(OWNER, "membership", groups.slice(i, i + CHUNK));
}

const dir = mkdtempSync(join(tmpdir(), "warmpath-bench-search-"));
try {
  const store = new SqliteStore({ path: join(dir, "search.db") });
  await store.init();
  await writeNetwork(store);
  const projection = await projectionFor(store, OWNER);
  const people: Person[] = [...projection.people.values()];
  console.log(
    `bench/search: ${PEOPLE.toLocaleString("en-US")} people; p50 / p95 ms of ${SAMPLES} runs after 3 warm-ups`,
  );

  const rows: string[][] = [];
  for (const { label, text } of QUERIES) {
    const query = foldText(text);
    // Baseline, in its own phase: a bare scan that folds as it goes.
    const bare = await timed(() => {
      let n = 0;
      for (const p of people)
        if (foldText(p.name).includes(query) || foldText(p.title ?? "").includes(query)) n++;
      return n;
    });
    let found = 0;
    const ours = await timed(async () => {
      found = (await searchPeople(store, OWNER, text)).totalCount;
    });
    const filter = await timed(() => store.list(OWNER, "person", { text }, { first: 20 }));
    rows.push([
      label,
      String(found),
      `${fmt(ours.p50)} / ${fmt(ours.p95)}`,
      `${fmt(bare.p50)} / ${fmt(bare.p95)}`,
      `${(ours.p50 / bare.p50).toFixed(2)}x`,
      `${fmt(filter.p50)} / ${fmt(filter.p95)}`,
    ]);
  }
  const head = [
    "query",
    "matches",
    "searchPeople",
    "baseline: bare fold scan",
    "ratio",
    "store text filter (SQL)",
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [head, ...rows])
    console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join("  "));
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
