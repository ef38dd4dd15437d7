/**
 * bench/load-network: `loadNetwork(owner)`, the whole-network read every cold
 * start of the projection makes, beside the bare driver reading the same
 * columns of the same rows in the same run. Rounds alternate the two, after a
 * warm-up of each, so a busy machine slows both alike: read the ratios.
 *
 * Baselines, each the driver with no record built:
 * - SQLite "same columns": better-sqlite3 `raw().all()` of every column the
 *   records hold, the five tables one after the other;
 * - SQLite "(a, b, strength)": the tie rows alone, three columns, kept (`all()`)
 *   and streamed with nothing kept (`iterate()`, the floor of any read);
 * - Neo4j "same rows": the store's own Cypher (a compact list per record) run
 *   through the driver, its rows kept as the driver returns them.
 *
 *   npx tsx bench/load-network.ts [sqlite|neo4j|all] [--people N] [--ties N] [--rounds N]
 *   npx tsx bench/load-network.ts sqlite --file store.db --owner bench-owner
 *
 * `--file` reads a copy of an existing store file (the original is never opened);
 * `--keep` leaves the store file written by this run in place and prints its path.
 * Above a million ties give node room: NODE_OPTIONS=--max-old-space-size=12000.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { NetworkStore } from "../src/graph/store/network-store.js";
import { SqliteStore } from "../src/graph/store/sqlite/sqlite-store.js";
import { syntheticNetwork, tieInputs } from "./synthetic-network.js";

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const numberOption = (name: string, fallback: number) => Number(option(name) ?? fallback);
const which = args.find((a) => ["sqlite", "neo4j", "all"].includes(a)) ?? "all";
const ROUNDS = numberOption("rounds", 5);

const now = () => process.hrtime.bigint();
const seconds = (start: bigint) => Number(now() - start) / 1e9;
const fmt = (n: number) => Math.round(n).toLocaleString("en-US");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Writes a synthetic network through the store's bulk API; returns the owner. */
async function fill(store: NetworkStore, people: number, ties: number, tieChunk: number) {
  const net = syntheticNetwork(people, ties);
  const owner = `bench-${Date.now()}`;
  await store.ensureOwner(owner, { name: "Bench Owner" });
  const start = now();
  const ids: string[] = [];
  for (let i = 0; i < net.people.length; i += 10_000) {
    ids.push(...(await store.bulkUpsert(owner, "person", net.people.slice(i, i + 10_000))).ids);
  }
  for (let i = 0; i < net.ties.length; i += tieChunk) {
    const chunk = tieInputs(net, ids, i, i + tieChunk);
    await store.bulkUpsert(owner, "tie", chunk);
  }
  console.log(`  written through the store in ${seconds(start).toFixed(1)} s`);
  return owner;
}

interface Phase {
  name: string;
  /** Runs once; returns the ties it read, so every phase is checked to read them all. */
  run(): Promise<number>;
}

/** Warms each phase up once, then alternates them `ROUNDS` times; prints medians and ratios. */
async function compare(phases: Phase[]) {
  const times = phases.map(() => [] as number[]);
  const counts = new Set<number>();
  for (let round = -1; round < ROUNDS; round++) {
    for (const [i, phase] of phases.entries()) {
      (globalThis as { gc?: () => void }).gc?.();
      const start = now();
      counts.add(await phase.run());
      if (round >= 0) times[i]!.push(seconds(start));
    }
  }
  if (counts.size !== 1) throw new Error(`phases read different tie counts: ${[...counts]}`);
  const ties = [...counts][0]!;
  const first = median(times[0]!);
  for (const [i, phase] of phases.entries()) {
    const m = median(times[i]!);
    const ratio = i === 0 ? "" : `   store/this ${(first / m).toFixed(2)}x the time`;
    console.log(
      `  ${phase.name.padEnd(40)} median ${m.toFixed(3)} s, min ${Math.min(...times[i]!).toFixed(3)} s (${fmt(ties / m)} ties/s)${ratio}`,
    );
  }
}

async function benchSqlite() {
  const dir = mkdtempSync(join(tmpdir(), "warmpath-load-network-"));
  try {
    const path = join(dir, "store.db");
    const file = option("file");
    let owner = option("owner") ?? "bench-owner";
    const store = new SqliteStore({ path });
    if (file) {
      for (const suffix of ["", "-wal"]) {
        if (existsSync(file + suffix)) copyFileSync(file + suffix, path + suffix);
      }
      await store.init();
    } else {
      await store.init();
      owner = await fill(
        store,
        numberOption("people", 30_000),
        numberOption("ties", 300_000),
        50_000,
      );
    }
    // The store's read settings, and rows in storage order (the file holds one owner): the
    // bare driver at its best.
    const db = new Database(path, { readonly: true });
    db.pragma("cache_size = -262144");
    db.pragma("mmap_size = 1073741824");
    const people = db.prepare("SELECT count(*) FROM person WHERE owner = ?").pluck().get(owner);
    const ties = db.prepare("SELECT count(*) FROM tie WHERE owner = ?").pluck().get(owner);
    console.log(`\nSQLite, ${fmt(Number(people))} people and ${fmt(Number(ties))} ties`);
    const same = (table: string, columns: string) =>
      db.prepare(`SELECT ${columns} FROM ${table} NOT INDEXED WHERE owner = ?`).raw();
    const tables = [
      same(
        "person",
        "id, created_at, updated_at, name, emails, phones, profile_url, title, location, categories, tags, interests, hobbies, notes, news, news_at, is_self, press_mentions, seeking, cadence_ideal_days, cadence_max_days, ask_for_news, elevator_pitch",
      ),
      same("organization", "id, created_at, updated_at, name, kind, domain, location, notes"),
      same(
        "employment",
        `id, created_at, updated_at, person_id, organization_id, title, "from", "to"`,
      ),
      same(
        "membership",
        "id, created_at, updated_at, person_id, organization_id, role, since, until",
      ),
    ];
    const tieRows = same(
      "tie",
      "id, created_at, updated_at, person_a, person_b, strength, context, since, last_interaction, provenance, notes",
    );
    const bareTies = same("tie", "person_a, person_b, strength");
    await compare([
      {
        name: "loadNetwork (records)",
        run: async () => (await store.loadNetwork(owner)).ties.length,
      },
      {
        name: "bare better-sqlite3, same columns",
        run: async () => {
          for (const t of tables) t.all(owner);
          return tieRows.all(owner).length;
        },
      },
      {
        name: "bare better-sqlite3, ties (a, b, strength)",
        run: async () => bareTies.all(owner).length,
      },
      {
        name: "  the same, streamed, no row kept",
        run: async () => {
          let count = 0;
          for (const row of bareTies.iterate(owner) as IterableIterator<unknown[]>)
            if (row[2] !== undefined) count++;
          return count;
        },
      },
    ]);
    db.close();
    await store.close();
  } finally {
    if (args.includes("--keep")) console.log(`  store kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

async function benchNeo4j() {
  const { withNeo4j } = await import("./neo4j-for-bench.js");
  await withNeo4j(async (connection) => {
    const { Neo4jStore } = await import("../src/graph/store/neo4j/neo4j-store.js");
    const { recordColumns } = await import("../src/graph/store/neo4j/neo4j-records.js");
    const { patternOf } = await import("../src/graph/store/neo4j/neo4j-layout.js");
    const { seekOn } = await import("../src/graph/store/neo4j/neo4j-reads.js");
    const neo4j = (await import("neo4j-driver")).default;
    const store = new Neo4jStore(connection);
    await store.init();
    const people = numberOption("people", 10_000);
    const ties = numberOption("ties", 100_000);
    console.log(`\nNeo4j, ${fmt(people)} people and ${fmt(ties)} ties`);
    const owner = await fill(store, people, ties, 10_000);
    const driver = neo4j.driver(
      connection.uri,
      neo4j.auth.basic(connection.user, connection.password),
      { disableLosslessIntegers: true },
    );
    const kinds = ["person", "organization", "tie", "employment", "membership"] as const;
    const cypher = kinds.map(
      (kind) => `MATCH ${patternOf(kind)} ${seekOn(kind, "owner, sortKey")}
       WHERE n.owner = $owner AND n.sortKey IS NOT NULL
       WITH properties(n) AS p RETURN [${recordColumns(kind)
         .map((c) => `p.\`${c}\``)
         .join(", ")}] AS r`,
    );
    try {
      await compare([
        {
          name: "loadNetwork (records)",
          run: async () => (await store.loadNetwork(owner)).ties.length,
        },
        {
          name: "bare neo4j-driver, the store's rows",
          run: async () => {
            const session = driver.session({
              defaultAccessMode: neo4j.session.READ,
              fetchSize: 10_000, // the store's snapshot fetch size
            });
            try {
              return await session.executeRead(async (tx) => {
                let tieCount = 0;
                for (const [i, statement] of cypher.entries()) {
                  const { records } = await tx.run(statement, { owner });
                  if (kinds[i] === "tie") tieCount = records.length;
                }
                return tieCount;
              });
            } finally {
              await session.close();
            }
          },
        },
      ]);
    } finally {
      await driver.close();
      await store.close();
    }
  });
}

console.log(`bench/load-network: ${ROUNDS} rounds after a warm-up, medians`);
if (which === "sqlite" || which === "all") await benchSqlite();
if (which === "neo4j" || which === "all") await benchNeo4j();
