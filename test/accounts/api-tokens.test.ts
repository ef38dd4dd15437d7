import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  API_TOKEN_DEFAULTS,
  authenticateApiToken,
  createAccount,
  listApiTokens,
  mintApiToken,
  revokeApiToken,
  userScopes,
  type TokenGrantor,
} from "../../src/accounts/index.js";
import {
  effectiveScopes,
  generateSessionToken,
  hashToken,
  type Scope,
} from "../../src/auth/index.js";
import { ErrorCode } from "../../src/errors.js";
import type { NetworkStore, User } from "../../src/graph/index.js";
import { counting, storeFile } from "./store-file.js";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const NOW = new Date("2026-12-01T12:00:00.000Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);

let store: NetworkStore;
let ada: User;
let root: User;

/** A grantor with the user's own scopes, as a session or the local command line has them. */
const own = (user: User): TokenGrantor => ({ user, scopes: effectiveScopes(userScopes(user)) });
const holding = (user: User, scopes: Scope[]): TokenGrantor => ({
  user,
  scopes: effectiveScopes(scopes),
});
const READ = { name: "laptop", scopes: ["paths:read", "contacts:read"] };

beforeEach(async () => {
  store = await storeFile();
  ada = await createAccount(store, { email: "ada@example.com", name: "Ada" });
  root = await createAccount(store, { email: "root@example.com", name: "Root", admin: true });
});
afterEach(() => store.close());

describe("mintApiToken: arguments", () => {
  it("refuses an unknown scope with BAD_USER_INPUT naming its position", async () => {
    await expect(
      mintApiToken(store, own(ada), { name: "x", scopes: ["paths:read", "paths:write"] }, NOW),
    ).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: "scopes[1]" });
  });

  it("refuses an empty list of scopes", async () => {
    await expect(
      mintApiToken(store, own(ada), { name: "x", scopes: [] }, NOW),
    ).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: "scopes" });
  });

  it.each([0, -1, 1.5, 3651, Number.NaN])(
    "refuses %s days of life with BAD_USER_INPUT on expiresInDays",
    async (days) => {
      await expect(
        mintApiToken(store, own(ada), { ...READ, expiresInDays: days }, NOW),
      ).rejects.toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: "expiresInDays" });
      expect(await listApiTokens(store, ada.id)).toEqual([]);
    },
  );
});

describe("mintApiToken", () => {
  it("returns the token once and stores only its hash, prefix and last four", async () => {
    const { token, record } = await mintApiToken(store, own(ada), READ, NOW);
    expect(token).toMatch(/^wp_[A-Za-z0-9_-]{43}$/);
    expect(record).toMatchObject({
      userId: ada.id,
      name: "laptop",
      prefix: token.slice(0, 8),
      lastFour: token.slice(-4),
      scopes: ["paths:read", "contacts:read"],
      revokedAt: null,
      lastUsedAt: null,
    });
    expect((await store.findApiToken(hashToken(token)))?.token.id).toBe(record.id);
    expect(JSON.stringify(await listApiTokens(store, ada.id))).not.toContain(token.slice(8, -4));
  });

  it(`expires after ${API_TOKEN_DEFAULTS.expiresInDays} days unless told otherwise`, async () => {
    const { record } = await mintApiToken(store, own(ada), READ, NOW);
    expect(record.expiresAt).toEqual(later(90 * DAY));
  });

  it("lives 1 to 3650 days when asked, or never with null", async () => {
    const day = await mintApiToken(store, own(ada), { ...READ, expiresInDays: 1 }, NOW);
    const most = await mintApiToken(store, own(ada), { ...READ, expiresInDays: 3650 }, NOW);
    const never = await mintApiToken(store, own(ada), { ...READ, expiresInDays: null }, NOW);
    expect(day.record.expiresAt).toEqual(later(DAY));
    expect(most.record.expiresAt).toEqual(later(3650 * DAY));
    expect(never.record.expiresAt).toBeNull();
  });

  it("never mints a token wider than its grantor: FORBIDDEN naming what is missing", async () => {
    const narrow = holding(ada, ["paths:read"]);
    const refused = mintApiToken(
      store,
      narrow,
      { name: "wider", scopes: ["paths:read", "contacts:read", "contacts:write"] },
      NOW,
    );
    await expect(refused).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN, field: "scopes" });
    await expect(refused).rejects.toThrow(/contacts:read, contacts:write/);
    expect(await listApiTokens(store, ada.id)).toEqual([]);
    await expect(
      mintApiToken(store, narrow, { name: "same", scopes: ["paths:read"] }, NOW),
    ).resolves.toBeDefined();
  });

  it("never gives admin to a user who is not an administrator, whatever the grantor holds", async () => {
    for (const grantor of [own(ada), holding(ada, ["admin"])])
      await expect(
        mintApiToken(store, grantor, { name: "root", scopes: ["admin"] }, NOW),
      ).rejects.toMatchObject({
        code: ErrorCode.FORBIDDEN,
        message: expect.stringContaining("admin"),
      });
  });

  it("gives admin, and through it anything, to an administrator", async () => {
    const { record } = await mintApiToken(
      store,
      own(root),
      { name: "ops", scopes: ["admin"] },
      NOW,
    );
    expect(record.scopes).toEqual(["admin"]);
    await expect(
      mintApiToken(store, holding(root, ["admin"]), { name: "any", scopes: ["mcp"] }, NOW),
    ).resolves.toBeDefined();
  });

  it("refuses a disabled user with FORBIDDEN", async () => {
    const disabled = await store.disableUser(ada.id);
    await expect(mintApiToken(store, own(disabled), READ, NOW)).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
  });
});

describe("authenticateApiToken", () => {
  it("answers the token's actor: its user, its network and exactly its scopes", async () => {
    const { token, record } = await mintApiToken(store, own(ada), READ, NOW);
    const actor = await authenticateApiToken(store, token, later(MINUTE));
    expect(actor).toMatchObject({ kind: "token", ownerId: ada.ownerId, tokenId: record.id });
    expect(actor?.kind === "token" && actor.user.id).toBe(ada.id);
    expect([...actor!.scopes].sort()).toEqual(["contacts:read", "paths:read"]);
  });

  it("answers null for a token nobody minted", async () => {
    const { token } = await mintApiToken(store, own(ada), READ, NOW);
    const other = `wp_${"A".repeat(43)}`;
    expect(other).not.toBe(token);
    expect(await authenticateApiToken(store, other, NOW)).toBeNull();
  });

  it("answers null once the token is revoked", async () => {
    const { token, record } = await mintApiToken(store, own(ada), READ, NOW);
    const revoked = await revokeApiToken(store, ada.id, record.id);
    expect(revoked.revokedAt).not.toBeNull();
    expect(await authenticateApiToken(store, token, NOW)).toBeNull();
  });

  it("answers null from the instant the token expires", async () => {
    const { token } = await mintApiToken(store, own(ada), { ...READ, expiresInDays: 1 }, NOW);
    expect(await authenticateApiToken(store, token, later(DAY - 1))).not.toBeNull();
    expect(await authenticateApiToken(store, token, later(DAY))).toBeNull();
  });

  it("never expires a token minted to live forever", async () => {
    const { token } = await mintApiToken(store, own(ada), { ...READ, expiresInDays: null }, NOW);
    expect(await authenticateApiToken(store, token, later(20 * 365 * DAY))).not.toBeNull();
  });

  it("answers null once the user is disabled", async () => {
    const { token } = await mintApiToken(store, own(ada), READ, NOW);
    await store.disableUser(ada.id);
    expect(await authenticateApiToken(store, token, NOW)).toBeNull();
  });

  it("writes last used on first use, then at most once per touch interval", async () => {
    const { token, record } = await mintApiToken(store, own(ada), READ, NOW);
    const { store: watched, calls } = counting(store);
    const lastUsed = async () =>
      (await listApiTokens(store, ada.id)).find((t) => t.id === record.id)!.lastUsedAt;

    await authenticateApiToken(watched, token, NOW);
    expect(await lastUsed()).toEqual(NOW);
    await authenticateApiToken(watched, token, later(MINUTE));
    await authenticateApiToken(watched, token, later(5 * MINUTE - 1));
    expect(calls.get("touchApiToken")).toBe(1);
    expect(await lastUsed()).toEqual(NOW);

    await authenticateApiToken(watched, token, later(5 * MINUTE));
    expect(calls.get("touchApiToken")).toBe(2);
    expect(await lastUsed()).toEqual(later(5 * MINUTE));
  });

  it("answers null for a malformed token without looking anything up", async () => {
    const { token } = await mintApiToken(store, own(ada), READ, NOW);
    const { store: watched, calls } = counting(store);
    const malformed = [
      "",
      "wp_",
      token.slice(0, -1),
      `${token}A`,
      `xx_${token.slice(3)}`,
      token.slice(3),
      generateSessionToken(),
      `${token.slice(0, -1)}=`,
      `${token.slice(0, -1)}+`,
      ` ${token}`,
      `${token}\n`,
      `Bearer ${token}`,
    ];
    for (const text of malformed) expect(await authenticateApiToken(watched, text, NOW)).toBeNull();
    expect(calls.size).toBe(0);
    expect(await authenticateApiToken(watched, token, NOW)).not.toBeNull();
    expect(calls.get("findApiToken")).toBe(1);
  });
});

describe("listApiTokens and revokeApiToken", () => {
  it("list a user's tokens, revoked ones too, and nobody else's", async () => {
    const first = await mintApiToken(store, own(ada), READ, NOW);
    const second = await mintApiToken(store, own(ada), { ...READ, name: "ci" }, NOW);
    await revokeApiToken(store, ada.id, first.record.id);
    const listed = await listApiTokens(store, ada.id);
    // Both were minted within a millisecond or so: the store's order between them is its own.
    expect(listed.map((t) => t.id).sort()).toEqual([first.record.id, second.record.id].sort());
    expect(listed.find((t) => t.id === first.record.id)!.revokedAt).not.toBeNull();
    expect(listed.find((t) => t.id === second.record.id)!.revokedAt).toBeNull();
    expect(await listApiTokens(store, root.id)).toEqual([]);
  });

  it("revoke only the user's own tokens: NOT_FOUND for another user's", async () => {
    const { token, record } = await mintApiToken(store, own(ada), READ, NOW);
    await expect(revokeApiToken(store, root.id, record.id)).rejects.toMatchObject({
      code: ErrorCode.NOT_FOUND,
    });
    expect(await authenticateApiToken(store, token, NOW)).not.toBeNull();
  });
});
