import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAccount, setPassword, startSession } from "../../src/accounts/index.js";
import { verifyPassword } from "../../src/auth/index.js";
import { ErrorCode } from "../../src/errors.js";
import type { NetworkStore } from "../../src/graph/index.js";
import { storeFile } from "./store-file.js";

const PASSWORD = "correct horse battery staple";
const ADA = { email: "Ada@Example.com", name: "Ada Lovelace", password: PASSWORD };

let store: NetworkStore;
beforeEach(async () => {
  store = await storeFile();
});
afterEach(() => store.close());

describe("createAccount", () => {
  it("refuses a password shorter than the policy, on `password`, and creates nobody", async () => {
    await expect(createAccount(store, { ...ADA, password: "too short" })).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      field: "password",
    });
    expect(await store.countUsers()).toBe(0);
  });

  it("stores an argon2id hash of the password, never the password", async () => {
    const user = await createAccount(store, ADA);
    expect(user.email).toBe("ada@example.com");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
    expect(await verifyPassword(user.passwordHash!, PASSWORD)).toBe(true);
  });

  it("creates a user without a password when none is given", async () => {
    const user = await createAccount(store, { ...ADA, password: null });
    expect(user.passwordHash).toBeNull();
  });

  it("makes an administrator only when asked", async () => {
    expect((await createAccount(store, ADA)).admin).toBe(false);
    const grace = await createAccount(store, { ...ADA, email: "grace@example.com", admin: true });
    expect(grace.admin).toBe(true);
  });

  it("lets the first user adopt the existing network, its people staying where they are", async () => {
    await store.ensureOwner("me", { name: "Me" });
    const bob = await store.create("me", "person", { name: "Bob" });
    const user = await createAccount(store, ADA, { adoptOwner: "me" });
    expect(user.ownerId).toBe("me");
    expect((await store.get("me", "person", bob.id)).name).toBe("Bob");
  });

  it("gives every later user a network of their own, even when asked to adopt", async () => {
    await createAccount(store, ADA, { adoptOwner: "me" });
    const grace = await createAccount(
      store,
      { ...ADA, email: "grace@example.com" },
      { adoptOwner: "me" },
    );
    expect(grace.ownerId).not.toBe("me");
  });

  it("gives the first user a new network when there is nothing to adopt", async () => {
    expect((await createAccount(store, ADA)).ownerId).not.toBe("me");
  });

  it("refuses an address that has an account already, whatever its case, with CONFLICT on `email`", async () => {
    await createAccount(store, ADA);
    await expect(
      createAccount(store, { ...ADA, email: " ADA@example.COM " }),
    ).rejects.toMatchObject({ code: ErrorCode.CONFLICT, field: "email" });
  });
});

describe("setPassword", () => {
  it("refuses a password that breaks the policy, keeping the old one", async () => {
    const user = await createAccount(store, ADA);
    await expect(setPassword(store, user.id, "short")).rejects.toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      field: "password",
    });
    const kept = await store.getUser(user.id);
    expect(await verifyPassword(kept.passwordHash!, PASSWORD)).toBe(true);
  });

  it("sets the new password and ends every session of the user, and only theirs", async () => {
    const user = await createAccount(store, ADA);
    const grace = await createAccount(store, { ...ADA, email: "grace@example.com" });
    const now = new Date();
    const mine = [
      await startSession(store, user, null, now),
      await startSession(store, user, null, now),
    ];
    const hers = await startSession(store, grace, null, now);

    expect(await setPassword(store, user.id, "a whole new passphrase")).toBe(2);

    const changed = await store.getUser(user.id);
    expect(await verifyPassword(changed.passwordHash!, "a whole new passphrase")).toBe(true);
    expect(await verifyPassword(changed.passwordHash!, PASSWORD)).toBe(false);
    for (const { session } of mine) expect(await store.findSession(session.tokenHash)).toBeNull();
    expect(await store.findSession(hers.session.tokenHash)).not.toBeNull();
  });

  it("answers NOT_FOUND for an unknown user", async () => {
    await expect(setPassword(store, "usr_nobody", "a whole new passphrase")).rejects.toMatchObject({
      code: ErrorCode.NOT_FOUND,
    });
  });
});
