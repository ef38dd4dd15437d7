import "reflect-metadata";
import { SqliteStore } from "../../src/sqlite.js";
import { teamPrivacySuite } from "../api/team-privacy-suite.js";

// A world costs a fraction of a second in memory: more runs than on Neo4j for the same time.
teamPrivacySuite("SQLite", async () => new SqliteStore({ path: ":memory:" }), {
  runs: 20,
  walkRuns: 5,
  variants: 16,
});
