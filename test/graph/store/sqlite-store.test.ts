import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";
import { storeContract } from "../../../src/testing.js";

storeContract("SqliteStore", async () => new SqliteStore({ path: ":memory:" }));
