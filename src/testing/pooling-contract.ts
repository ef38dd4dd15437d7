/**
 * Contract: pooled use of a team. Each owner's pooling settings (per-contact overrides, which go
 * with the person, and normalized blocked labels), the team's audit log (newest first, filtered
 * by the member it names), and introductions asked through a teammate (found only within their
 * team). Run by store-contract.ts against every adapter, with fresh users and teams.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../errors.js";
import type {
  ContactSharing,
  NetworkStore,
  TeamAuditInput,
  TeamIntroRequestInput,
} from "../graph/index.js";
import { address, nextMillisecond } from "./account-fixtures.js";
import { expectError } from "./expect-error.js";

const { BAD_USER_INPUT, NOT_FOUND } = ErrorCode;

const MINUTE = 60_000;

export function poolingContract(getStore: () => NetworkStore): void {
  const newUser = (name = "Ada") => getStore().createUser({ email: address(), name });
  const person = (owner: string, name: string, extra: object = {}) =>
    getStore().create(owner, "person", { name, ...extra });
  /** A fresh team of a fresh owner. */
  async function newTeam() {
    const owner = await newUser("Olive");
    const { team } = await getStore().createTeam({ name: "Deal flow" }, owner.id);
    return { owner, team };
  }
  const byPerson = (contacts: { personId: string; sharing: ContactSharing }[]) =>
    [...contacts].sort((a, b) => a.personId.localeCompare(b.personId));

  describe("pooling settings", () => {
    it("answers empty settings for an owner who set nothing, and for an unknown owner", async () => {
      const store = getStore();
      const user = await newUser();
      const empty = { contacts: [], blockedLabels: [] };
      expect(await store.getPoolingSettings(user.ownerId)).toEqual(empty);
      expect(await store.getPoolingSettings(`owner-${randomUUID()}`)).toEqual(empty);
    });

    it("shares or hides a contact over the defaults, and returns it to them with null", async () => {
      const store = getStore();
      const { ownerId } = await newUser();
      const grace = await person(ownerId, "Grace");
      const linus = await person(ownerId, "Linus");
      await store.setContactSharing(ownerId, grace.id, "shared");
      await store.setContactSharing(ownerId, linus.id, "hidden");
      expect(byPerson((await store.getPoolingSettings(ownerId)).contacts)).toEqual(
        byPerson([
          { personId: grace.id, sharing: "shared" },
          { personId: linus.id, sharing: "hidden" },
        ]),
      );
      await store.setContactSharing(ownerId, grace.id, "hidden");
      await store.setContactSharing(ownerId, linus.id, null);
      await store.setContactSharing(ownerId, linus.id, null);
      expect(await store.getPoolingSettings(ownerId)).toEqual({
        contacts: [{ personId: grace.id, sharing: "hidden" }],
        blockedLabels: [],
      });
    });

    it("answers NOT_FOUND for another owner's person exactly as for a missing one", async () => {
      const store = getStore();
      const alice = await newUser();
      const bob = await newUser();
      const theirs = await person(bob.ownerId, "Grace");
      const absent = `per_${randomUUID()}`;
      const errors = [
        await expectError(store.setContactSharing(alice.ownerId, theirs.id, "shared"), NOT_FOUND),
        await expectError(store.setContactSharing(alice.ownerId, absent, "shared"), NOT_FOUND),
      ];
      expect(errors[0]?.field).toBe(errors[1]?.field);
      expect(errors[0]?.message.replace(theirs.id, "<id>")).toBe(
        errors[1]?.message.replace(absent, "<id>"),
      );
      await expectError(store.setContactSharing(alice.ownerId, theirs.id, null), NOT_FOUND);
      await expectError(
        store.setContactSharing(`owner-${randomUUID()}`, theirs.id, "shared"),
        NOT_FOUND,
      );
      expect((await store.getPoolingSettings(alice.ownerId)).contacts).toEqual([]);
      expect((await store.getPoolingSettings(bob.ownerId)).contacts).toEqual([]);
    });

    it("forgets a contact's choice when the person is deleted", async () => {
      const store = getStore();
      const { ownerId } = await newUser();
      const grace = await person(ownerId, "Grace");
      const linus = await person(ownerId, "Linus");
      await store.setContactSharing(ownerId, grace.id, "hidden");
      await store.setContactSharing(ownerId, linus.id, "shared");
      await store.delete(ownerId, "person", grace.id);
      expect((await store.getPoolingSettings(ownerId)).contacts).toEqual([
        { personId: linus.id, sharing: "shared" },
      ]);
    });

    it("replaces the blocked labels, trimmed, lower-case, distinct and sorted", async () => {
      const store = getStore();
      const { ownerId } = await newUser();
      await store.setBlockedLabels(ownerId, [" Family ", "doctor", "FAMILY", "Lawyer"]);
      expect((await store.getPoolingSettings(ownerId)).blockedLabels).toEqual([
        "doctor",
        "family",
        "lawyer",
      ]);
      await store.setBlockedLabels(ownerId, ["therapist"]);
      expect((await store.getPoolingSettings(ownerId)).blockedLabels).toEqual(["therapist"]);
      await store.setBlockedLabels(ownerId, []);
      expect(await store.getPoolingSettings(ownerId)).toEqual({ contacts: [], blockedLabels: [] });
    });

    it("keeps one owner's settings apart from another's", async () => {
      const store = getStore();
      const alice = await newUser();
      const bob = await newUser();
      const grace = await person(alice.ownerId, "Grace");
      await store.setContactSharing(alice.ownerId, grace.id, "shared");
      await store.setBlockedLabels(alice.ownerId, ["family"]);
      expect(await store.getPoolingSettings(bob.ownerId)).toEqual({
        contacts: [],
        blockedLabels: [],
      });
    });

    it("refuses a bad choice, bad labels and an unknown owner, naming the field", async () => {
      const store = getStore();
      const { ownerId } = await newUser();
      const grace = await person(ownerId, "Grace");
      const share = (value: unknown) =>
        store.setContactSharing(ownerId, grace.id, value as ContactSharing);
      await expectError(share("public"), BAD_USER_INPUT, "sharing");
      await expectError(share(undefined), BAD_USER_INPUT, "sharing");
      const block = (labels: unknown) => store.setBlockedLabels(ownerId, labels as string[]);
      await expectError(block("family"), BAD_USER_INPUT, "labels");
      const many = Array.from({ length: 101 }, (_, i) => `label ${i}`);
      await expectError(block(many), BAD_USER_INPUT, "labels");
      await expectError(block(["ok", "bad\u0000"]), BAD_USER_INPUT, "labels[1]");
      await expectError(block(["x".repeat(501)]), BAD_USER_INPUT, "labels[0]");
      await block(many.slice(0, 100));
      expect((await store.getPoolingSettings(ownerId)).blockedLabels).toHaveLength(100);
      await expectError(store.setBlockedLabels(`owner-${randomUUID()}`, ["family"]), NOT_FOUND);
      await expectError(store.setBlockedLabels("", ["family"]), BAD_USER_INPUT, "ownerId");
      await expectError(store.getPoolingSettings(""), BAD_USER_INPUT, "ownerId");
      expect((await store.getPoolingSettings(ownerId)).contacts).toEqual([]);
    });
  });

  describe("team audit log", () => {
    /** Entries of `teamId`, one minute apart from `start` on, in the order given. */
    async function append(teamId: string, entries: Partial<TeamAuditInput>[], start = Date.now()) {
      const out = [];
      for (const [i, extra] of entries.entries())
        out.push(
          await getStore().appendTeamAudit({
            teamId,
            at: new Date(start + i * MINUTE),
            kind: "pooled_search",
            actorUserId: "usr_actor",
            memberUserIds: [],
            summary: `search ${i}`,
            ...extra,
          }),
        );
      return out;
    }

    it("appends entries as given and lists them newest first", async () => {
      const store = getStore();
      const { owner, team } = await newTeam();
      const bob = await newUser();
      const input: TeamAuditInput = {
        teamId: team.id,
        at: new Date(),
        kind: "intro_request",
        actorUserId: owner.id,
        memberUserIds: [bob.id, bob.id],
        summary: "an introduction to someone at Acme",
      };
      const entry = await store.appendTeamAudit(input);
      expect(entry.id).toMatch(/^taud_/);
      expect(entry).toEqual({ ...input, id: entry.id, memberUserIds: [bob.id] });
      const later = await append(team.id, [{}, {}], Date.now() + MINUTE);
      expect(await store.listTeamAudit(team.id)).toEqual([later[1], later[0], entry]);
    });

    it("lists only the entries naming a member, as actor or as a member used", async () => {
      const store = getStore();
      const { team } = await newTeam();
      const [a, b, c, d] = ["usr_a", "usr_b", "usr_c", "usr_d"].map(
        (id) => `${id}_${randomUUID()}`,
      );
      const [first, second, third] = await append(team.id, [
        { actorUserId: a!, memberUserIds: [b!] },
        { actorUserId: c!, memberUserIds: [d!, a!] },
        { actorUserId: b!, memberUserIds: [] },
      ]);
      expect(await store.listTeamAudit(team.id, { memberUserId: b! })).toEqual([third, first]);
      expect(await store.listTeamAudit(team.id, { memberUserId: a! })).toEqual([second, first]);
      expect(await store.listTeamAudit(team.id, { memberUserId: d! })).toEqual([second]);
      expect(await store.listTeamAudit(team.id, { memberUserId: "usr_nobody" })).toEqual([]);
    });

    it("returns the newest `first` entries: 100 unless asked, at most 1000", async () => {
      const store = getStore();
      const { team } = await newTeam();
      const entries = await append(
        team.id,
        Array.from({ length: 101 }, () => ({})),
      );
      const listed = await store.listTeamAudit(team.id);
      expect(listed).toHaveLength(100);
      expect(listed[0]).toEqual(entries[100]);
      expect(listed.at(-1)).toEqual(entries[1]);
      expect(await store.listTeamAudit(team.id, { first: 2 })).toEqual([entries[100], entries[99]]);
      expect(await store.listTeamAudit(team.id, { first: 1000 })).toHaveLength(101);
      for (const first of [1001, -1, 1.5])
        await expectError(store.listTeamAudit(team.id, { first }), BAD_USER_INPUT, "first");
    });

    it("keeps each team's log apart", async () => {
      const store = getStore();
      const { team } = await newTeam();
      const { team: other } = await newTeam();
      const [mine] = await append(team.id, [{}]);
      await append(other.id, [{}]);
      expect(await store.listTeamAudit(team.id)).toEqual([mine]);
    });

    it("refuses an unknown team and bad input, naming the field", async () => {
      const store = getStore();
      const { owner, team } = await newTeam();
      const input: TeamAuditInput = {
        teamId: team.id,
        at: new Date(),
        kind: "pooled_search",
        actorUserId: owner.id,
        memberUserIds: [],
        summary: "paths to someone at Acme",
      };
      const add = (extra: object) => store.appendTeamAudit({ ...input, ...extra });
      await expectError(add({ teamId: `team_${randomUUID()}` }), NOT_FOUND, "teamId");
      await expectError(add({ kind: "export" }), BAD_USER_INPUT, "kind");
      await expectError(add({ at: new Date(Number.NaN) }), BAD_USER_INPUT, "at");
      await expectError(add({ summary: " " }), BAD_USER_INPUT, "summary");
      await expectError(add({ summary: "x".repeat(501) }), BAD_USER_INPUT, "summary");
      await expectError(add({ memberUserIds: "usr_a" }), BAD_USER_INPUT, "memberUserIds");
      await expectError(add({ memberUserIds: [""] }), BAD_USER_INPUT, "memberUserIds[0]");
      await expectError(add({ actorUserId: "" }), BAD_USER_INPUT, "actorUserId");
      expect(await store.listTeamAudit(team.id)).toEqual([]);
      await add({ summary: "x".repeat(500) });
      expect(await store.listTeamAudit(team.id)).toHaveLength(1);
    });
  });

  describe("team intro requests", () => {
    /** A team of a requester and a member, and a person in the member's network. */
    async function newCase() {
      const { owner: requester, team } = await newTeam();
      const member = await newUser("Bob");
      await getStore().addTeamMember(team.id, member.id, "member");
      const target = await person(member.ownerId, "Grace");
      const input: TeamIntroRequestInput = {
        teamId: team.id,
        requesterUserId: requester.id,
        memberUserId: member.id,
        memberPersonId: target.id,
        note: " We are hiring a CTO. ",
        status: "pending",
      };
      return { requester, member, team, target, input };
    }

    it("creates a request made and updated now, found by its team and id", async () => {
      const store = getStore();
      const { input } = await newCase();
      const request = await store.createTeamIntroRequest(input);
      expect(request.id).toMatch(/^tint_/);
      expect(request).toEqual({
        ...input,
        id: request.id,
        note: "We are hiring a CTO.",
        reason: null,
        approvedBy: null,
        draft: null,
        createdAt: request.createdAt,
        updatedAt: request.createdAt,
      });
      expect(request.createdAt).toBeInstanceOf(Date);
      expect(await store.getTeamIntroRequest(input.teamId, request.id)).toEqual(request);
    });

    it("updates the status, reason, approver and draft, moving only updatedAt", async () => {
      const store = getStore();
      const { requester, input } = await newCase();
      const request = await store.createTeamIntroRequest({ ...input, status: "awaiting_approval" });
      await nextMillisecond();
      const approved = await store.updateTeamIntroRequest(input.teamId, request.id, {
        status: "pending",
        approvedBy: requester.id,
      });
      expect(approved).toEqual({
        ...request,
        status: "pending",
        approvedBy: requester.id,
        updatedAt: approved.updatedAt,
      });
      expect(approved.updatedAt.getTime()).toBeGreaterThan(request.createdAt.getTime());
      await nextMillisecond();
      const accepted = await store.updateTeamIntroRequest(input.teamId, request.id, {
        status: "accepted",
        draft: "Grace, meet Olive.",
      });
      expect(accepted).toEqual({
        ...approved,
        status: "accepted",
        draft: "Grace, meet Olive.",
        updatedAt: accepted.updatedAt,
      });
      expect(accepted.updatedAt.getTime()).toBeGreaterThan(approved.updatedAt.getTime());
      const declined = await store.updateTeamIntroRequest(input.teamId, request.id, {
        status: "declined",
        reason: "Not now",
        draft: null,
      });
      expect(declined).toMatchObject({ status: "declined", reason: "Not now", draft: null });
      expect(await store.getTeamIntroRequest(input.teamId, request.id)).toEqual(declined);
    });

    it("answers NOT_FOUND for another team's request exactly as for a missing one", async () => {
      const store = getStore();
      const { input } = await newCase();
      const { team: other } = await newTeam();
      const request = await store.createTeamIntroRequest(input);
      const absent = `tint_${randomUUID()}`;
      const errors = [
        await expectError(store.getTeamIntroRequest(other.id, request.id), NOT_FOUND),
        await expectError(store.getTeamIntroRequest(input.teamId, absent), NOT_FOUND),
      ];
      expect(errors[0]?.field).toBe(errors[1]?.field);
      expect(errors[0]?.message.replace(request.id, "<id>")).toBe(
        errors[1]?.message.replace(absent, "<id>"),
      );
      await expectError(
        store.updateTeamIntroRequest(other.id, request.id, { status: "withdrawn" }),
        NOT_FOUND,
      );
      expect(await store.getTeamIntroRequest(input.teamId, request.id)).toEqual(request);
      expect(await store.listTeamIntroRequests(other.id, input.requesterUserId)).toEqual([]);
    });

    it("lists the requests a user made or was asked in the team, newest first", async () => {
      const store = getStore();
      const { requester, member, team, input } = await newCase();
      const carol = await newUser("Carol");
      await store.addTeamMember(team.id, carol.id, "member");
      const own = await person(requester.ownerId, "Linus");
      const made = await store.createTeamIntroRequest(input);
      await nextMillisecond();
      const asked = await store.createTeamIntroRequest({
        ...input,
        requesterUserId: carol.id,
        memberUserId: requester.id,
        memberPersonId: own.id,
      });
      await nextMillisecond();
      const others = await store.createTeamIntroRequest({ ...input, requesterUserId: carol.id });
      expect(await store.listTeamIntroRequests(team.id, requester.id)).toEqual([asked, made]);
      expect(await store.listTeamIntroRequests(team.id, member.id)).toEqual([others, made]);
      expect(await store.listTeamIntroRequests(team.id, carol.id)).toEqual([others, asked]);
      expect(await store.listTeamIntroRequests(team.id, "usr_nobody")).toEqual([]);
    });

    it("refuses unknown references and bad input, naming the field", async () => {
      const store = getStore();
      const { requester, input } = await newCase();
      const create = (extra: object) => store.createTeamIntroRequest({ ...input, ...extra });
      await expectError(create({ teamId: `team_${randomUUID()}` }), NOT_FOUND, "teamId");
      await expectError(create({ requesterUserId: "usr_missing" }), NOT_FOUND, "requesterUserId");
      await expectError(create({ memberUserId: "usr_missing" }), NOT_FOUND, "memberUserId");
      // The target must be in the member's network: the requester's own person is not.
      const own = await person(requester.ownerId, "Linus");
      await expectError(create({ memberPersonId: own.id }), NOT_FOUND, "memberPersonId");
      await expectError(create({ status: "lost" }), BAD_USER_INPUT, "status");
      await expectError(create({ note: "x".repeat(2001) }), BAD_USER_INPUT, "note");
      await expectError(create({ memberPersonId: "" }), BAD_USER_INPUT, "memberPersonId");
      expect(await store.listTeamIntroRequests(input.teamId, requester.id)).toEqual([]);

      const request = await create({ note: "x".repeat(2000) });
      const update = (patch: object) =>
        store.updateTeamIntroRequest(input.teamId, request.id, patch);
      await expectError(update({ status: "lost" }), BAD_USER_INPUT, "status");
      await expectError(update({ reason: "x".repeat(2001) }), BAD_USER_INPUT, "reason");
      await expectError(update({ approvedBy: "usr_missing" }), NOT_FOUND, "approvedBy");
      expect(await store.getTeamIntroRequest(input.teamId, request.id)).toEqual(request);
    });
  });
}
