import { Neo4jStore } from "../../src/graph/store/neo4j/neo4j-store.js";
import { neo4jConnection } from "../setup/neo4j-connection.js";
import { teamWalkthroughSuite } from "./team-walkthrough-suite.js";

teamWalkthroughSuite("Neo4j", async () => {
  const store = new Neo4jStore(neo4jConnection());
  await store.init();
  return store;
});
