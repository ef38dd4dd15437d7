import "reflect-metadata";
import { Neo4jStore } from "../../src/neo4j.js";
import { teamPrivacySuite } from "../api/team-privacy-suite.js";
import { neo4jConnection } from "../setup/neo4j-connection.js";

// A world costs seconds on a server: few runs, and a shorter sweep of A's reads. Beside another
// test file on a busy two-core machine one world has taken more than 30 s, so a minute each.
teamPrivacySuite("Neo4j", async () => new Neo4jStore(neo4jConnection()), {
  runs: 3,
  walkRuns: 2,
  variants: 8,
  sweep: 12,
  budgetMs: 60_000,
});
