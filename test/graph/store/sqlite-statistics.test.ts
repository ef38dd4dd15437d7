import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../../src/graph/store/sqlite/sqlite-connection.js";
import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";

const OWNER = "stats-owner";

/** The planner statistics the file holds for a table's indexes. */
function statsOf(path: string, table: string): Record<string, string> {
  const db = openDatabase(path);
  try {
    const rows = db.prepare("SELECT idx, stat FROM sqlite_stat1 WHERE tbl = ?").all(table) as {
      idx: string;
      stat: string;
    }[];
    return Object.fromEntries(rows.map((r) => [r.idx, r.stat]));
  } finally {
    db.close();
  }
}

async function openAndClose(path: string): Promise<void> {
  const store = new SqliteStore({ path });
  await store.init();
  await store.close();
}

describe("SQLite planner statistics at open", () => {
  const dir = mkdtempSync(join(tmpdir(), "warmpath-statistics-"));
  const path = join(dir, "store.db");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("analyzes the tables that have no statistics", async () => {
    const store = new SqliteStore({ path });
    await store.init();
    await store.ensureOwner(OWNER, { name: "Owner" });
    await store.bulkUpsert(
      OWNER,
      "person",
      Array.from({ length: 200 }, (_, i) => ({ name: `P ${i}` })),
    );
    await store.close();
    const db = openDatabase(path);
    db.exec("DELETE FROM sqlite_stat1 WHERE tbl = 'person'");
    db.close();
    await openAndClose(path);
    const stats = statsOf(path, "person");
    expect(Object.keys(stats).length).toBeGreaterThan(0);
    expect(stats.person_order).toMatch(/^201 /);
  });

  it("leaves current statistics alone instead of analyzing every table again", async () => {
    // A distinctive (but plausible) figure: a full ANALYZE at open would overwrite it.
    const db = openDatabase(path);
    db.prepare(
      "UPDATE sqlite_stat1 SET stat = ? WHERE tbl = 'person' AND idx = 'person_order'",
    ).run("201 7 1 1");
    db.close();
    await openAndClose(path);
    expect(statsOf(path, "person").person_order).toBe("201 7 1 1");
  });
});
