import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../../src/graph/store/sqlite/migrations.js";
import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";

const T = "2026-01-01T00:00:00.000Z";
const OWNER = "owner-old";
const OTHER = "owner-other";

/**
 * A file as a release before integer keys left it: two owners, four people of the first and
 * one of the second, three ties (one with every optional column) and a job.
 */
function writeVersion6(path: string): void {
  const db = new Database(path);
  MIGRATIONS.slice(0, 6).forEach((sql) => db.exec(sql));
  db.pragma("user_version = 6");
  const person = db.prepare(
    `INSERT INTO person (id, owner, sort_key, created_at, updated_at, name, emails, phones,
       categories, tags, interests, hobbies, is_self) VALUES (?, ?, ?, ?, ?, ?, '[]', '[]', '[]', '[]', '[]', '[]', ?)`,
  );
  const tie = db.prepare(
    `INSERT INTO tie (id, owner, sort_key, created_at, updated_at, person_a, person_b, strength,
       context, since, last_interaction, provenance, notes) VALUES (?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [owner, self] of [
    [OWNER, "per_self"],
    [OTHER, "per_other"],
  ] as const)
    db.prepare("INSERT INTO owner (id, self_id, version) VALUES (?, ?, 3)").run(owner, self);
  person.run("per_self", OWNER, "me", T, T, "Me", 1);
  person.run("per_ada", OWNER, "ada", T, T, "Ada", 0);
  person.run("per_bo", OWNER, "bo", T, T, "Bo", 0);
  person.run("per_cy", OWNER, "cy", T, T, "Cy", 0);
  person.run("per_other", OTHER, "other", T, T, "Other", 1);
  tie.run("tie_1", OWNER, T, T, "per_ada", "per_self", 0.8, "work", "2019", T, "manual", "n");
  tie.run("tie_2", OWNER, T, T, "per_bo", "per_self", null, null, null, null, "linkedin", null);
  tie.run("tie_3", OWNER, T, T, "per_ada", "per_bo", 0.4, null, null, null, "manual", null);
  db.prepare(
    `INSERT INTO organization (id, owner, sort_key, created_at, updated_at, identity_key, name, kind)
     VALUES ('org_acme', ?, 'acme', ?, ?, 'name:acme', 'Acme', 'company')`,
  ).run(OWNER, T, T);
  db.prepare(
    `INSERT INTO employment (id, owner, sort_key, created_at, updated_at, identity_key, person_id, organization_id)
     VALUES ('emp_1', ?, '', ?, ?, 'emp:per_cy|org_acme', 'per_cy', 'org_acme')`,
  ).run(OWNER, T, T);
  db.close();
}

describe("SQLite migration 7 (integer keys of people and ties)", () => {
  const dir = mkdtempSync(join(tmpdir(), "warmpath-migration-7-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps every tie of a version-6 file, keyed on its ends' new integer keys", async () => {
    const path = join(dir, "store.db");
    writeVersion6(path);
    const store = new SqliteStore({ path });
    try {
      await store.init();
      const ties = (await store.list(OWNER, "tie")).edges.map((e) => e.node);
      expect(ties.map((t) => [t.id, t.personA, t.personB, t.strength])).toEqual([
        ["tie_1", "per_ada", "per_self", 0.8],
        ["tie_2", "per_bo", "per_self", null],
        ["tie_3", "per_ada", "per_bo", 0.4],
      ]);
      expect(ties[0]).toMatchObject({
        context: "work",
        since: "2019",
        lastInteraction: T,
        notes: "n",
        provenance: "manual",
      });
      // Look-ups by an end, the identity of a pair and the version all survive.
      expect((await store.listByRefs(OWNER, "tie", "person", ["per_bo"])).map((t) => t.id)).toEqual(
        ["tie_2", "tie_3"],
      );
      const again = await store.upsert(OWNER, "tie", { personA: "per_self", personB: "per_ada" });
      expect(again.record.id).toBe("tie_1");
      // What points at a person through the text ids survives the rebuild of the person table.
      const jobs = (await store.listByRefs(OWNER, "employment", "person", ["per_cy"])).map(
        (e) => e.id,
      );
      expect(jobs).toEqual(["emp_1"]);
      // A new person takes the next key, and a tie to them is written and read by it.
      const dee = await store.create(OWNER, "person", { name: "Dee" });
      await store.create(OWNER, "tie", { personA: dee.id, personB: "per_cy" });
      expect((await store.listByRefs(OWNER, "tie", "person", [dee.id])).length).toBe(1);
      // Deleting a person still takes their ties with them.
      await store.delete(OWNER, "person", "per_ada");
      expect(
        (await store.list(OWNER, "tie")).edges.map((e) => e.node).map((t) => t.id),
      ).not.toContain("tie_1");
      expect(
        (await store.list(OWNER, "tie")).edges.map((e) => e.node).map((t) => t.id),
      ).not.toContain("tie_3");
    } finally {
      await store.close();
    }
    const db = new Database(path, { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    // The people kept their rowids as keys, in the order they were written; Dee came last.
    const keys = db.prepare("SELECT id FROM person ORDER BY pk").pluck().all();
    expect(keys).toEqual(["per_self", "per_bo", "per_cy", "per_other", expect.any(String)]);
    expect(db.pragma("foreign_key_check")).toEqual([]);
    // Every tie's keys are its text ends' keys.
    expect(
      db
        .prepare(
          `SELECT count(*) AS n FROM tie t JOIN person a ON a.pk = t.a_pk JOIN person b ON b.pk = t.b_pk
           WHERE a.id <> t.person_a OR b.id <> t.person_b`,
        )
        .get(),
    ).toEqual({ n: 0 });
    db.close();
  });

  it("refuses a tie to another owner's person as if the person were missing", async () => {
    const path = join(dir, "foreign.db");
    writeVersion6(path);
    const store = new SqliteStore({ path });
    try {
      await store.init();
      await expect(
        store.create(OWNER, "tie", { personA: "per_ada", personB: "per_other" }),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        store.bulkUpsert(OWNER, "tie", [{ personA: "per_ada", personB: "per_other" }]),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect((await store.list(OWNER, "tie")).edges.map((e) => e.node)).toHaveLength(3);
    } finally {
      await store.close();
    }
  });

  it("checks every key after migrating, and leaves a file it would break as it was", async () => {
    const path = join(dir, "dangling.db");
    writeVersion6(path);
    const db = new Database(path);
    db.pragma("foreign_keys = OFF");
    db.prepare(
      `INSERT INTO favor (id, owner, sort_key, created_at, updated_at, person_id, direction, kind, date)
       VALUES ('fav_1', ?, '', ?, ?, 'per_gone', 'given', 'intro', '2026-01-01')`,
    ).run(OWNER, T, T);
    db.close();
    const store = new SqliteStore({ path });
    await expect(store.init()).rejects.toThrow(/table favor.*left as it was, at version 6/);
    await store.close();
    const after = new Database(path, { readonly: true });
    expect(after.pragma("user_version", { simple: true })).toBe(6);
    expect(after.prepare("SELECT count(*) FROM tie").pluck().get()).toBe(3);
    after.close();
  });

  it("does not check every key again at each open of a current file", async () => {
    const path = join(dir, "current.db");
    writeVersion6(path);
    const first = new SqliteStore({ path });
    await first.init();
    await first.close();
    // A row pointing at nothing, which a check of every key would refuse: an open does not look.
    const db = new Database(path);
    db.pragma("foreign_keys = OFF");
    db.prepare("DELETE FROM person WHERE id = 'per_cy'").run();
    db.close();
    const again = new SqliteStore({ path });
    await again.init();
    expect((await again.get(OWNER, "person", "per_bo")).name).toBe("Bo");
    await again.close();
  });
});
