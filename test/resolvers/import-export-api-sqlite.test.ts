import "reflect-metadata";
import { SqliteStore } from "../../src/sqlite.js";
import { importExportSuite } from "../api/import-export-suite.js";

importExportSuite("SQLite", async () => new SqliteStore({ path: ":memory:" }));
