import "reflect-metadata";
import { SqliteStore } from "../../../src/sqlite.js";
import { habitsWalkthrough } from "../../api/habits-walkthrough.js";

habitsWalkthrough("SQLite", async () => new SqliteStore({ path: ":memory:" }));
