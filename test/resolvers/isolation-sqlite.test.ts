import "reflect-metadata";
import { SqliteStore } from "../../src/sqlite.js";
import { isolationSuite } from "../api/isolation-suite.js";

// A run costs about a third of a second in memory: more runs than on Neo4j for the same time.
isolationSuite("SQLite", async () => new SqliteStore({ path: ":memory:" }), { runs: 20 });
