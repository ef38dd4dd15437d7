/**
 * Baselines for bench/store: the same people and ties written and read by the
 * bare drivers, with none of the store's validation, identity checks or change
 * feed, so the bench shows what the store's guarantees cost.
 */
import Database from "better-sqlite3";
import type { SyntheticNetwork } from "./synthetic-network.js";

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

export function sqliteBaseline(
  path: string,
  net: SyntheticNetwork,
): { writeSeconds: number; readSeconds: number } {
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.exec(`CREATE TABLE person (id TEXT PRIMARY KEY, name TEXT);
           CREATE TABLE tie (id TEXT PRIMARY KEY, a TEXT, b TEXT, strength REAL);
           CREATE INDEX tie_a ON tie(a); CREATE INDEX tie_b ON tie(b);`);
  const insertPerson = db.prepare("INSERT INTO person VALUES (?, ?)");
  db.transaction(() => net.people.forEach((p, i) => insertPerson.run(`p${i}`, p.name)))();
  const insertTie = db.prepare("INSERT INTO tie VALUES (?, ?, ?, ?)");
  let start = process.hrtime.bigint();
  const chunk = 50_000;
  for (let i = 0; i < net.ties.length; i += chunk) {
    db.transaction(() => {
      for (let j = i; j < Math.min(i + chunk, net.ties.length); j++) {
        const [a, b] = net.ties[j]!;
        insertTie.run(`t${j}`, `p${a}`, `p${b}`, 0.5);
      }
    })();
  }
  const writeSeconds = seconds(start);
  start = process.hrtime.bigint();
  const rows = db.prepare("SELECT * FROM tie").all();
  const readSeconds = seconds(start);
  if (rows.length !== net.ties.length)
    throw new Error("baseline read back the wrong number of ties");
  db.close();
  return { writeSeconds, readSeconds };
}

export async function neo4jBaseline(
  connection: { uri: string; user: string; password: string },
  net: SyntheticNetwork,
): Promise<{ writeSeconds: number; readSeconds: number }> {
  const neo4j = (await import("neo4j-driver")).default;
  const driver = neo4j.driver(
    connection.uri,
    neo4j.auth.basic(connection.user, connection.password),
    { disableLosslessIntegers: true },
  );
  try {
    const tag = `baseline${Date.now()}`;
    await driver.executeQuery(
      "CREATE INDEX baseline_node IF NOT EXISTS FOR (n:BaselineNode) ON (n.id)",
    );
    await driver.executeQuery("CALL db.awaitIndexes(300)");
    for (let i = 0; i < net.people.length; i += 10_000) {
      const rows = net.people
        .slice(i, i + 10_000)
        .map((p, j) => ({ id: `${tag}-${i + j}`, name: p.name }));
      await driver.executeQuery(
        "UNWIND $rows AS r CREATE (:BaselineNode {id: r.id, name: r.name})",
        { rows },
      );
    }
    let start = process.hrtime.bigint();
    for (let i = 0; i < net.ties.length; i += 10_000) {
      const rows = net.ties
        .slice(i, i + 10_000)
        .map(([a, b]) => ({ a: `${tag}-${a}`, b: `${tag}-${b}` }));
      await driver.executeQuery(
        "UNWIND $rows AS r MATCH (a:BaselineNode {id: r.a}), (b:BaselineNode {id: r.b}) CREATE (a)-[:BASELINE_TIE {strength: 0.5}]->(b)",
        { rows },
      );
    }
    const writeSeconds = seconds(start);
    start = process.hrtime.bigint();
    const result = await driver.executeQuery(
      "MATCH (a:BaselineNode)-[r:BASELINE_TIE]->(b:BaselineNode) WHERE a.id STARTS WITH $tag RETURN a.id AS a, b.id AS b, r.strength AS s",
      { tag },
    );
    const readSeconds = seconds(start);
    if (result.records.length !== net.ties.length)
      throw new Error("baseline read back the wrong number of ties");
    // Leave the database as it was, in batches small enough for one transaction each.
    for (;;) {
      const { records } = await driver.executeQuery(
        "MATCH (n:BaselineNode) WHERE n.id STARTS WITH $tag WITH n LIMIT 2000 DETACH DELETE n RETURN count(*) AS deleted",
        { tag },
      );
      if (Number(records[0]?.get("deleted") ?? 0) === 0) break;
    }
    return { writeSeconds, readSeconds };
  } finally {
    await driver.close();
  }
}
