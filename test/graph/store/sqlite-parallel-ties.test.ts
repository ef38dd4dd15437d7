import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROVENANCES, TIE_CONTEXTS } from "../../../src/graph/model/tie.js";
import { NetworkProjection } from "../../../src/graph/projection/network-projection.js";
import { eachTieRow, type TiePage } from "../../../src/graph/store/tie-page.js";
import type { TieRow } from "../../../src/graph/store/tie-row.js";
import type { ParallelReadOptions } from "../../../src/graph/store/sqlite/sqlite-parallel-ties.js";
import { SqliteStore } from "../../../src/sqlite.js";
import { indexRows } from "../../support/index-rows.js";

const NOW = new Date("2026-11-22T00:00:00Z");
const dir = mkdtempSync(join(tmpdir(), "warmpath-parallel-ties-"));
const path = join(dir, "net.db");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a whole-network read hands over: its rows (copied), its pages, and the rest. */
async function readAll(store: SqliteStore, owner: string, withPages: boolean) {
  const rows: TieRow[] = [];
  const pages: TiePage[] = [];
  const network = await store.loadNetwork(owner, {
    onTie: (row) => rows.push({ ...row }),
    ...(withPages ? { onTiePage: (page: TiePage) => pages.push(page) } : {}),
  });
  for (const page of pages) eachTieRow(page, (row) => rows.push({ ...row }));
  return { rows, pages, network };
}

async function openStore(parallelRead: Partial<ParallelReadOptions>): Promise<SqliteStore> {
  const store = new SqliteStore({ path, parallelRead });
  await store.init();
  return store;
}

const tie = fc.record({
  i: fc.nat(),
  j: fc.nat(),
  strength: fc.option(fc.constantFrom(0.1, 0.5, 1), { nil: null }),
  context: fc.option(fc.constantFrom(...TIE_CONTEXTS), { nil: null }),
  since: fc.option(fc.constantFrom("2015-01-01", "2020-06-30"), { nil: null }),
  lastInteraction: fc.option(fc.constantFrom("2026-11-01", "2015-01-01"), { nil: null }),
  provenance: fc.constantFrom(...PROVENANCES),
});

describe("the SQLite store's tie read on worker threads", () => {
  let oneThread: SqliteStore;
  beforeAll(async () => {
    oneThread = await openStore({ workers: 0 });
  });
  afterAll(() => oneThread.close());

  it("hands over the same ties, in the same order and with the same values, as the one-thread read, as rows or as pages, and the same projection (property)", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 30 }),
        fc.array(tie, { maxLength: 80 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 40 }),
        fc.nat(5),
        async (people, ties, workers, pageRows, removed) => {
          // Two owners written in turn, so that one owner's people have keys with gaps.
          const [owner, other] = [`pt-${n}`, `pt-${n}-other`];
          n++;
          const ids: string[][] = [[], []];
          for (const [k, o] of [owner, other].entries()) {
            ids[k]!.push((await oneThread.ensureOwner(o, { name: "Me" })).id);
          }
          for (let p = 0; p < people; p++) {
            for (const [k, o] of [owner, other].entries()) {
              ids[k]!.push((await oneThread.create(o, "person", { name: `P${p}` })).id);
            }
          }
          const mine = ids[0]!;
          const pairs = ties
            .map(({ i, j, ...fields }) => ({
              personA: mine[i % mine.length]!,
              personB: mine[j % mine.length]!,
              ...fields,
            }))
            .filter((t) => t.personA !== t.personB);
          await oneThread.bulkUpsert(owner, "tie", pairs);
          // A person removed takes their ties along, leaving a gap in the keys and the ids.
          for (const id of mine.slice(1, 1 + removed)) await oneThread.delete(owner, "person", id);
          const threads = await openStore({ workers, pageRows, minTies: 1 });
          try {
            const expected = await readAll(oneThread, owner, true);
            const asRows = await readAll(threads, owner, false);
            const asPages = await readAll(threads, owner, true);
            expect(expected.pages).toEqual([]);
            expect(asRows.pages).toEqual([]);
            expect(asRows.rows).toEqual(expected.rows);
            expect(asPages.rows).toEqual(expected.rows);
            for (const read of [asRows, asPages]) expect(read.network).toEqual(expected.network);
            if (expected.rows.length > 0) expect(asPages.pages.length).toBeGreaterThan(0);
            for (const page of asPages.pages) expect(page.rows).toBeLessThanOrEqual(pageRows);
            const [fromRows, fromPages] = [
              await NetworkProjection.load(oneThread, owner, { now: () => NOW }),
              await NetworkProjection.load(threads, owner, { now: () => NOW }),
            ];
            expect(fromPages.graph.export()).toEqual(fromRows.graph.export());
            expect(indexRows(fromPages.pathIndex())).toEqual(indexRows(fromRows.pathIndex()));
          } finally {
            threads.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it("reads on one thread when a write lands between its snapshot and a worker's, and on workers again once writes stop", async () => {
    const owner = "pt-busy";
    const self = await oneThread.ensureOwner(owner, { name: "Me" });
    const people = await oneThread.bulkUpsert(
      owner,
      "person",
      Array.from({ length: 50 }, (_, i) => ({ name: `P${i}` })),
    );
    await oneThread.bulkUpsert(
      owner,
      "tie",
      people.ids.map((id) => ({ personA: self.id, personB: id, strength: 0.5 })),
    );
    const expected = await readAll(oneThread, owner, true);
    const threads = await openStore({ workers: 2, pageRows: 8, minTies: 1 });
    // Another connection commits all the time. Each commit bumps the owner's version, as every
    // write does: a worker starts well after the snapshot, so it sees a later version.
    const stop = new Int32Array(new SharedArrayBuffer(4));
    const writer = new Worker(
      `const { workerData: w } = require("node:worker_threads");
       const db = new (require(w.driver))(w.path);
       db.pragma("synchronous = OFF");
       const bump = db.prepare("UPDATE owner SET version = version + 1 WHERE id = ?");
       Atomics.store(w.stop, 0, 2);
       while (Atomics.load(w.stop, 0) !== 1) bump.run(w.owner);
       db.close();`,
      {
        eval: true,
        workerData: {
          driver: createRequire(import.meta.url).resolve("better-sqlite3"),
          path,
          owner,
          stop,
        },
      },
    );
    const ended = new Promise((resolve) => writer.once("exit", resolve));
    try {
      while (Atomics.load(stop, 0) !== 2) await new Promise((r) => setTimeout(r, 5));
      for (let attempt = 0; attempt < 3; attempt++) {
        const busy = await readAll(threads, owner, true);
        expect(busy.pages).toEqual([]);
        expect(busy.rows).toEqual(expected.rows);
        expect(busy.network.people).toEqual(expected.network.people);
      }
      Atomics.store(stop, 0, 1);
      await ended;
      const quiet = await readAll(threads, owner, true);
      expect(quiet.pages.length).toBeGreaterThan(0);
      expect(quiet.rows).toEqual(expected.rows);
    } finally {
      Atomics.store(stop, 0, 1);
      await ended;
      threads.close();
    }
  });

  it("reads on one thread when a worker cannot open the file", async () => {
    const gone = join(dir, "gone.db");
    const store = new SqliteStore({ path: gone, parallelRead: { workers: 2, minTies: 1 } });
    await store.init();
    try {
      const self = await store.ensureOwner("pt-gone", { name: "Me" });
      const other = await store.create("pt-gone", "person", { name: "A" });
      await store.create("pt-gone", "tie", { personA: self.id, personB: other.id });
      expect((await readAll(store, "pt-gone", true)).pages).toHaveLength(1);
      // The store keeps its open file; a worker opening it by name finds nothing.
      rmSync(gone);
      const read = await readAll(store, "pt-gone", true);
      expect(read.pages).toEqual([]);
      expect(read.rows.map((r) => [r.personA, r.personB])).toEqual([[self.id, other.id]]);
    } finally {
      store.close();
    }
  });

  it("reads on one thread below its tie count, and for a database in memory", async () => {
    const owner = "pt-small";
    const self = await oneThread.ensureOwner(owner, { name: "Me" });
    const other = await oneThread.create(owner, "person", { name: "A" });
    await oneThread.create(owner, "tie", { personA: self.id, personB: other.id });
    const byDefault = await openStore({});
    const memory = new SqliteStore({ path: ":memory:", parallelRead: { workers: 2, minTies: 1 } });
    await memory.init();
    try {
      const small = await readAll(byDefault, owner, true);
      expect(small.pages).toEqual([]);
      expect(small.rows).toHaveLength(1);
      const memorySelf = await memory.ensureOwner(owner, { name: "Me" });
      const memoryOther = await memory.create(owner, "person", { name: "A" });
      await memory.create(owner, "tie", { personA: memorySelf.id, personB: memoryOther.id });
      const inMemory = await readAll(memory, owner, true);
      expect(inMemory.pages).toEqual([]);
      expect(inMemory.rows).toHaveLength(1);
    } finally {
      byDefault.close();
      memory.close();
    }
  });
});
