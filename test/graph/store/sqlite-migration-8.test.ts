import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors.js";
import { MIGRATIONS } from "../../../src/graph/store/sqlite/migrations.js";
import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";
import { expectError } from "../../../src/testing/expect-error.js";

const T = "2026-01-01T00:00:00.000Z";
const OWNER = "owner-old";

/** A file as a release before mail import left it: a person and two hand-logged interactions. */
function writeVersion7(path: string): void {
  const db = new Database(path);
  MIGRATIONS.slice(0, 7).forEach((sql) => db.exec(sql));
  db.pragma("user_version = 7");
  db.prepare("INSERT INTO owner (id, self_id, version) VALUES (?, 'per_self', 2)").run(OWNER);
  const person = db.prepare(
    `INSERT INTO person (id, owner, sort_key, created_at, updated_at, name, emails, phones,
       categories, tags, interests, hobbies, is_self) VALUES (?, ?, ?, ?, ?, ?, '[]', '[]', '[]', '[]', '[]', '[]', ?)`,
  );
  person.run("per_self", OWNER, "me", T, T, "Me", 1);
  person.run("per_ada", OWNER, "ada", T, T, "Ada", 0);
  const interaction = db.prepare(
    `INSERT INTO interaction (id, owner, sort_key, created_at, updated_at, person_id, kind, at,
       direction, summary, needs_reply) VALUES (?, ?, ?, ?, ?, 'per_ada', ?, ?, 'outbound', NULL, 0)`,
  );
  interaction.run("int_1", OWNER, T, T, T, "call", T);
  interaction.run("int_2", OWNER, T, T, T, "coffee", T);
  db.close();
}

describe("SQLite migration 8 (source keys of imported interactions)", () => {
  const dir = mkdtempSync(join(tmpdir(), "warmpath-migration-8-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps a version-7 file's interactions as hand-logged ones, and makes source keys unique per owner", async () => {
    const path = join(dir, "store.db");
    writeVersion7(path);
    const store = new SqliteStore({ path });
    try {
      await store.init();
      const old = (await store.list(OWNER, "interaction")).edges.map((e) => e.node);
      expect(old.map((i) => [i.id, i.sourceKey, i.colleague])).toEqual([
        ["int_2", null, false],
        ["int_1", null, false],
      ]);
      const input = {
        personId: "per_ada",
        kind: "email" as const,
        at: T,
        sourceKey: "mail:<a@x>>ada@x",
      };
      await store.create(OWNER, "interaction", input);
      await expectError(store.create(OWNER, "interaction", input), ErrorCode.CONFLICT, "sourceKey");
    } finally {
      await store.close();
    }
    const db = new Database(path, { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(8);
    // The unique index backs the check up, for every writer of the file.
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM interaction WHERE owner = ? AND source_key = ?")
      .all(OWNER, "k") as { detail: string }[];
    expect(plan.map((p) => p.detail).join(" ")).toContain("interaction_source");
    db.close();
  });
});
