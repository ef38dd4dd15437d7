/**
 * Contract: teams. A team's creator is its owner; a member carries their user's name and network
 * and shares nothing until they choose to; invitations are stored by the hash of their token,
 * and joining with one adds exactly one member even when joins race; deleting a team removes
 * everything of it. Run by store-contract.ts against every adapter, with fresh users (the store
 * may be shared with other suites, so no test counts what it did not make).
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../errors.js";
import type { NetworkStore, TeamRole } from "../graph/index.js";
import { address, HOUR, nextMillisecond, tokenHash } from "./account-fixtures.js";
import { expectError } from "./expect-error.js";

const { BAD_USER_INPUT, CONFLICT, NOT_FOUND } = ErrorCode;

export function teamContract(getStore: () => NetworkStore): void {
  describe("teams", () => {
    const newUser = (name = "Ada") => getStore().createUser({ email: address(), name });
    /** A fresh team of a fresh owner. */
    async function newTeam(extra: object = {}) {
      const owner = await newUser("Olive");
      const { team, member } = await getStore().createTeam(
        { name: "Deal flow", ...extra },
        owner.id,
      );
      return { owner, team, member };
    }
    /** An invitation to `teamId` from `invitedBy`, and the hash of its token. */
    async function invite(
      teamId: string,
      invitedBy: string,
      extra: { role?: TeamRole; expiresAt?: Date } = {},
    ) {
      const hash = tokenHash();
      const invitation = await getStore().createTeamInvitation({
        teamId,
        tokenHash: hash,
        role: "member",
        invitedBy,
        expiresAt: new Date(Date.now() + HOUR),
        ...extra,
      });
      return { hash, invitation };
    }
    const missing = () => `team_${randomUUID()}`;

    describe("teams and members", () => {
      it("creates a team whose creator is its owner, sharing nothing and allowed everything", async () => {
        const store = getStore();
        const owner = await newUser("Olive");
        const { team, member } = await store.createTeam({ name: "  Deal flow " }, owner.id);
        expect(team.id).toMatch(/^team_/);
        expect(team).toEqual({
          id: team.id,
          name: "Deal flow",
          createdAt: team.createdAt,
          reciprocity: true,
          approval: false,
        });
        expect(team.createdAt).toBeInstanceOf(Date);
        expect(member).toEqual({
          teamId: team.id,
          userId: owner.id,
          ownerId: owner.ownerId,
          name: "Olive",
          role: "owner",
          sharing: "off",
          sharingCap: "full",
          joinedAt: team.createdAt,
        });
        expect(await store.getTeam(team.id)).toEqual(team);
        expect(await store.getTeamMember(team.id, owner.id)).toEqual(member);
        expect(await store.listTeamMembers(team.id)).toEqual([member]);
        expect(await store.listUserTeams(owner.id)).toEqual([{ team, member }]);
      });

      it("keeps the settings it is given, and updates only what a patch names", async () => {
        const store = getStore();
        const { team } = await newTeam({ reciprocity: false, approval: true });
        expect(team).toMatchObject({ reciprocity: false, approval: true });
        const renamed = await store.updateTeam(team.id, { name: " Partners " });
        expect(renamed).toEqual({ ...team, name: "Partners" });
        const opened = await store.updateTeam(team.id, { reciprocity: true, approval: false });
        expect(opened).toEqual({ ...team, name: "Partners", reciprocity: true, approval: false });
        expect(await store.getTeam(team.id)).toEqual(opened);
      });

      it("answers NOT_FOUND for a missing team, and on createdBy for an unknown creator", async () => {
        const store = getStore();
        const id = missing();
        await expectError(store.getTeam(id), NOT_FOUND);
        await expectError(store.updateTeam(id, { name: "X" }), NOT_FOUND);
        await expectError(store.deleteTeam(id), NOT_FOUND);
        await expectError(store.createTeam({ name: "X" }, "usr_missing"), NOT_FOUND, "createdBy");
        expect(await store.listTeamMembers(id)).toEqual([]);
        expect(await store.getTeamMember(id, (await newUser()).id)).toBeNull();
      });

      it("refuses a blank or too long name and settings that are not booleans, naming the field", async () => {
        const store = getStore();
        const owner = await newUser();
        const create = (input: object) => store.createTeam(input as { name: string }, owner.id);
        await expectError(create({ name: " " }), BAD_USER_INPUT, "name");
        await expectError(create({ name: "x".repeat(201) }), BAD_USER_INPUT, "name");
        await expectError(create({ name: "X", reciprocity: "yes" }), BAD_USER_INPUT, "reciprocity");
        await expectError(create({ name: "X", approval: 1 }), BAD_USER_INPUT, "approval");
        expect(await store.listUserTeams(owner.id)).toEqual([]);
        const { team } = await create({ name: "x".repeat(200) });
        await expectError(store.updateTeam(team.id, { name: "" }), BAD_USER_INPUT, "name");
        await expectError(
          store.updateTeam(team.id, { approval: "no" } as object),
          BAD_USER_INPUT,
          "approval",
        );
        expect(await store.getTeam(team.id)).toEqual(team);
      });

      it("adds a member who shares nothing until they choose to, with their user's name and network", async () => {
        const store = getStore();
        const { team, member: first } = await newTeam();
        const bob = await newUser("Bob");
        await nextMillisecond();
        const member = await store.addTeamMember(team.id, bob.id, "member");
        expect(member).toEqual({
          teamId: team.id,
          userId: bob.id,
          ownerId: bob.ownerId,
          name: "Bob",
          role: "member",
          sharing: "off",
          sharingCap: "full",
          joinedAt: member.joinedAt,
        });
        expect(member.joinedAt.getTime()).toBeGreaterThan(first.joinedAt.getTime());
        expect(await store.getTeamMember(team.id, bob.id)).toEqual(member);
        expect(await store.listTeamMembers(team.id)).toEqual([first, member]);
        expect(await store.listUserTeams(bob.id)).toEqual([{ team, member }]);
      });

      it("answers CONFLICT on userId for a member already, NOT_FOUND for a missing team or user", async () => {
        const store = getStore();
        const { owner, team, member } = await newTeam();
        const bob = await newUser();
        await expectError(store.addTeamMember(team.id, owner.id, "admin"), CONFLICT, "userId");
        await expectError(store.addTeamMember(missing(), bob.id, "member"), NOT_FOUND, "teamId");
        await expectError(
          store.addTeamMember(team.id, "usr_missing", "member"),
          NOT_FOUND,
          "userId",
        );
        await expectError(
          store.addTeamMember(team.id, bob.id, "boss" as TeamRole),
          BAD_USER_INPUT,
          "role",
        );
        expect(await store.listTeamMembers(team.id)).toEqual([member]);
      });

      it("adds one member when two adds of one user race, and CONFLICT on userId for the other", async () => {
        const store = getStore();
        const { team } = await newTeam();
        const bob = await newUser();
        const outcomes = await Promise.allSettled([
          store.addTeamMember(team.id, bob.id, "member"),
          store.addTeamMember(team.id, bob.id, "admin"),
        ]);
        expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
        for (const outcome of outcomes)
          if (outcome.status === "rejected")
            await expectError(Promise.reject(outcome.reason), CONFLICT, "userId");
        expect((await store.listTeamMembers(team.id)).map((m) => m.userId)).toContain(bob.id);
        expect(await store.listTeamMembers(team.id)).toHaveLength(2);
      });

      it("updates a member's role and sharing levels, keeping what the patch leaves out", async () => {
        const store = getStore();
        const { team, member } = await newTeam();
        const sharing = await store.updateTeamMember(team.id, member.userId, {
          sharing: "company",
        });
        expect(sharing).toEqual({ ...member, sharing: "company" });
        const capped = await store.updateTeamMember(team.id, member.userId, {
          role: "admin",
          sharingCap: "company",
        });
        expect(capped).toEqual({
          ...member,
          role: "admin",
          sharing: "company",
          sharingCap: "company",
        });
        expect(await store.getTeamMember(team.id, member.userId)).toEqual(capped);
        const update = (patch: object) => store.updateTeamMember(team.id, member.userId, patch);
        await expectError(update({ sharing: "all" }), BAD_USER_INPUT, "sharing");
        await expectError(update({ sharingCap: "none" }), BAD_USER_INPUT, "sharingCap");
        await expectError(update({ role: "boss" }), BAD_USER_INPUT, "role");
        expect(await store.getTeamMember(team.id, member.userId)).toEqual(capped);
      });

      it("answers NOT_FOUND on userId for updating or removing someone who is not a member", async () => {
        const store = getStore();
        const { team } = await newTeam();
        const bob = await newUser();
        await expectError(
          store.updateTeamMember(team.id, bob.id, { sharing: "full" }),
          NOT_FOUND,
          "userId",
        );
        await expectError(store.removeTeamMember(team.id, bob.id), NOT_FOUND, "userId");
        await expectError(store.removeTeamMember(missing(), bob.id), NOT_FOUND, "userId");
        expect(await store.getTeamMember(team.id, bob.id)).toBeNull();
      });

      it("removes a member, who then has no membership and no longer lists the team", async () => {
        const store = getStore();
        const { team, member } = await newTeam();
        const bob = await newUser();
        await store.addTeamMember(team.id, bob.id, "guest");
        await store.removeTeamMember(team.id, bob.id);
        expect(await store.getTeamMember(team.id, bob.id)).toBeNull();
        expect(await store.listUserTeams(bob.id)).toEqual([]);
        expect(await store.listTeamMembers(team.id)).toEqual([member]);
        expect(await store.getUser(bob.id)).toMatchObject({ id: bob.id });
      });

      it("lists a user's teams in the order they joined them, and no one else's", async () => {
        const store = getStore();
        const bob = await newUser();
        const { team: later } = await newTeam();
        const { team: earlier } = await newTeam();
        const { team: other } = await newTeam();
        const first = await store.addTeamMember(earlier.id, bob.id, "member");
        await nextMillisecond();
        const second = await store.addTeamMember(later.id, bob.id, "admin");
        const listed = await store.listUserTeams(bob.id);
        expect(listed).toEqual([
          { team: earlier, member: first },
          { team: later, member: second },
        ]);
        expect(listed.map((t) => t.team.id)).not.toContain(other.id);
      });
    });

    describe("team invitations", () => {
      it("creates an invitation without its token and lists it with its team", async () => {
        const store = getStore();
        const { owner, team } = await newTeam();
        const { invitation } = await invite(team.id, owner.id, { role: "admin" });
        expect(invitation.id).toMatch(/^tinv_/);
        expect(invitation).toMatchObject({
          teamId: team.id,
          role: "admin",
          invitedBy: owner.id,
          usedAt: null,
          usedBy: null,
        });
        expect(invitation).not.toHaveProperty("tokenHash");
        expect(invitation.createdAt).toBeInstanceOf(Date);
        expect(await store.listTeamInvitations(team.id)).toEqual([invitation]);
        expect(await store.listTeamInvitations(missing())).toEqual([]);
      });

      it("joins a user with the invitation's role, sharing nothing, and marks it used by them", async () => {
        const store = getStore();
        const { owner, team } = await newTeam();
        const { hash, invitation } = await invite(team.id, owner.id, { role: "guest" });
        const bob = await newUser("Bob");
        const now = new Date();
        const member = await store.joinTeamByInvitation(hash, bob.id, now);
        expect(member).toEqual({
          teamId: team.id,
          userId: bob.id,
          ownerId: bob.ownerId,
          name: "Bob",
          role: "guest",
          sharing: "off",
          sharingCap: "full",
          joinedAt: now,
        });
        expect(await store.getTeamMember(team.id, bob.id)).toEqual(member);
        expect(await store.listTeamInvitations(team.id)).toEqual([
          { ...invitation, usedAt: now, usedBy: bob.id },
        ]);
      });

      it("answers NOT_FOUND on invitation, one answer, for an unknown, a used and an expired invitation", async () => {
        const store = getStore();
        const { owner, team } = await newTeam();
        const used = await invite(team.id, owner.id);
        await store.joinTeamByInvitation(used.hash, (await newUser()).id, new Date());
        const expired = await invite(team.id, owner.id, { expiresAt: new Date(Date.now() - 1000) });
        const bob = await newUser();
        const join = (hash: string, now = new Date()) =>
          store.joinTeamByInvitation(hash, bob.id, now);
        const errors = [
          await expectError(join(tokenHash()), NOT_FOUND, "invitation"),
          await expectError(join(used.hash), NOT_FOUND, "invitation"),
          await expectError(join(expired.hash), NOT_FOUND, "invitation"),
        ];
        expect(new Set(errors.map((e) => e.message)).size).toBe(1);
        // Expiry is judged at the time given: a live invitation is dead two hours on.
        const later = await invite(team.id, owner.id);
        await expectError(
          join(later.hash, new Date(Date.now() + 2 * HOUR)),
          NOT_FOUND,
          "invitation",
        );
        expect(await store.getTeamMember(team.id, bob.id)).toBeNull();
      });

      it("answers CONFLICT on userId for a member already and leaves the invitation unused", async () => {
        const store = getStore();
        const { owner, team } = await newTeam();
        const { hash } = await invite(team.id, owner.id);
        await expectError(
          store.joinTeamByInvitation(hash, owner.id, new Date()),
          CONFLICT,
          "userId",
        );
        await expectError(
          store.joinTeamByInvitation(hash, "usr_missing", new Date()),
          NOT_FOUND,
          "userId",
        );
        expect((await store.listTeamInvitations(team.id))[0]).toMatchObject({
          usedAt: null,
          usedBy: null,
        });
        const bob = await newUser();
        await store.joinTeamByInvitation(hash, bob.id, new Date());
        expect((await store.listTeamInvitations(team.id))[0]?.usedBy).toBe(bob.id);
      });

      it("adds exactly one member when joins race with one invitation", async () => {
        const store = getStore();
        const { owner, team } = await newTeam();
        const { hash } = await invite(team.id, owner.id);
        const users = await Promise.all([newUser(), newUser(), newUser(), newUser()]);
        await nextMillisecond(); // after the owner's joining, so members list in a known order
        const outcomes = await Promise.allSettled(
          users.map((user) => store.joinTeamByInvitation(hash, user.id, new Date())),
        );
        const joined = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
        expect(joined).toHaveLength(1);
        for (const outcome of outcomes)
          if (outcome.status === "rejected")
            await expectError(Promise.reject(outcome.reason), NOT_FOUND, "invitation");
        const members = await store.listTeamMembers(team.id);
        expect(members.map((m) => m.userId)).toEqual([owner.id, joined[0]?.userId]);
        expect((await store.listTeamInvitations(team.id))[0]?.usedBy).toBe(joined[0]?.userId);
      });

      it("lists a team's invitations oldest first, used ones included, and no other team's", async () => {
        const store = getStore();
        const { owner, team } = await newTeam();
        const { team: other } = await newTeam();
        const first = await invite(team.id, owner.id);
        await nextMillisecond();
        const second = await invite(team.id, owner.id, { role: "admin" });
        await invite(other.id, owner.id);
        const bob = await newUser();
        await store.joinTeamByInvitation(first.hash, bob.id, new Date());
        const listed = await store.listTeamInvitations(team.id);
        expect(listed.map((i) => i.id)).toEqual([first.invitation.id, second.invitation.id]);
        expect(listed[0]?.usedBy).toBe(bob.id);
      });

      it("refuses a raw token, a reused hash, an unknown team or inviter and bad input, naming the field", async () => {
        const store = getStore();
        const { owner, team } = await newTeam();
        const { hash } = await invite(team.id, owner.id);
        const input = {
          teamId: team.id,
          tokenHash: tokenHash(),
          role: "member" as TeamRole,
          invitedBy: owner.id,
          expiresAt: new Date(Date.now() + HOUR),
        };
        const create = (extra: object) => store.createTeamInvitation({ ...input, ...extra });
        await expectError(create({ tokenHash: "raw-invitation" }), BAD_USER_INPUT, "tokenHash");
        await expectError(create({ tokenHash: hash }), CONFLICT, "tokenHash");
        await expectError(create({ teamId: missing() }), NOT_FOUND, "teamId");
        await expectError(create({ invitedBy: "usr_missing" }), NOT_FOUND, "invitedBy");
        await expectError(create({ role: "boss" }), BAD_USER_INPUT, "role");
        await expectError(create({ expiresAt: new Date(Number.NaN) }), BAD_USER_INPUT, "expiresAt");
        const bob = await newUser();
        await expectError(
          store.joinTeamByInvitation("raw-invitation", bob.id, new Date()),
          BAD_USER_INPUT,
          "tokenHash",
        );
        await expectError(
          store.joinTeamByInvitation(hash, bob.id, new Date(Number.NaN)),
          BAD_USER_INPUT,
          "now",
        );
        expect(await store.listTeamInvitations(team.id)).toHaveLength(1);
        expect((await store.listTeamInvitations(team.id))[0]?.usedAt).toBeNull();
      });
    });

    describe("deleting a team", () => {
      it("removes the team with its members, invitations, audit entries and requests, and keeps its users", async () => {
        const store = getStore();
        const { owner, team } = await newTeam();
        const bob = await newUser("Bob");
        await store.addTeamMember(team.id, bob.id, "member");
        const { hash } = await invite(team.id, owner.id);
        await store.appendTeamAudit({
          teamId: team.id,
          at: new Date(),
          kind: "pooled_search",
          actorUserId: owner.id,
          memberUserIds: [bob.id],
          summary: "paths to someone at Acme",
        });
        const target = await store.create(bob.ownerId, "person", { name: "Grace" });
        const request = await store.createTeamIntroRequest({
          teamId: team.id,
          requesterUserId: owner.id,
          memberUserId: bob.id,
          memberPersonId: target.id,
          note: null,
          status: "pending",
        });
        const { team: kept, member: keptMember } = await store.createTeam(
          { name: "Kept" },
          owner.id,
        );

        await store.deleteTeam(team.id);
        await expectError(store.getTeam(team.id), NOT_FOUND);
        expect(await store.listTeamMembers(team.id)).toEqual([]);
        expect(await store.getTeamMember(team.id, bob.id)).toBeNull();
        expect(await store.listUserTeams(bob.id)).toEqual([]);
        expect(await store.listUserTeams(owner.id)).toEqual([{ team: kept, member: keptMember }]);
        expect(await store.listTeamInvitations(team.id)).toEqual([]);
        await expectError(
          store.joinTeamByInvitation(hash, bob.id, new Date()),
          NOT_FOUND,
          "invitation",
        );
        expect(await store.listTeamAudit(team.id)).toEqual([]);
        expect(await store.listTeamIntroRequests(team.id, owner.id)).toEqual([]);
        await expectError(store.getTeamIntroRequest(team.id, request.id), NOT_FOUND);
        expect((await store.getUser(bob.id)).id).toBe(bob.id);
        expect((await store.get(bob.ownerId, "person", target.id)).name).toBe("Grace");
      });
    });
  });
}
