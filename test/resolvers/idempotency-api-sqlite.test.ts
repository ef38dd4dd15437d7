import "reflect-metadata";
import { SqliteStore } from "../../src/sqlite.js";
import { idempotencySuite } from "../api/idempotency-suite.js";

idempotencySuite("SQLite", async () => new SqliteStore({ path: ":memory:" }));
