/**
 * Contract: accounts. Users own one network each (a new one, or an existing
 * owner adopted as it is), with e-mails unique across the store after
 * normalization; sessions and API tokens are stored and found by the hash of
 * their token only, and another user's session or token id behaves exactly like
 * a missing one. Run by store-contract.ts against every adapter; the store may be
 * shared with other suites, so every test works with fresh addresses and owners.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../errors.js";
import type { NetworkStore } from "../graph/index.js";
import { address, ARGON2, HOUR, nextMillisecond, tokenHash } from "./account-fixtures.js";
import { expectError } from "./expect-error.js";

const { BAD_USER_INPUT, CONFLICT, NOT_FOUND } = ErrorCode;

export function accountContract(
  getStore: () => NetworkStore,
  newOwner: () => Promise<{ owner: string; selfId: string }>,
): void {
  describe("accounts", () => {
    const newUser = (extra: object = {}) =>
      getStore().createUser({ email: address(), name: "Ada Lovelace", ...extra });

    describe("users", () => {
      it("creates a user with a network of their own, found by id and by e-mail in any case", async () => {
        const store = getStore();
        const before = await store.countUsers();
        const email = address();
        const user = await store.createUser({ email: `  ${email.toUpperCase()} `, name: "Ada" });
        expect(user.id).toMatch(/^usr_/);
        expect(user.email).toBe(email);
        expect(user.name).toBe("Ada");
        expect(user.passwordHash).toBeNull();
        expect(user.disabledAt).toBeNull();
        expect((await store.getSelf(user.ownerId)).name).toBe("Ada");
        expect(await store.getUser(user.id)).toEqual(user);
        expect(await store.findUserByEmail(email.replace("user", "USER"))).toEqual(user);
        expect(await store.countUsers()).toBeGreaterThanOrEqual(before + 1);
      });

      it("stores the admin flag and reads it back; a user is no administrator by default", async () => {
        const store = getStore();
        const admin = await newUser({ admin: true });
        const plain = await newUser();
        expect(admin.admin).toBe(true);
        expect(plain.admin).toBe(false);
        expect((await store.getUser(admin.id)).admin).toBe(true);
        expect((await store.findUserByEmail(admin.email))?.admin).toBe(true);
        expect((await store.getUser(plain.id)).admin).toBe(false);
      });

      it("lists every user, oldest first", async () => {
        const store = getStore();
        const first = await newUser({ admin: true });
        await nextMillisecond();
        const second = await newUser();
        const users = await store.listUsers();
        const mine = users.filter((u) => u.id === first.id || u.id === second.id);
        expect(mine).toEqual([first, second]);
        const times = users.map((u) => u.createdAt.getTime());
        expect(times).toEqual([...times].sort((a, b) => a - b));
      });

      it("adopts an existing owner's network as it is, without moving its records", async () => {
        const store = getStore();
        const { owner, selfId } = await newOwner();
        await store.create(owner, "person", { name: "Grace" });
        const version = await store.version(owner);
        const user = await store.createUser({
          email: address(),
          name: "Ada",
          ownerId: owner,
          passwordHash: ARGON2,
        });
        expect(user.ownerId).toBe(owner);
        expect(user.passwordHash).toBe(ARGON2);
        expect((await store.getSelf(owner)).id).toBe(selfId);
        expect((await store.list(owner, "person")).totalCount).toBe(2);
        expect(await store.version(owner)).toBe(version);
      });

      it("creates the owner it is given when that owner does not exist yet", async () => {
        const store = getStore();
        const owner = `owner-${randomUUID()}`;
        const user = await newUser({ ownerId: owner });
        expect(user.ownerId).toBe(owner);
        expect((await store.getSelf(owner)).name).toBe("Ada Lovelace");
      });

      it("answers CONFLICT on email for an address taken in another case or spacing", async () => {
        const store = getStore();
        const email = address();
        const ada = await store.createUser({ email, name: "Ada" });
        await expectError(
          store.createUser({ email: ` ${email.toUpperCase()}  `, name: "Bea" }),
          CONFLICT,
          "email",
        );
        // Counting users would race other suites on a shared store; the address still finds Ada.
        expect(await store.findUserByEmail(email)).toEqual(ada);
      });

      it("ends concurrent sign-ups of one address with one user and CONFLICT on email for the rest", async () => {
        const store = getStore();
        const email = address();
        const results = await Promise.allSettled(
          Array.from({ length: 4 }, (_, i) => store.createUser({ email, name: `Racer ${i}` })),
        );
        const created = results.filter((r) => r.status === "fulfilled");
        expect(created).toHaveLength(1);
        for (const r of results)
          if (r.status === "rejected") {
            expect(r.reason).toMatchObject({ code: CONFLICT, field: "email" });
          }
        expect((await store.findUserByEmail(email))?.id).toBe(
          (created[0] as PromiseFulfilledResult<{ id: string }>).value.id,
        );
      });

      it("answers CONFLICT on ownerId when another user owns the network", async () => {
        const first = await newUser();
        await expectError(newUser({ ownerId: first.ownerId }), CONFLICT, "ownerId");
      });

      it("rejects a bad e-mail, a blank name and a password that is not an encoded hash", async () => {
        const store = getStore();
        await expectError(store.createUser({ email: "nope", name: "A" }), BAD_USER_INPUT, "email");
        await expectError(
          store.createUser({ email: address(), name: " " }),
          BAD_USER_INPUT,
          "name",
        );
        await expectError(newUser({ passwordHash: "hunter2" }), BAD_USER_INPUT, "passwordHash");
        await expectError(store.findUserByEmail("nope"), BAD_USER_INPUT, "email");
      });

      it("answers NOT_FOUND for an unknown user, and null for an unknown address", async () => {
        const store = getStore();
        await expectError(store.getUser("usr_missing"), NOT_FOUND);
        await expectError(store.setUserPassword("usr_missing", ARGON2), NOT_FOUND);
        await expectError(store.disableUser("usr_missing"), NOT_FOUND);
        expect(await store.findUserByEmail(address())).toBeNull();
      });

      it("stores a new password hash, and disables a user once, ending their sessions", async () => {
        const store = getStore();
        const user = await newUser();
        await store.setUserPassword(user.id, ARGON2);
        expect((await store.getUser(user.id)).passwordHash).toBe(ARGON2);
        await expectError(
          store.setUserPassword(user.id, "hunter2"),
          BAD_USER_INPUT,
          "passwordHash",
        );
        const hash = tokenHash();
        await store.createSession({
          tokenHash: hash,
          userId: user.id,
          expiresAt: new Date(Date.now() + HOUR),
        });
        const disabled = await store.disableUser(user.id);
        expect(disabled.disabledAt).toBeInstanceOf(Date);
        expect((await store.disableUser(user.id)).disabledAt).toEqual(disabled.disabledAt);
        expect(await store.findSession(hash)).toBeNull();
      });
    });

    describe("sessions", () => {
      it("round-trips a session with its user, then touches and deletes it", async () => {
        const store = getStore();
        const user = await newUser();
        const hash = tokenHash();
        const expiresAt = new Date(Date.now() + HOUR);
        const session = await store.createSession({
          tokenHash: hash,
          userId: user.id,
          expiresAt,
          userAgent: "vitest",
        });
        expect(session).toMatchObject({ tokenHash: hash, userId: user.id, userAgent: "vitest" });
        expect(session.expiresAt).toEqual(expiresAt);
        expect(await store.findSession(hash)).toEqual({ session, user });

        const lastSeenAt = new Date(Date.now() + 1000);
        const later = new Date(Date.now() + 2 * HOUR);
        await store.touchSession(hash, { lastSeenAt, expiresAt: later });
        const found = await store.findSession(hash);
        expect(found?.session.lastSeenAt).toEqual(lastSeenAt);
        expect(found?.session.expiresAt).toEqual(later);
        expect(await store.listSessions(user.id)).toEqual([found?.session]);

        await store.deleteSession(hash);
        expect(await store.findSession(hash)).toBeNull();
        await store.deleteSession(hash);
        await expectError(store.touchSession(hash, { lastSeenAt, expiresAt: later }), NOT_FOUND);
      });

      it("returns an expired session: the caller decides", async () => {
        const store = getStore();
        const user = await newUser();
        const hash = tokenHash();
        const expiresAt = new Date(Date.now() - HOUR);
        await store.createSession({ tokenHash: hash, userId: user.id, expiresAt });
        expect((await store.findSession(hash))?.session.expiresAt).toEqual(expiresAt);
        expect(await store.findSession(tokenHash())).toBeNull();
      });

      it("ends every session of a user but the one kept, and no one else's", async () => {
        const store = getStore();
        const user = await newUser();
        const other = await newUser();
        const expiresAt = new Date(Date.now() + HOUR);
        const hashes = [tokenHash(), tokenHash(), tokenHash()];
        for (const hash of hashes)
          await store.createSession({ tokenHash: hash, userId: user.id, expiresAt });
        const theirs = tokenHash();
        await store.createSession({ tokenHash: theirs, userId: other.id, expiresAt });

        expect(await store.deleteUserSessions(user.id, { except: hashes[1] })).toBe(2);
        expect((await store.listSessions(user.id)).map((s) => s.tokenHash)).toEqual([hashes[1]]);
        expect(await store.findSession(theirs)).not.toBeNull();
        expect(await store.deleteUserSessions(user.id)).toBe(1);
        expect(await store.listSessions(user.id)).toEqual([]);
      });

      it("ends one of a user's sessions by its id, and no other", async () => {
        const store = getStore();
        const user = await newUser();
        const expiresAt = new Date(Date.now() + HOUR);
        const ended = await store.createSession({
          tokenHash: tokenHash(),
          userId: user.id,
          expiresAt,
        });
        const kept = await store.createSession({
          tokenHash: tokenHash(),
          userId: user.id,
          expiresAt,
        });
        await store.deleteUserSession(user.id, ended.id);
        expect(await store.findSession(ended.tokenHash)).toBeNull();
        expect(await store.listSessions(user.id)).toEqual([kept]);
        await expectError(store.deleteUserSession(user.id, ended.id), NOT_FOUND);
      });

      it("answers NOT_FOUND for another user's session id exactly as for a missing one", async () => {
        const store = getStore();
        const alice = await newUser();
        const bob = await newUser();
        const expiresAt = new Date(Date.now() + HOUR);
        const session = await store.createSession({
          tokenHash: tokenHash(),
          userId: alice.id,
          expiresAt,
        });
        const missing = `ses_${randomUUID()}`;
        const errors = [
          await expectError(store.deleteUserSession(bob.id, session.id), NOT_FOUND),
          await expectError(store.deleteUserSession(bob.id, missing), NOT_FOUND),
        ];
        expect(errors[0]?.field).toBe(errors[1]?.field);
        expect(errors[0]?.message.replace(session.id, "<id>")).toBe(
          errors[1]?.message.replace(missing, "<id>"),
        );
        expect(await store.findSession(session.tokenHash)).not.toBeNull();
      });

      it("refuses a raw token, a reused hash and an unknown user, naming the field", async () => {
        const store = getStore();
        const user = await newUser();
        const expiresAt = new Date(Date.now() + HOUR);
        await expectError(
          store.createSession({ tokenHash: "raw-session-token", userId: user.id, expiresAt }),
          BAD_USER_INPUT,
          "tokenHash",
        );
        const hash = tokenHash();
        await store.createSession({ tokenHash: hash, userId: user.id, expiresAt });
        await expectError(
          store.createSession({ tokenHash: hash, userId: user.id, expiresAt }),
          CONFLICT,
          "tokenHash",
        );
        await expectError(
          store.createSession({ tokenHash: tokenHash(), userId: "usr_missing", expiresAt }),
          NOT_FOUND,
          "userId",
        );
        await expectError(store.findSession("raw-session-token"), BAD_USER_INPUT, "tokenHash");
      });
    });

    describe("API tokens", () => {
      const tokenInput = (userId: string, name = "ci") => ({
        tokenHash: tokenHash(),
        userId,
        name,
        prefix: "wp_AbCdE",
        lastFour: "wxyz",
        scopes: ["paths:read", "contacts:read"],
        expiresAt: null,
      });

      it("round-trips a token with its user, lists, touches and revokes it once", async () => {
        const store = getStore();
        const user = await newUser();
        const input = tokenInput(user.id);
        const token = await store.createApiToken(input);
        expect(token.id).toMatch(/^tok_/);
        expect(token).toMatchObject({
          userId: user.id,
          name: "ci",
          prefix: "wp_AbCdE",
          lastFour: "wxyz",
          scopes: ["paths:read", "contacts:read"],
          expiresAt: null,
          lastUsedAt: null,
          revokedAt: null,
        });
        expect(token).not.toHaveProperty("tokenHash");
        expect(await store.findApiToken(input.tokenHash)).toEqual({ token, user });
        await nextMillisecond(); // ids made in one millisecond may sort either way
        const second = await store.createApiToken(tokenInput(user.id, "script"));
        expect((await store.listApiTokens(user.id)).map((t) => t.id)).toEqual([
          token.id,
          second.id,
        ]);

        const usedAt = new Date();
        await store.touchApiToken(token.id, usedAt);
        expect((await store.findApiToken(input.tokenHash))?.token.lastUsedAt).toEqual(usedAt);

        const revoked = await store.revokeApiToken(user.id, token.id);
        expect(revoked.revokedAt).toBeInstanceOf(Date);
        expect((await store.revokeApiToken(user.id, token.id)).revokedAt).toEqual(
          revoked.revokedAt,
        );
        expect((await store.findApiToken(input.tokenHash))?.token.revokedAt).toEqual(
          revoked.revokedAt,
        );
        expect(await store.findApiToken(tokenHash())).toBeNull();
      });

      it("answers NOT_FOUND for another user's token id exactly as for a missing one", async () => {
        const store = getStore();
        const alice = await newUser();
        const bob = await newUser();
        const token = await store.createApiToken(tokenInput(alice.id));
        const foreign = await expectError(store.revokeApiToken(bob.id, token.id), NOT_FOUND);
        const missing = await expectError(store.revokeApiToken(bob.id, "tok_missing"), NOT_FOUND);
        expect(foreign.field).toBe(missing.field);
        expect((await store.listApiTokens(alice.id))[0]?.revokedAt).toBeNull();
        expect(await store.listApiTokens(bob.id)).toEqual([]);
        await expectError(store.touchApiToken("tok_missing", new Date()), NOT_FOUND);
      });

      it("refuses a raw token, a reused hash and an unknown user, naming the field", async () => {
        const store = getStore();
        const user = await newUser();
        const input = tokenInput(user.id);
        await expectError(
          store.createApiToken({ ...input, tokenHash: "wp_raw-api-token" }),
          BAD_USER_INPUT,
          "tokenHash",
        );
        await store.createApiToken(input);
        await expectError(store.createApiToken(input), CONFLICT, "tokenHash");
        await expectError(store.createApiToken(tokenInput("usr_missing")), NOT_FOUND, "userId");
      });
    });
  });
}
