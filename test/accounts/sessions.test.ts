import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateSession, startSession } from "../../src/accounts/index.js";
import { hashToken } from "../../src/auth/index.js";
import type { NetworkStore, User } from "../../src/graph/index.js";
import { counting, storeFile } from "./store-file.js";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const at = (start: Date, ms: number) => new Date(start.getTime() + ms);

describe("browser sessions", () => {
  let store: NetworkStore;
  let user: User;
  // The store stamps a new session with the wall clock, so the test starts from it.
  const start = new Date();

  beforeAll(async () => {
    store = await storeFile();
    user = await store.createUser({ email: "sessions@example.org", name: "Ses" });
  });
  afterAll(() => store.close());

  const lookUp = async (token: string) => (await store.findSession(hashToken(token)))?.session;

  it("starts a session stored by its token's hash, living 30 days, with the user agent", async () => {
    const { token, session } = await startSession(store, user, "Firefox/140", start);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.tokenHash).toBe(hashToken(token));
    expect(session.expiresAt).toEqual(at(start, 30 * DAY));
    expect(session.userAgent).toBe("Firefox/140");
  });

  it("writes nothing for a request within 5 minutes, then records when it was last seen", async () => {
    const { token } = await startSession(store, user, null, start);
    const watched = counting(store);
    expect(
      (await authenticateSession(watched.store, token, at(start, MINUTE)))?.actor,
    ).toMatchObject({
      kind: "session",
      ownerId: user.ownerId,
    });
    expect(watched.calls.get("touchSession")).toBeUndefined();
    await authenticateSession(store, token, at(start, 6 * MINUTE));
    expect((await lookUp(token))?.lastSeenAt).toEqual(at(start, 6 * MINUTE));
    expect((await lookUp(token))?.expiresAt).toEqual(at(start, 30 * DAY));
  });

  it("extends the session once half its life is gone, and asks for the cookie again", async () => {
    const { token } = await startSession(store, user, null, start);
    expect((await authenticateSession(store, token, at(start, 14 * DAY)))?.extendedTo).toBeNull();
    const later = at(start, 16 * DAY);
    const found = await authenticateSession(store, token, later);
    expect(found?.extendedTo).toEqual(at(later, 30 * DAY));
    expect((await lookUp(token))?.expiresAt).toEqual(at(later, 30 * DAY));
  });

  it("ends an expired session and a disabled user's, and knows no made-up token", async () => {
    const { token } = await startSession(store, user, null, start);
    expect(await authenticateSession(store, token, at(start, 30 * DAY))).toBeNull();
    expect(await lookUp(token)).toBeUndefined();
    const other = await store.createUser({ email: "disabled@example.org", name: "Dis" });
    const theirs = await startSession(store, other, null, start);
    await store.disableUser(other.id);
    expect(await authenticateSession(store, theirs.token, at(start, MINUTE))).toBeNull();
    expect(await authenticateSession(store, "A".repeat(43), start)).toBeNull();
  });
});
