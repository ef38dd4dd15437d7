import "reflect-metadata";
import { SqliteStore } from "../src/graph/index.js";
import { habitsWalkthrough } from "./api/habits-walkthrough.js";

habitsWalkthrough("SQLite", async () => new SqliteStore({ path: ":memory:" }));
