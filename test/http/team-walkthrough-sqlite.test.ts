import { SqliteStore } from "../../src/graph/store/sqlite/sqlite-store.js";
import { teamWalkthroughSuite } from "./team-walkthrough-suite.js";

teamWalkthroughSuite("SQLite", async () => {
  const store = new SqliteStore({ path: ":memory:" });
  await store.init();
  return store;
});
