import "reflect-metadata";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../../src/sqlite.js";
import { httpSuite } from "./http-suite.js";

// A file, not :memory:, so two store instances (the readiness test) share one database.
const dir = mkdtempSync(join(tmpdir(), "warmpath-http-"));
httpSuite("SQLite", async () => new SqliteStore({ path: join(dir, "http.db") }));
