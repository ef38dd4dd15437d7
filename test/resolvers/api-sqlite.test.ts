import "reflect-metadata";
import { SqliteStore } from "../../src/sqlite.js";
import { apiSuite } from "../api/api-suite.js";

apiSuite("SQLite", async () => new SqliteStore({ path: ":memory:" }));
