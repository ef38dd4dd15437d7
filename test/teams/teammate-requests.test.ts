/**
 * Requests through a teammate, at the service: the approval step, who may move a request from
 * where, what each side sees, and that a hidden contact or a made-up id answers the same.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "../../src/errors.js";
import type { NetworkStore, User } from "../../src/graph/index.js";
import { SqliteStore } from "../../src/graph/store/sqlite/sqlite-store.js";
import { expectError } from "../../src/testing/expect-error.js";
import {
  askTeammate,
  createTeam,
  inviteToTeam,
  joinTeam,
  moveTeammateRequest,
  requestTarget,
  setMySharing,
  teamIntroPaths,
  teammateRequests,
  updateTeamSettings,
  visibleRequest,
} from "../../src/teams/index.js";

const { BAD_USER_INPUT, FORBIDDEN, NOT_FOUND } = ErrorCode;
const now = new Date();

describe("requests through a teammate", () => {
  let store: NetworkStore;
  let ada: User; // owner, asks
  let bea: User; // member who knows Lena
  let cy: User; // admin, approves
  let teamId: string;
  let lena: string; // Lena's pooled id, as Ada sees it
  let hugo: string; // Bea's person id of a contact she hides

  beforeAll(async () => {
    store = new SqliteStore({ path: ":memory:" });
    await store.init();
    const user = (name: string) =>
      store.createUser({ email: `${name.toLowerCase()}@team.example`, name });
    ada = await user("Ada");
    bea = await user("Bea");
    cy = await user("Cy");
    teamId = (await createTeam(store, ada, { name: "Talent", approval: true })).team.id;
    for (const [who, role] of [
      [bea, "member"],
      [cy, "admin"],
    ] as const) {
      const { token } = await inviteToTeam(store, ada, teamId, { role }, now);
      await joinTeam(store, who, token, now);
      await setMySharing(store, who, teamId, "full");
    }
    await setMySharing(store, ada, teamId, "full");
    const beaSelf = await store.getSelf(bea.ownerId);
    const contact = async (name: string, email: string) => {
      const person = await store.create(bea.ownerId, "person", {
        name,
        emails: [email],
        title: "VP Engineering",
      });
      await store.create(bea.ownerId, "tie", {
        personA: beaSelf.id,
        personB: person.id,
        strength: 0.8,
      });
      return person.id;
    };
    await contact("Lena Fischer", "lena@contoso.example");
    hugo = await contact("Hugo Hidden", "hugo@contoso.example");
    const { result } = await teamIntroPaths(store, ada, teamId, { text: "Lena" }, {}, now);
    lena = (result.paths[0]!.hops.at(-1)!.to as { id: string }).id;
  });
  afterAll(() => store.close());

  it("waits for an owner's or admin's approval when the team asks for it, and only they may give it", async () => {
    const request = await askTeammate(
      store,
      ada,
      teamId,
      { personId: lena, note: "Platform work." },
      now,
    );
    expect(request).toMatchObject({ status: "awaiting_approval", memberUserId: bea.id });
    // Bea does not see it until approved; Cy, an admin, does.
    expect(await teammateRequests(store, bea, teamId)).toEqual([]);
    await expectError(visibleRequest(store, bea, teamId, request.id), NOT_FOUND, "id");
    expect((await teammateRequests(store, cy, teamId)).map((r) => r.id)).toEqual([request.id]);
    await expectError(
      moveTeammateRequest(store, bea, teamId, request.id, { status: "accepted" }, now),
      NOT_FOUND,
      "id",
    );
    const approved = await moveTeammateRequest(
      store,
      cy,
      teamId,
      request.id,
      { status: "pending" },
      now,
    );
    expect(approved).toMatchObject({ status: "pending", approvedBy: cy.id });
    expect((await teammateRequests(store, bea, teamId)).map((r) => r.status)).toEqual(["pending"]);
    // Once approved it is between the two: the admin no longer sees it.
    await expectError(visibleRequest(store, cy, teamId, request.id), NOT_FOUND, "id");
    const declined = await moveTeammateRequest(
      store,
      bea,
      teamId,
      request.id,
      { status: "declined", reason: "I have not spoken to her in years." },
      now,
    );
    expect(declined).toMatchObject({
      status: "declined",
      reason: "I have not spoken to her in years.",
      draft: null,
    });
    await expectError(
      moveTeammateRequest(store, ada, teamId, request.id, { status: "withdrawn" }, now),
      FORBIDDEN,
    );
  });

  it("shows the teammate their own contact, and the requester only what is shared today", async () => {
    await updateTeamSettings(store, ada, teamId, { approval: false });
    const request = await askTeammate(store, ada, teamId, { personId: lena }, now);
    expect(request.status).toBe("pending");
    const mine = await requestTarget(store, bea, request);
    expect(mine).toMatchObject({
      kind: "own",
      person: { name: "Lena Fischer", emails: ["lena@contoso.example"] },
    });
    expect(await requestTarget(store, ada, request)).toMatchObject({
      kind: "pooled",
      name: "Lena Fischer",
      band: "strong",
      via: ["Bea"],
    });
    await setMySharing(store, bea, teamId, "company");
    expect(await requestTarget(store, ada, request)).toMatchObject({
      kind: "opaque",
      company: null,
      via: ["Bea"],
    });
    await setMySharing(store, bea, teamId, "off");
    const gone = await requestTarget(store, ada, request);
    expect(JSON.stringify(gone)).not.toContain("Lena");
    await setMySharing(store, bea, teamId, "full");
    expect(
      (await moveTeammateRequest(store, ada, teamId, request.id, { status: "withdrawn" }, now))
        .status,
    ).toBe("withdrawn");
  });

  it("answers a hidden contact's id, a made-up id and one's own contact's id without telling which", async () => {
    await store.setContactSharing(bea.ownerId, hugo, "hidden");
    const { result } = await teamIntroPaths(store, ada, teamId, { text: "Hugo" }, {}, now);
    expect(result.paths).toEqual([]);
    const made = "pp_000000000000000000000000";
    const fromMadeUp = await expectError(
      askTeammate(store, ada, teamId, { personId: made }, now),
      NOT_FOUND,
      "personId",
    );
    const fromHidden = await expectError(
      askTeammate(store, ada, teamId, { personId: hugo }, now),
      NOT_FOUND,
      "personId",
    );
    expect(fromHidden.message.replace(hugo, "ID")).toBe(fromMadeUp.message.replace(made, "ID"));
    const adaSelf = await store.getSelf(ada.ownerId);
    await expectError(
      askTeammate(store, ada, teamId, { personId: adaSelf.id }, now),
      BAD_USER_INPUT,
      "personId",
    );
  });

  it("adds the person met to the requester's network only with what the teammate shares", async () => {
    await store.setContactSharing(bea.ownerId, hugo, null);
    const walk = async (level: "full" | "company") => {
      await setMySharing(store, bea, teamId, "full");
      const request = await askTeammate(store, ada, teamId, { personId: lena }, now);
      for (const [who, status] of [
        [bea, "accepted"],
        [bea, "introduced"],
      ] as const)
        await moveTeammateRequest(store, who, teamId, request.id, { status }, now);
      await setMySharing(store, bea, teamId, level);
      await moveTeammateRequest(store, ada, teamId, request.id, { status: "met" }, now);
      return (await store.findPeople(ada.ownerId, { name: "Lena Fischer" })).length;
    };
    // Company-only today: Ada saw "someone at ...", so nothing of Lena is copied.
    expect(await walk("company")).toBe(0);
    expect(await walk("full")).toBe(1);
    const [met] = await store.findPeople(ada.ownerId, { name: "Lena Fischer" });
    expect(met).toMatchObject({
      title: "VP Engineering",
      emails: [],
      phones: [],
      profileUrl: null,
    });
  });
});
