import neo4j from "neo4j-driver";
import { Neo4jStore } from "../../src/graph/store/neo4j/neo4j-store.js";
import { neo4jConnection } from "../setup/neo4j-connection.js";
import { accountsHttpSuite } from "./accounts-http-suite.js";

accountsHttpSuite("Neo4j", async () => {
  const { uri, user, password } = neo4jConnection();
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  const store = new Neo4jStore(driver);
  await store.init();
  return {
    store,
    // Every property of every node and relationship in the database.
    writtenText: async () => {
      const nodes = await driver.executeQuery("MATCH (n) RETURN properties(n) AS p");
      const ties = await driver.executeQuery("MATCH ()-[r]->() RETURN properties(r) AS p");
      return JSON.stringify([...nodes.records, ...ties.records].map((r) => r.get("p") as unknown));
    },
    close: () => driver.close(),
  };
});
