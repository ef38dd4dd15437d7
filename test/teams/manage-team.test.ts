import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../src/errors.js";
import { importContacts, type NetworkStore, type User } from "../../src/graph/index.js";
import { SqliteStore } from "../../src/graph/store/sqlite/sqlite-store.js";
import { expectError } from "../../src/testing/expect-error.js";
import {
  capMemberSharing,
  createTeam,
  effectiveSharing,
  inviteToTeam,
  joinTeam,
  removeMember,
  setMemberRole,
  setMySharing,
  updateTeamSettings,
} from "../../src/teams/index.js";

const { CONFLICT, FORBIDDEN, NOT_FOUND } = ErrorCode;
const now = new Date();

describe("managing a team", () => {
  let store: NetworkStore;
  let ada: User;
  let bea: User;
  let cy: User;
  let outsider: User;
  let teamId: string;

  beforeAll(async () => {
    store = new SqliteStore({ path: ":memory:" });
    await store.init();
    const user = (name: string) =>
      store.createUser({ email: `${name.toLowerCase()}@example.org`, name });
    ada = await user("Ada");
    bea = await user("Bea");
    cy = await user("Cy");
    outsider = await user("Out");
    teamId = (await createTeam(store, ada, { name: "Talent" })).team.id;
    const join = async (who: User, role: "admin" | "member" | "guest") => {
      const { token } = await inviteToTeam(store, ada, teamId, { role }, now);
      return joinTeam(store, who, token, now);
    };
    await join(bea, "admin");
    await join(cy, "member");
  });
  afterAll(() => store.close());

  it("makes its creator the owner, sharing nothing; a new member shares nothing either", async () => {
    const members = await store.listTeamMembers(teamId);
    const byName = members.sort((a, b) => a.name.localeCompare(b.name));
    expect(byName.map((m) => [m.name, m.role, effectiveSharing(m)])).toEqual([
      ["Ada", "owner", "off"],
      ["Bea", "admin", "off"],
      ["Cy", "member", "off"],
    ]);
  });

  it("answers a non-member exactly as for a team that does not exist", async () => {
    const missing = "team_doesnotexist";
    const theirs = await expectError(
      setMySharing(store, outsider, teamId, "full"),
      NOT_FOUND,
      "teamId",
    );
    const none = await expectError(
      setMySharing(store, outsider, missing, "full"),
      NOT_FOUND,
      "teamId",
    );
    expect(theirs.message.replace(teamId, "ID")).toBe(none.message.replace(missing, "ID"));
  });

  it("spends an invitation once, and lets no one invite above their own role", async () => {
    const { token } = await inviteToTeam(store, ada, teamId, { role: "guest" }, now);
    expect(token).toMatch(/^wpi_/);
    await joinTeam(store, outsider, token, now);
    await expectError(joinTeam(store, outsider, token, now), NOT_FOUND, "invitation");
    await expectError(inviteToTeam(store, bea, teamId, { role: "owner" }, now), FORBIDDEN);
    await expectError(inviteToTeam(store, cy, teamId, {}, now), FORBIDDEN);
    await removeMember(store, outsider, teamId, outsider.id);
  });

  it("lets a member choose their sharing, and an admin only make it stricter", async () => {
    await setMySharing(store, cy, teamId, "full");
    const capped = await capMemberSharing(store, bea, teamId, cy.id, "company");
    expect([capped.sharing, capped.sharingCap, effectiveSharing(capped)]).toEqual([
      "full",
      "company",
      "company",
    ]);
    await expectError(capMemberSharing(store, bea, teamId, cy.id, "full"), FORBIDDEN);
    await expectError(capMemberSharing(store, cy, teamId, bea.id, "off"), FORBIDDEN);
    // The member may always share less, and never more than the cap.
    expect(effectiveSharing(await setMySharing(store, cy, teamId, "off"))).toBe("off");
    expect(effectiveSharing(await setMySharing(store, cy, teamId, "full"))).toBe("company");
  });

  it("keeps one owner at least, and lets only managers change roles and settings", async () => {
    await expectError(removeMember(store, ada, teamId, ada.id), CONFLICT, "userId");
    await expectError(setMemberRole(store, bea, teamId, ada.id, "member"), FORBIDDEN);
    await expectError(updateTeamSettings(store, cy, teamId, { approval: true }), FORBIDDEN);
    expect((await updateTeamSettings(store, bea, teamId, { approval: true })).approval).toBe(true);
    expect((await setMemberRole(store, ada, teamId, bea.id, "owner")).role).toBe("owner");
    await removeMember(store, ada, teamId, ada.id);
    const left = (await store.listTeamMembers(teamId)).map((m) => m.name);
    expect(left.sort()).toEqual(["Bea", "Cy"]);
  });

  it("never lists, invites or adds anyone to a team because a member imported them", async () => {
    const before = {
      users: (await store.listUsers()).length,
      members: (await store.listTeamMembers(teamId)).map((m) => m.userId),
      invitations: (await store.listTeamInvitations(teamId)).length,
    };
    const linkedIn = readFileSync(
      new URL("../fixtures/imports/linkedin-connections.csv", import.meta.url),
    );
    const report = await importContacts(store, cy.ownerId, linkedIn, { layout: "linkedin" });
    expect(report.created).toBeGreaterThan(0);
    expect({
      users: (await store.listUsers()).length,
      members: (await store.listTeamMembers(teamId)).map((m) => m.userId),
      invitations: (await store.listTeamInvitations(teamId)).length,
    }).toEqual(before);
  });
});
