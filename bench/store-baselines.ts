/**
 * Baselines for bench/store: the same people and ties written and read by the
 * bare drivers, with none of the store's validation, identity checks or change
 * feed, so the bench shows what the store's guarantees cost.
 */
import Database from "better-sqlite3";
import { newRecords } from "../src/graph/store/record-ops.js";
import { openDatabase } from "../src/graph/store/sqlite/sqlite-connection.js";
import { SqliteStore } from "../src/graph/store/sqlite/sqlite-store.js";
import { toRow } from "../src/graph/store/sqlite/sqlite-tables.js";
import { insertIfNewSql } from "../src/graph/store/sqlite/sqlite-writes.js";
import { tieInputs, type SyntheticNetwork } from "./synthetic-network.js";

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

/**
 * A bare better-sqlite3 database holding the same people and ties, written a chunk at a
 * time so the bench can interleave its chunks with the store's: on a shared machine both
 * then run under the same load. `intKeys` stores (int, int, real) rows with two indexes,
 * the floor the issue names; otherwise the same text ids as the store, with two indexes.
 */
export interface SqliteBaseline {
  /** Writes ties `from` to `to` (exclusive) in one transaction; returns the seconds taken. */
  writeTies(from: number, to: number): number;
  /** Reads every tie back; returns the seconds taken. */
  read(): number;
  close(): void;
}

export function sqliteBaseline(
  path: string,
  net: SyntheticNetwork,
  intKeys = false,
): SqliteBaseline {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  const key = intKeys ? "INTEGER" : "TEXT";
  db.exec(`CREATE TABLE person (id ${key} PRIMARY KEY, name TEXT);
           CREATE TABLE tie (id ${key} PRIMARY KEY, a ${key}, b ${key}, strength REAL);
           CREATE INDEX tie_a ON tie(a); CREATE INDEX tie_b ON tie(b);`);
  const personKey = (i: number) => (intKeys ? i : `p${i}`);
  const insertPerson = db.prepare("INSERT INTO person VALUES (?, ?)");
  db.transaction(() => net.people.forEach((p, i) => insertPerson.run(personKey(i), p.name)))();
  const insertTie = db.prepare("INSERT INTO tie VALUES (?, ?, ?, ?)");
  return {
    writeTies(from, to) {
      const start = process.hrtime.bigint();
      db.transaction(() => {
        for (let j = from; j < to; j++) {
          const [a, b] = net.ties[j]!;
          insertTie.run(intKeys ? j : `t${j}`, personKey(a), personKey(b), 0.5);
        }
      })();
      return seconds(start);
    },
    read() {
      const start = process.hrtime.bigint();
      const rows = db.prepare("SELECT * FROM tie").all();
      const taken = seconds(start);
      if (rows.length !== net.ties.length)
        throw new Error("baseline read back the wrong number of ties");
      return taken;
    },
    close: () => db.close(),
  };
}

/**
 * The store's own schema (its tables, its tie indexes, its pragmas) written by the bare
 * driver: the store's tie rows, built before the clock starts, inserted with the store's
 * statement in one transaction per chunk, foreign-key checks off as the store's bulk writes
 * run them. What is left between the store and this is the store's own work per row
 * (validation, ids, reference and identity checks, the change feed); what is left between
 * this and `sqliteBaseline` is the schema's (the ends' keys looked up, the id and list indexes).
 */
export async function sqliteSchemaBaseline(
  path: string,
  net: SyntheticNetwork,
): Promise<SqliteBaseline> {
  const owner = "baseline-owner";
  const store = new SqliteStore({ path });
  await store.init();
  await store.ensureOwner(owner, { name: "Baseline Owner" });
  const ids: string[] = [];
  for (let i = 0; i < net.people.length; i += 10_000) {
    ids.push(...(await store.bulkUpsert(owner, "person", net.people.slice(i, i + 10_000))).ids);
  }
  await store.close();
  const db = openDatabase(path);
  db.pragma("foreign_keys = OFF");
  const insertTie = db.prepare(insertIfNewSql("tie"));
  const keys = new Map(
    db.prepare("SELECT id, pk FROM person WHERE owner = ?").raw().all(owner) as [string, number][],
  );
  return {
    writeTies(from, to) {
      const rows = newRecords(owner, "tie", tieInputs(net, ids, from, to)).map((tie) => [
        ...toRow("tie", tie),
        keys.get(tie.personA),
        keys.get(tie.personB),
      ]);
      const start = process.hrtime.bigint();
      db.transaction(() => {
        for (const row of rows) insertTie.run(row);
      })();
      return seconds(start);
    },
    read() {
      const start = process.hrtime.bigint();
      db.prepare("SELECT * FROM person WHERE owner = ?").raw().all(owner);
      const rows = db.prepare("SELECT * FROM tie WHERE owner = ?").raw().all(owner);
      const taken = seconds(start);
      if (rows.length !== net.ties.length)
        throw new Error("baseline read back the wrong number of ties");
      return taken;
    },
    close: () => db.close(),
  };
}

/**
 * Two bare-driver baselines for the Neo4j store, each the driver's best: UNWIND
 * batches of 10,000 rows sent as lists (no property names per row), one
 * transaction per batch, nodes found by an indexed key. Batch size hardly
 * matters between 2,000 and 50,000 rows (server CPU 34-43 us a relationship,
 * measured on this machine), so 10,000 matches the store's own batches.
 * - `same`: the store's tie rows (the same properties, the same relationship
 *   indexes and constraints), between nodes found by a unique text id; no
 *   validation, identity check, owner lock or change feed;
 * - `floor`: (int, int, float) rows: nodes by an indexed integer key, a bare
 *   relationship with one float, no relationship index.
 * Each is read back whole with its rows as lists, as the store reads its ties.
 */
export async function neo4jBaseline(
  connection: { uri: string; user: string; password: string },
  net: SyntheticNetwork,
): Promise<{
  same: { writeSeconds: number; readSeconds: number };
  floor: { writeSeconds: number; readSeconds: number };
}> {
  const neo4j = (await import("neo4j-driver")).default;
  const driver = neo4j.driver(
    connection.uri,
    neo4j.auth.basic(connection.user, connection.password),
    { disableLosslessIntegers: true },
  );
  const run = (cypher: string, params: Record<string, unknown> = {}) =>
    driver.executeQuery(cypher, params);
  const BATCH = 10_000;
  const batches = function* <T>(items: readonly T[]) {
    for (let i = 0; i < items.length; i += BATCH)
      yield { from: i, slice: items.slice(i, i + BATCH) };
  };
  const tag = `baseline${Date.now()}`;
  try {
    for (const statement of [
      "CREATE CONSTRAINT baseline_node_id IF NOT EXISTS FOR (n:BaselineNode) REQUIRE n.id IS UNIQUE",
      "CREATE CONSTRAINT baseline_tie_id IF NOT EXISTS FOR ()-[r:BASELINE_TIE]-() REQUIRE r.id IS UNIQUE",
      "CREATE INDEX baseline_tie_order IF NOT EXISTS FOR ()-[r:BASELINE_TIE]-() ON (r.owner, r.sortKey)",
      "CREATE CONSTRAINT baseline_tie_identity IF NOT EXISTS FOR ()-[r:BASELINE_TIE]-() REQUIRE (r.owner, r.identityKey) IS UNIQUE",
      "CREATE INDEX baseline_int_node IF NOT EXISTS FOR (n:BaselineIntNode) ON (n.k)",
    ])
      await run(statement);
    await run("CALL db.awaitIndexes(300)");
    const pid = (i: number) => `per_${tag}_${String(i).padStart(8, "0")}`;
    for (const { from, slice } of batches(net.people)) {
      await run(
        `UNWIND $rows AS r CREATE (:BaselineNode {id: r[0], owner: $tag, name: r[1]})
         CREATE (:BaselineIntNode {k: toInteger(r[2]), tag: $tag, name: r[1]})`,
        { tag, rows: slice.map((p, j) => [pid(from + j), p.name, from + j]) },
      );
    }
    const now = new Date().toISOString();
    let start = process.hrtime.bigint();
    for (const { from, slice } of batches(net.ties)) {
      const rows = slice.map(([a, b], j) => [
        `tie_${tag}_${from + j}`,
        pid(a),
        pid(b),
        ((from + j) % 10) / 10 + 0.05,
      ]);
      await run(
        `UNWIND $rows AS r
         MATCH (a:BaselineNode {id: r[1]}) MATCH (b:BaselineNode {id: r[2]})
         CREATE (a)-[:BASELINE_TIE {id: r[0], owner: $tag, createdAt: $now, updatedAt: $now,
           sortKey: "", identityKey: "tie:" + r[1] + "|" + r[2], personA: r[1], personB: r[2],
           strength: r[3], since: "2020-01-01", provenance: "linkedin"}]->(b)`,
        { tag, now, rows },
      );
    }
    const sameWrite = seconds(start);
    start = process.hrtime.bigint();
    for (const { from, slice } of batches(net.ties)) {
      const rows = slice.map(([a, b], j) => [a, b, ((from + j) % 10) / 10 + 0.05]);
      await run(
        `UNWIND $rows AS r
         MATCH (a:BaselineIntNode {k: toInteger(r[0])}) MATCH (b:BaselineIntNode {k: toInteger(r[1])})
         CREATE (a)-[:BASELINE_INT_TIE {s: r[2]}]->(b)`,
        { rows },
      );
    }
    const floorWrite = seconds(start);
    const read = async (cypher: string) => {
      const t = process.hrtime.bigint();
      const session = driver.session({ defaultAccessMode: "READ", fetchSize: BATCH });
      try {
        const result = await session.executeRead((tx) => tx.run(cypher, { tag }));
        if (result.records.length !== net.ties.length)
          throw new Error("baseline read back the wrong number of ties");
      } finally {
        await session.close();
      }
      return seconds(t);
    };
    const sameRead = await read(
      `MATCH ()-[r:BASELINE_TIE]->() WHERE r.owner = $tag AND r.sortKey IS NOT NULL
       WITH properties(r) AS p
       RETURN [p.id, p.createdAt, p.updatedAt, p.personA, p.personB, p.strength, p.since, p.provenance] AS r`,
    );
    const floorRead = await read(
      `MATCH (a:BaselineIntNode)-[r:BASELINE_INT_TIE]->(b) WHERE a.tag = $tag RETURN [a.k, b.k, r.s] AS r`,
    );
    return {
      same: { writeSeconds: sameWrite, readSeconds: sameRead },
      floor: { writeSeconds: floorWrite, readSeconds: floorRead },
    };
  } finally {
    // Leave the database as it was, in batches small enough for one transaction each.
    for (const label of ["BaselineNode", "BaselineIntNode"]) {
      for (;;) {
        const { records } = await run(
          `MATCH (n:${label}) WITH n LIMIT 2000 DETACH DELETE n RETURN count(*) AS deleted`,
        );
        if (Number(records[0]?.get("deleted") ?? 0) === 0) break;
      }
    }
    await driver.close();
  }
}
