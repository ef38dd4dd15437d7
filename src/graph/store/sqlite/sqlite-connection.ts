/**
 * Opening and maintaining the store's one connection: the settings every
 * statement of the adapter relies on, the migrations, the planner's statistics.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { foldText } from "../../model/fold-text.js";
import { MIGRATIONS } from "./migrations.js";

/** Opens (creating its folder) the file at `path`, or an in-memory database for ":memory:". */
export function openDatabase(path: string): Database.Database {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  enableWal(db);
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  // A network of a million ties has indexes far larger than SQLite's 2 MB default
  // cache; with a small cache every insert and every read by index hits the disk.
  db.pragma("cache_size = -262144");
  db.pragma("mmap_size = 1073741824");
  db.pragma("temp_store = MEMORY");
  db.function("wp_lower", { deterministic: true }, (s: unknown) =>
    typeof s === "string" ? s.toLowerCase() : s,
  );
  db.function("wp_fold", { deterministic: true }, (s: unknown) =>
    typeof s === "string" ? foldText(s) : s,
  );
  return db;
}

const BUSY_TIMEOUT_MS = 10_000;

/**
 * Switches a file to write-ahead logging, once for its life (the mode is stored in the file).
 * Two processes opening a new file at the same time both hold a read lock while they ask for
 * the exclusive one the switch needs; SQLite answers one of them SQLITE_BUSY at once, without
 * calling the busy handler (waiting could deadlock), so the loser waits here and tries again.
 */
function enableWal(db: Database.Database): void {
  const until = Date.now() + BUSY_TIMEOUT_MS;
  for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
    try {
      db.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() + pause > until) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause);
    }
  }
}

function isBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code.startsWith("SQLITE_BUSY");
}

/**
 * Runs `work` (one whole write transaction) with this connection's foreign-key checks off.
 * For bulk writes, whose rows' references are then checked by the write itself in the same
 * IMMEDIATE transaction (`prefetchRefs`, `checkRefs`): SQLite's three index look-ups per tie
 * (its owner and both people) are the largest per-row cost after the inserts. And for
 * migrations, which check every key before they commit. The setting is per connection and
 * cannot change inside a transaction, so inside one it stays on.
 */
export function withoutForeignKeys<T>(db: Database.Database, work: () => T): T {
  if (db.inTransaction) return work();
  db.pragma("foreign_keys = OFF");
  try {
    return work();
  } finally {
    db.pragma("foreign_keys = ON");
  }
}

/**
 * Applies the migrations the file has not seen yet. The foreign keys are off meanwhile, as
 * SQLite's procedure for rebuilding a table asks: dropping the old table would otherwise delete
 * every row that points at it, through the cascades. Every key is checked before the
 * migrations commit, and a file they would leave inconsistent is left as it was.
 */
export function migrate(db: Database.Database): void {
  // The version is read inside the IMMEDIATE transaction: two processes starting on a new
  // file migrate it once.
  const run = db.transaction(() => {
    const current = db.pragma("user_version", { simple: true }) as number;
    if (current === MIGRATIONS.length) return;
    MIGRATIONS.slice(current).forEach((sql, i) => {
      db.exec(sql);
      db.pragma(`user_version = ${current + i + 1}`);
    });
    // Only after a migration: checking every key of a 10-million-tie file takes seconds.
    const broken = db.pragma("foreign_key_check") as { table: string }[];
    if (broken.length > 0)
      throw new Error(
        `the store's migration to version ${MIGRATIONS.length} would leave ${broken.length} rows ` +
          `pointing at nothing (the first in table ${broken[0]!.table}); the file is left as it ` +
          `was, at version ${current}`,
      );
  });
  withoutForeignKeys(db, () => run.immediate());
}

/**
 * Sampled statistics for the query planner, at open. Without them SQLite reads a
 * whole network through the owner index, one random row at a time; with them it
 * sees that one owner holds most rows and scans the table in order. The
 * statistics live in the file (`sqlite_stat1`), so only tables that have none
 * (a new file, a table added by a migration, an empty table) are analyzed, and
 * `PRAGMA optimize` refreshes the others only if their size has moved a lot
 * since: an ANALYZE of every table took 1.4 to 2.1 s of each open of a
 * 10-million-tie file, most of a warm start's budget.
 */
export function refreshStatistics(db: Database.Database): void {
  db.pragma("analysis_limit = 1000");
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .pluck()
    .all() as string[];
  const hasStats = db
    .prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat1'`)
    .get();
  const analyzed = new Set(
    hasStats ? (db.prepare("SELECT DISTINCT tbl FROM sqlite_stat1").pluck().all() as string[]) : [],
  );
  for (const table of tables) if (!analyzed.has(table)) db.exec(`ANALYZE "${table}"`);
  db.pragma("optimize");
}
