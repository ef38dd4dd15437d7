import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { Neo4jStore } from "../../../src/graph/store/neo4j/neo4j-store.js";
import { useAccounts } from "../../support/accounts-at-rest.js";
import { neo4jConnection } from "../../setup/neo4j-connection.js";

describe("Neo4jStore accounts at rest", () => {
  it("keeps no raw password, session token, API token or invitation token in any node's properties (the whole database)", async () => {
    const { uri, user, password } = neo4jConnection();
    const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
    try {
      const store = new Neo4jStore(driver);
      await store.init();
      const secrets = await useAccounts(store);
      const { records } = await driver.executeQuery("MATCH (n) RETURN properties(n) AS p");
      const dump = JSON.stringify(records.map((r) => r.get("p") as unknown));
      expect(dump).toContain("vitest");
      for (const secret of secrets) expect(dump.includes(secret)).toBe(false);
    } finally {
      await driver.close();
    }
  });
});
