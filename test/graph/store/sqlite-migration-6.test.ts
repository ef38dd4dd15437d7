import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../../src/graph/store/sqlite/migrations.js";
import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";

/** A file as a release with accounts, invitations and passkeys but no teams left it: one user. */
function writeVersion5(path: string): void {
  const db = new Database(path);
  MIGRATIONS.slice(0, 5).forEach((sql) => db.exec(sql));
  db.pragma("user_version = 5");
  db.prepare("INSERT INTO owner (id) VALUES (?)").run("owner-old");
  db.prepare(
    "INSERT INTO app_user (id, email, name, owner, created_at, admin) VALUES (?, ?, ?, ?, ?, 1)",
  ).run("usr_old", "old@example.org", "Old", "owner-old", "2026-01-01T00:00:00.000Z");
  db.close();
}

const count = (db: Database.Database, table: string): unknown =>
  db.prepare(`SELECT count(*) AS n FROM ${table}`).get();

describe("SQLite migration 6 (teams)", () => {
  const dir = mkdtempSync(join(tmpdir(), "warmpath-migration-6-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps the users of a version-5 file, with no teams and empty pooling settings, and lets them make one", async () => {
    const path = join(dir, "store.db");
    writeVersion5(path);
    const store = new SqliteStore({ path });
    try {
      await store.init();
      const user = await store.getUser("usr_old");
      expect(user).toMatchObject({ email: "old@example.org", admin: true });
      expect(await store.listUserTeams(user.id)).toEqual([]);
      expect(await store.getPoolingSettings("owner-old")).toEqual({
        contacts: [],
        blockedLabels: [],
      });
      const { member } = await store.createTeam({ name: "Old friends" }, user.id);
      expect(member).toMatchObject({ role: "owner", ownerId: "owner-old", name: "Old" });
    } finally {
      await store.close();
    }
    const db = new Database(path, { readonly: true });
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it("removes a user's memberships and requests with the user, keeps the audit log, and forgets them as approver", async () => {
    const path = join(dir, "cascade.db");
    const store = new SqliteStore({ path });
    await store.init();
    const owner = await store.createUser({ email: "owner@example.org", name: "A" });
    const member = await store.createUser({ email: "member@example.org", name: "B" });
    const { team } = await store.createTeam({ name: "T" }, owner.id);
    await store.addTeamMember(team.id, member.id, "member");
    await store.createTeamInvitation({
      teamId: team.id,
      tokenHash: "c".repeat(64),
      role: "member",
      invitedBy: member.id,
      expiresAt: new Date(Date.now() + 60_000),
    });
    await store.appendTeamAudit({
      teamId: team.id,
      at: new Date(),
      kind: "pooled_search",
      actorUserId: member.id,
      memberUserIds: [owner.id],
      summary: "paths to someone at Acme",
    });
    const target = await store.create(owner.ownerId, "person", { name: "Grace" });
    const asked = await store.createTeamIntroRequest({
      teamId: team.id,
      requesterUserId: member.id,
      memberUserId: owner.id,
      memberPersonId: target.id,
      note: null,
      status: "pending",
    });
    const target2 = await store.create(member.ownerId, "person", { name: "Linus" });
    const approved = await store.createTeamIntroRequest({
      teamId: team.id,
      requesterUserId: owner.id,
      memberUserId: owner.id,
      memberPersonId: target.id,
      note: null,
      status: "awaiting_approval",
    });
    await store.updateTeamIntroRequest(team.id, approved.id, { approvedBy: member.id });
    await store.setContactSharing(member.ownerId, target2.id, "shared");
    await store.close();

    // No port operation deletes a user yet: the schema must still clean up after one.
    const db = new Database(path);
    db.pragma("foreign_keys = ON");
    db.prepare("DELETE FROM app_user WHERE id = ?").run(member.id);
    expect(db.prepare("SELECT user_id FROM team_member").all()).toEqual([{ user_id: owner.id }]);
    expect(count(db, "team_invitation")).toEqual({ n: 0 });
    expect(count(db, "team_audit")).toEqual({ n: 1 });
    expect(db.prepare("SELECT id, approved_by FROM team_intro_request").all()).toEqual([
      { id: approved.id, approved_by: null },
    ]);
    expect(asked.id).not.toBe(approved.id);
    // The member's network stays (users own networks, not the other way round), with its settings.
    expect(count(db, "contact_sharing")).toEqual({ n: 1 });
    db.close();
  });
});
