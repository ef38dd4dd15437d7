import { SqliteStore } from "../src/graph/store/sqlite/sqlite-store.js";
import { storeContract } from "./contract/store-contract.js";

storeContract("SqliteStore", async () => new SqliteStore({ path: ":memory:" }));
