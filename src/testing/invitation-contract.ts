/**
 * Contract: invitations. An invitation is stored by the hash of its token and never lists it;
 * signing up with it creates a user with a network of their own and spends it in one
 * transaction, so one invitation makes exactly one user even when sign-ups race. An unknown, a
 * used and an expired invitation get one answer. Run by store-contract.ts against every adapter,
 * with fresh addresses (the store may be shared with other suites).
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../errors.js";
import type { NetworkStore, SignUpInput } from "../graph/index.js";
import { address, ARGON2, HOUR, nextMillisecond, tokenHash } from "./account-fixtures.js";
import { expectError } from "./expect-error.js";

const { BAD_USER_INPUT, CONFLICT, NOT_FOUND } = ErrorCode;

export function invitationContract(getStore: () => NetworkStore): void {
  describe("invitations", () => {
    const newAdmin = () => getStore().createUser({ email: address(), name: "Admin", admin: true });
    /** An invitation from a fresh administrator, and the hash of its token. */
    async function invite(
      extra: { email?: string | null; admin?: boolean; expiresAt?: Date } = {},
    ) {
      const inviter = await newAdmin();
      const hash = tokenHash();
      const invitation = await getStore().createInvitation({
        tokenHash: hash,
        invitedBy: inviter.id,
        expiresAt: new Date(Date.now() + HOUR),
        ...extra,
      });
      return { inviter, hash, invitation };
    }
    const signUp = (hash: string, email = address(), now = new Date()) =>
      getStore().signUpByInvitation(hash, { email, name: "Grace", passwordHash: ARGON2 }, now);

    it("creates an invitation without its token and lists it with its inviter", async () => {
      const store = getStore();
      const email = address();
      const { inviter, invitation } = await invite({ email: ` ${email.toUpperCase()} ` });
      expect(invitation.id).toMatch(/^inv_/);
      expect(invitation).toMatchObject({
        email,
        admin: false,
        invitedBy: inviter.id,
        usedAt: null,
        usedBy: null,
      });
      expect(invitation).not.toHaveProperty("tokenHash");
      expect(invitation.createdAt).toBeInstanceOf(Date);
      expect(await store.listInvitations(inviter.id)).toEqual([invitation]);
    });

    it("signs up a user with a network of their own and marks the invitation used by them", async () => {
      const store = getStore();
      const email = address();
      const { inviter, hash, invitation } = await invite({ email });
      const now = new Date();
      const user = await signUp(hash, email.toUpperCase(), now);
      expect(user).toMatchObject({ email, name: "Grace", passwordHash: ARGON2, admin: false });
      expect(user.ownerId).not.toBe(inviter.ownerId);
      expect(await store.getUser(user.id)).toEqual(user);
      expect((await store.getSelf(user.ownerId)).name).toBe("Grace");
      expect(await store.listInvitations(inviter.id)).toEqual([
        { ...invitation, usedAt: now, usedBy: user.id },
      ]);
    });

    it("creates an administrator when the invitation says so, for any address when it names none", async () => {
      const { hash, invitation } = await invite({ admin: true });
      expect(invitation).toMatchObject({ email: null, admin: true });
      const user = await signUp(hash);
      expect(user.admin).toBe(true);
      expect((await getStore().getUser(user.id)).admin).toBe(true);
    });

    it("takes no owner or admin flag from the sign-up input", async () => {
      const store = getStore();
      const owner = `owner-${randomUUID()}`;
      const { hash } = await invite();
      const input = { email: address(), name: "Mallory", ownerId: owner, admin: true };
      const user = await store.signUpByInvitation(hash, input as SignUpInput, new Date());
      expect(user.admin).toBe(false);
      expect(user.ownerId).not.toBe(owner);
    });

    it("answers NOT_FOUND on invitation, one answer, for an unknown, a used and an expired invitation", async () => {
      const used = await invite();
      await signUp(used.hash);
      const expired = await invite({ expiresAt: new Date(Date.now() - 1000) });
      const unknown = tokenHash();
      const errors = [
        await expectError(signUp(unknown), NOT_FOUND, "invitation"),
        await expectError(signUp(used.hash), NOT_FOUND, "invitation"),
        await expectError(signUp(expired.hash), NOT_FOUND, "invitation"),
      ];
      expect(new Set(errors.map((e) => e.message)).size).toBe(1);
      // Expiry is judged at the time given: the same invitation is dead one hour on.
      const later = await invite();
      await expectError(
        signUp(later.hash, address(), new Date(Date.now() + 2 * HOUR)),
        NOT_FOUND,
        "invitation",
      );
      expect((await getStore().listInvitations(expired.inviter.id))[0]?.usedAt).toBeNull();
    });

    it("answers BAD_USER_INPUT on email for another address than the invitation's, and keeps it usable", async () => {
      const store = getStore();
      const email = address();
      const { inviter, hash } = await invite({ email });
      const other = address();
      await expectError(signUp(hash, other), BAD_USER_INPUT, "email");
      expect(await store.findUserByEmail(other)).toBeNull();
      expect((await store.listInvitations(inviter.id))[0]?.usedAt).toBeNull();
      expect((await signUp(hash, email)).email).toBe(email);
    });

    it("answers CONFLICT on email for a taken address and leaves the invitation unused", async () => {
      const store = getStore();
      const holder = await newAdmin();
      const { inviter, hash } = await invite();
      await expectError(signUp(hash, holder.email.toUpperCase()), CONFLICT, "email");
      expect(await store.findUserByEmail(holder.email)).toEqual(holder);
      expect((await store.listInvitations(inviter.id))[0]).toMatchObject({
        usedAt: null,
        usedBy: null,
      });
      const user = await signUp(hash);
      expect((await store.listInvitations(inviter.id))[0]?.usedBy).toBe(user.id);
    });

    it("creates exactly one user when sign-ups race with one invitation", async () => {
      const store = getStore();
      const { inviter, hash } = await invite();
      const emails = [address(), address(), address(), address()];
      const outcomes = await Promise.allSettled(emails.map((email) => signUp(hash, email)));
      const created = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
      expect(created).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === "rejected")
          await expectError(Promise.reject(outcome.reason), NOT_FOUND, "invitation");
      }
      const found = await Promise.all(emails.map((email) => store.findUserByEmail(email)));
      expect(found.filter((user) => user !== null)).toEqual(created);
      expect((await store.listInvitations(inviter.id))[0]?.usedBy).toBe(created[0]?.id);
    });

    it("lists an inviter's invitations oldest first, used ones included, and no one else's", async () => {
      const store = getStore();
      const { inviter, hash, invitation: first } = await invite();
      await nextMillisecond();
      const second = await store.createInvitation({
        tokenHash: tokenHash(),
        invitedBy: inviter.id,
        expiresAt: new Date(Date.now() + HOUR),
      });
      const user = await signUp(hash);
      const listed = await store.listInvitations(inviter.id);
      expect(listed.map((i) => i.id)).toEqual([first.id, second.id]);
      expect(listed[0]?.usedBy).toBe(user.id);
      expect(await store.listInvitations(user.id)).toEqual([]);
      expect(await store.listInvitations(`usr_${randomUUID()}`)).toEqual([]);
    });

    it("refuses a raw token, a reused hash, an unknown inviter and bad input, naming the field", async () => {
      const store = getStore();
      const { inviter, hash } = await invite();
      const input = { tokenHash: tokenHash(), invitedBy: inviter.id, expiresAt: new Date() };
      const create = (extra: object) => store.createInvitation({ ...input, ...extra });
      await expectError(create({ tokenHash: "raw-invitation" }), BAD_USER_INPUT, "tokenHash");
      await expectError(create({ tokenHash: hash }), CONFLICT, "tokenHash");
      await expectError(create({ invitedBy: "usr_missing" }), NOT_FOUND, "invitedBy");
      await expectError(create({ email: "nope" }), BAD_USER_INPUT, "email");
      await expectError(create({ expiresAt: new Date(Number.NaN) }), BAD_USER_INPUT, "expiresAt");

      const join = (extra: object, now = new Date()) =>
        store.signUpByInvitation(hash, { email: address(), name: "G", ...extra }, now);
      await expectError(signUp("raw-invitation"), BAD_USER_INPUT, "tokenHash");
      await expectError(join({ name: " " }), BAD_USER_INPUT, "name");
      await expectError(join({ email: "nope" }), BAD_USER_INPUT, "email");
      await expectError(join({ passwordHash: "hunter2" }), BAD_USER_INPUT, "passwordHash");
      await expectError(join({}, new Date(Number.NaN)), BAD_USER_INPUT, "now");
      expect((await store.listInvitations(inviter.id))[0]?.usedAt).toBeNull();
    });
  });
}
