import { SqliteStore } from "../../src/sqlite.js";
import { mcpToolsSuite } from "./mcp-tools-suite.js";

mcpToolsSuite("SQLite", async () => new SqliteStore({ path: ":memory:" }));
