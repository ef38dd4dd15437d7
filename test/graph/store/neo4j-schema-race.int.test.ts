/**
 * API replicas started at the same moment on one Neo4j each run `init()`: IF NOT EXISTS does
 * not cover two creations racing, and the loser hears that an equivalent rule exists. Here
 * eight sessions create the same new index and constraint at once, as eight replicas would.
 */
import { randomUUID } from "node:crypto";
import neo4j, { Neo4jError } from "neo4j-driver";
import { afterAll, describe, expect, it } from "vitest";
import { unlessMadeMeanwhile } from "../../../src/graph/store/neo4j/neo4j-schema.js";
import { neo4jConnection } from "../../setup/neo4j-connection.js";

const { uri, user, password } = neo4jConnection();
const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
const label = `RaceProbe${randomUUID().replaceAll("-", "")}`;

afterAll(async () => {
  for (const name of [`${label}_x`, `${label}_y`])
    await driver.executeQuery(`DROP INDEX ${name} IF EXISTS`).catch(() => undefined);
  await driver.executeQuery(`DROP CONSTRAINT ${label}_y IF EXISTS`).catch(() => undefined);
  await driver.close();
});

describe("schema statements run by several processes at once", () => {
  it("leave one index and one constraint, and no process fails", async () => {
    const statements = [
      `CREATE INDEX ${label}_x IF NOT EXISTS FOR (n:${label}) ON (n.x)`,
      `CREATE CONSTRAINT ${label}_y IF NOT EXISTS FOR (n:${label}) REQUIRE n.y IS UNIQUE`,
    ];
    let raced = 0;
    for (const statement of statements) {
      await Promise.all(
        Array.from({ length: 8 }, () =>
          driver.executeQuery(statement).catch((error: unknown) => {
            unlessMadeMeanwhile(error);
            raced++;
          }),
        ),
      );
    }
    console.log(`schema race: ${raced} of 16 creations found their rule made meanwhile`);
    const { records } = await driver.executeQuery(
      "SHOW INDEXES YIELD name, labelsOrTypes WHERE $label IN labelsOrTypes RETURN name",
      { label },
    );
    expect(records.map((r) => r.get("name") as string).sort()).toEqual([
      `${label}_x`,
      `${label}_y`,
    ]);
  });

  it("still fails on anything else", () => {
    const other = new Neo4jError("bad", "Neo.ClientError.Statement.SyntaxError", "42001", "");
    expect(() => unlessMadeMeanwhile(other)).toThrow(other);
    expect(() => unlessMadeMeanwhile(new Error("no Neo4j"))).toThrow("no Neo4j");
    const race = new Neo4jError(
      "An equivalent index already exists",
      "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
      "22N71",
      "",
    );
    expect(() => unlessMadeMeanwhile(race)).not.toThrow();
  });
});
