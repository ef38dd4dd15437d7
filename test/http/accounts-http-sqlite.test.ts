import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../../src/graph/store/sqlite/sqlite-store.js";
import { accountsHttpSuite } from "./accounts-http-suite.js";

accountsHttpSuite("SQLite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "warmpath-accounts-http-"));
  const store = new SqliteStore({ path: join(dir, "accounts.db") });
  await store.init();
  return {
    store,
    // The file and its write-ahead log, as bytes read as Latin-1 (every byte one character).
    writtenText: async () =>
      readdirSync(dir)
        .map((name) => readFileSync(join(dir, name)).toString("latin1"))
        .join("\n"),
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
