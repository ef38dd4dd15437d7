import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";
import { useAccounts } from "../../support/accounts-at-rest.js";

describe("SqliteStore accounts at rest", () => {
  const dir = mkdtempSync(join(tmpdir(), "warmpath-at-rest-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps no raw password, session token, API token or invitation token in the database file", async () => {
    const store = new SqliteStore({ path: join(dir, "store.db") });
    await store.init();
    const secrets = await useAccounts(store);
    await store.close();
    // The file and whatever WAL or journal is left beside it.
    const bytes = Buffer.concat(readdirSync(dir).map((name) => readFileSync(join(dir, name))));
    expect(bytes.includes(Buffer.from("vitest", "utf8"))).toBe(true);
    for (const secret of secrets) expect(bytes.includes(Buffer.from(secret, "utf8"))).toBe(false);
  });
});
