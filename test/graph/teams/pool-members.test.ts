import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors.js";
import type { SharingLevel, TeamMember, TeamRole } from "../../../src/graph/store/teams.js";
import { effectiveLevel, poolMembers } from "../../../src/graph/teams/pool-members.js";
import { expectError } from "../../../src/testing.js";

const team = { id: "t1", reciprocity: true };
function m(
  userId: string,
  sharing: SharingLevel,
  role: TeamRole = "member",
  sharingCap: SharingLevel = "full",
): TeamMember {
  return {
    teamId: "t1",
    userId,
    ownerId: `o-${userId}`,
    name: userId.toUpperCase(),
    role,
    sharing,
    sharingCap,
    joinedAt: new Date("2026-01-01"),
  };
}
const ids = (list: { userId: string }[]) => list.map((x) => x.userId);

describe("poolMembers", () => {
  it("refuses a requester or a member of another team", async () => {
    await expectError(
      (async () => poolMembers({ ...m("r", "full"), teamId: "t2" }, [], team))(),
      ErrorCode.BAD_USER_INPUT,
      "requester",
    );
    await expectError(
      (async () => poolMembers(m("r", "full"), [{ ...m("a", "full"), teamId: "t2" }], team))(),
      ErrorCode.BAD_USER_INPUT,
      "members[0]",
    );
  });

  it("takes the stricter of a member's choice and their cap", () => {
    expect(effectiveLevel(m("a", "full", "member", "company"))).toBe("company");
    expect(effectiveLevel(m("a", "company", "member", "full"))).toBe("company");
    expect(effectiveLevel(m("a", "full", "member", "off"))).toBe("off");
    expect(effectiveLevel(m("a", "off", "member", "full"))).toBe("off");
  });

  it("pools the other members who share, at their effective level, by user id", () => {
    const requester = m("r", "full");
    const pooled = poolMembers(
      requester,
      [m("c", "company"), requester, m("b", "off"), m("a", "full", "admin", "company")],
      team,
    );
    expect(pooled.map((p) => [p.userId, p.level])).toEqual([
      ["a", "company"],
      ["c", "company"],
    ]);
  });

  it("with reciprocity, gives a requester who shares nothing nobody else's network", () => {
    const all = [m("a", "full"), m("b", "full")];
    expect(poolMembers(m("r", "off"), all, team)).toEqual([]);
    expect(poolMembers(m("r", "full", "member", "off"), all, team)).toEqual([]);
    expect(ids(poolMembers(m("r", "off"), all, { ...team, reciprocity: false }))).toEqual([
      "a",
      "b",
    ]);
  });

  it("never pools another guest's network for a guest", () => {
    const all = [m("a", "full", "guest"), m("b", "full"), m("c", "full", "owner")];
    expect(ids(poolMembers(m("g", "full", "guest"), all, team))).toEqual(["b", "c"]);
    expect(ids(poolMembers(m("r", "full"), all, team))).toEqual(["a", "b", "c"]);
  });
});
