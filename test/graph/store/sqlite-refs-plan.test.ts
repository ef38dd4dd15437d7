import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RECORD_KINDS, SPECS, type RecordKind } from "../../../src/graph/model/kinds.js";
import { listAll } from "../../../src/graph/store/list-all.js";
import { openDatabase } from "../../../src/graph/store/sqlite/sqlite-connection.js";
import { refsQuery } from "../../../src/graph/store/sqlite/sqlite-reads.js";
import { listOrder, selectList } from "../../../src/graph/store/sqlite/sqlite-tables.js";
import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";
import { refFields } from "../../../src/graph/store/store-rules.js";

const OWNER = "plan-owner";

/** Every (kind, referenced kind) pair that `listByRefs` serves. */
const REF_QUERIES = RECORD_KINDS.flatMap((kind) =>
  (["person", "organization"] as const)
    .filter((refKind) => SPECS[kind].refs.some((r) => r.kind === refKind))
    .map((refKind) => ({ kind, refKind })),
);

describe("SQLite look-ups by person (listByRefs)", () => {
  const dir = mkdtempSync(join(tmpdir(), "warmpath-refs-plan-"));
  const path = join(dir, "store.db");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // One owner holding nearly every row, with fresh statistics: the shape in which the
  // planner once preferred walking the owner's whole list index.
  beforeAll(async () => {
    const store = new SqliteStore({ path });
    await store.init();
    const self = await store.ensureOwner(OWNER, { name: "Owner" });
    const people = await store.bulkUpsert(
      OWNER,
      "person",
      Array.from({ length: 400 }, (_, i) => ({ name: `P ${i}` })),
    );
    const ids = [self.id, ...people.ids];
    const ties = [];
    for (let i = 0; i < ids.length; i++)
      for (let k = 1; k <= 30; k++)
        ties.push({ personA: ids[i]!, personB: ids[(i + k * 7) % ids.length]! });
    // Pairs repeat across offsets; the upsert merges them, which is fine here.
    await store.bulkUpsert(OWNER, "tie", ties);
    const org = await store.create(OWNER, "organization", { name: "Acme" });
    await store.bulkUpsert(
      OWNER,
      "employment",
      ids.map((personId) => ({ personId, organizationId: org.id })),
    );
    await store.close();
    const db = openDatabase(path);
    db.exec("ANALYZE");
    db.close();
  }, 60_000);

  it.each(REF_QUERIES)(
    "reads $kind by $refKind through an index, never by scanning the table",
    ({ kind, refKind }: { kind: RecordKind; refKind: "person" | "organization" }) => {
      const db = openDatabase(path);
      try {
        const plan = db
          .prepare(`EXPLAIN QUERY PLAN ${refsQuery(kind, refFields(kind, refKind))}`)
          .all({ owner: OWNER, ids: JSON.stringify(["per_x", "per_y"]) }) as { detail: string }[];
        const details = plan.map((p) => p.detail);
        const table =
          kind === "followUp" ? "follow_up" : kind === "introRequest" ? "intro_request" : kind;
        // Every read of the table itself is a SEARCH by an index or by rowid.
        const reads = details.filter((d) => new RegExp(`\\b${table}\\b`).test(d));
        expect(reads.length).toBeGreaterThan(0);
        for (const read of reads) expect(read).toMatch(/^SEARCH /);
        // One index look-up per reference column, keyed by that column, not by the owner alone
        // (a tie's ends by their people's integer keys).
        for (const field of refFields(kind, refKind)) {
          const name = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
          const key = { person_a: "a_pk", person_b: "b_pk" }[name] ?? name;
          expect(reads.some((d) => d.includes(`INDEX`) && d.includes(`${key}=?`))).toBe(true);
        }
      } finally {
        db.close();
      }
    },
  );

  it("returns each tie of the named people once, in list order, and only the owner's", async () => {
    const store = new SqliteStore({ path });
    await store.init();
    try {
      const all = await listAll(store, OWNER, "tie");
      const some = all.slice(0, 3);
      const people = [...new Set(some.flatMap((t) => [t.personA, t.personB]))];
      const expected = all.filter((t) => people.includes(t.personA) || people.includes(t.personB));
      expect(await store.listByRefs(OWNER, "tie", "person", people)).toEqual(expected);
      expect(await store.listByRefs("someone-else", "tie", "person", people)).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it("lists ties and reads them whole by walking the (owner, id) index, never sorting", async () => {
    const store = new SqliteStore({ path });
    await store.init();
    try {
      const all = await listAll(store, OWNER, "tie");
      expect(all.map((t) => t.id)).toEqual(all.map((t) => t.id).sort());
      // A page after a cursor starts right after it.
      const first = await store.list(OWNER, "tie", undefined, { first: 10 });
      const next = await store.list(OWNER, "tie", undefined, {
        first: 10,
        after: first.pageInfo.endCursor!,
      });
      expect(next.edges.map((e) => e.node.id)).toEqual(all.slice(10, 20).map((t) => t.id));
    } finally {
      await store.close();
    }
    const db = openDatabase(path);
    try {
      const ties = `SELECT ${selectList("tie")} FROM tie t WHERE t.owner = ?`;
      for (const [text, params] of [
        [`${ties} ORDER BY ${listOrder("tie")}`, [OWNER]],
        [`${ties} AND t.id > ? ORDER BY ${listOrder("tie")} LIMIT 10`, [OWNER, "tie_x"]],
      ] as const) {
        const plan = db.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as {
          detail: string;
        }[];
        const details = plan.map((p) => p.detail).join("; ");
        expect(details).toMatch(/^SEARCH t USING INDEX sqlite_autoindex_tie_\d \(owner=\?/);
        expect(details).not.toMatch(/TEMP B-TREE/);
      }
    } finally {
      db.close();
    }
  });
});
