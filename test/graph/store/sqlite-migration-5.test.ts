import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../../src/graph/store/sqlite/migrations.js";
import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";

/** A file as a release with accounts but no admins, invitations or passkeys left it: one user. */
function writeVersion4(path: string): void {
  const db = new Database(path);
  MIGRATIONS.slice(0, 4).forEach((sql) => db.exec(sql));
  db.pragma("user_version = 4");
  db.prepare("INSERT INTO owner (id) VALUES (?)").run("owner-old");
  db.prepare(
    "INSERT INTO app_user (id, email, name, owner, created_at) VALUES (?, ?, ?, ?, ?)",
  ).run("usr_old", "old@example.org", "Old", "owner-old", "2026-01-01T00:00:00.000Z");
  db.close();
}

describe("SQLite migration 5 (admins, invitations, passkeys)", () => {
  const dir = mkdtempSync(join(tmpdir(), "warmpath-migration-5-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("removes a user's invitations and passkeys with the user, and forgets who used an invitation", async () => {
    const path = join(dir, "cascade.db");
    const store = new SqliteStore({ path });
    await store.init();
    const inviter = await store.createUser({
      email: "inviter@example.org",
      name: "A",
      admin: true,
    });
    const hash = "a".repeat(64);
    const expiresAt = new Date(Date.now() + 60_000);
    await store.createInvitation({ tokenHash: hash, invitedBy: inviter.id, expiresAt });
    const invited = await store.signUpByInvitation(
      hash,
      { email: "invited@example.org", name: "B" },
      new Date(),
    );
    await store.createInvitation({ tokenHash: "b".repeat(64), invitedBy: invited.id, expiresAt });
    await store.createPasskey({
      id: "Y3JlZGVudGlhbA",
      userId: invited.id,
      name: "key",
      publicKey: "cHVibGlj",
      counter: 0,
      transports: [],
      deviceType: "singleDevice",
      backedUp: false,
    });
    await store.close();

    // No port operation deletes a user yet: the schema must still clean up after one.
    const db = new Database(path);
    db.pragma("foreign_keys = ON");
    db.prepare("DELETE FROM app_user WHERE id = ?").run(invited.id);
    expect(db.prepare("SELECT count(*) AS n FROM passkey").get()).toEqual({ n: 0 });
    expect(
      db.prepare("SELECT invited_by, used_by, used_at IS NOT NULL AS used FROM invitation").all(),
    ).toEqual([{ invited_by: inviter.id, used_by: null, used: 1 }]);
    db.close();
  });

  it("keeps the users of a version-4 file, none of them an administrator, and adds the new tables", async () => {
    const path = join(dir, "store.db");
    writeVersion4(path);
    const store = new SqliteStore({ path });
    try {
      await store.init();
      const user = await store.getUser("usr_old");
      expect(user).toMatchObject({ email: "old@example.org", admin: false });
      expect(await store.listInvitations(user.id)).toEqual([]);
      expect(await store.listPasskeys(user.id)).toEqual([]);
    } finally {
      await store.close();
    }
    const db = new Database(path, { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });
});
