/**
 * The passkey operations through the real schema, on a SQLite store, with a request side that
 * records the cookie it is asked to set. The over-HTTP tests live with the HTTP server.
 */
// The resolvers are imported here before src/server.js, which would load the polyfill first.
import "reflect-metadata";
import type { ApolloServer } from "@apollo/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  authenticateSession,
  ownerActor,
  PasskeyCeremonies,
  startSession,
  tokenActor,
  type Actor,
} from "../../src/accounts/index.js";
import type { NetworkStore, User } from "../../src/graph/index.js";
import { SqliteStore } from "../../src/graph/store/sqlite/sqlite-store.js";
import {
  createContext,
  type RequestSide,
  type WarmpathContext,
} from "../../src/resolvers/index.js";
import { createWarmpathServer } from "../../src/server.js";
import type { Result } from "../api/graphql-harness.js";
import { SoftwareAuthenticator } from "../support/software-authenticator.js";

const RP = { id: "warmpath.test", origin: "https://warmpath.test" };
const NOW = new Date("2026-12-01T10:00:00Z");

const REGISTRATION_OPTIONS = "mutation { passkeyRegistrationOptions }";
const REGISTER = `mutation ($response: String!, $name: String!) {
  registerPasskey(response: $response, name: $name) {
    id name createdAt lastUsedAt deviceType backedUp
  }
}`;
const PASSKEYS = "{ passkeys { id name lastUsedAt } }";
const REMOVE = "mutation ($id: ID!) { removePasskey(id: $id) }";
const SIGN_IN_OPTIONS = "mutation { passkeySignInOptions }";
const SIGN_IN = `mutation ($response: String!) {
  signInWithPasskey(response: $response) { id email name admin scopes }
}`;

/** A request side that records the cookies it was asked to set. */
function requestSide(sessionToken: string | null = null) {
  const cookies: { token: string; expiresAt: Date }[] = [];
  const http: RequestSide = {
    sessionToken,
    setSessionCookie: (token, expiresAt) => cookies.push({ token, expiresAt }),
    clearSessionCookie: () => {},
    userAgent: "vitest",
    address: "127.0.0.1",
    relyingParty: RP,
  };
  return { http, cookies };
}

describe("passkeys through GraphQL", () => {
  let store: NetworkStore;
  let server: ApolloServer<WarmpathContext>;
  let ceremonies: PasskeyCeremonies;
  let alice: User;
  let bob: User;

  beforeEach(async () => {
    store = new SqliteStore({ path: ":memory:" });
    await store.init();
    server = createWarmpathServer({ logError: (e) => console.error(e) });
    await server.start();
    ceremonies = new PasskeyCeremonies();
    alice = await store.createUser({ email: "alice@example.org", name: "Alice" });
    bob = await store.createUser({ email: "bob@example.org", name: "Bob" });
  });
  afterEach(async () => {
    await server.stop();
    await store.close();
  });

  /** Runs one operation as `actor`; `passkeys: false` runs it on a server without passkeys. */
  async function run(
    actor: Actor | null,
    query: string,
    variables: Record<string, unknown> = {},
    { http = requestSide().http, passkeys = true } = {},
  ): Promise<Result> {
    const context: WarmpathContext = {
      ...createContext(store, actor, () => NOW, { http }),
      ...(passkeys ? { passkeys: ceremonies } : {}),
    };
    const response = await server.executeOperation({ query, variables }, { contextValue: context });
    if (response.body.kind !== "single") throw new Error("expected a single result");
    return response.body.singleResult as Result;
  }

  const codeOf = (result: Result) => result.errors?.[0]?.extensions?.code;

  /** A signed-in browser session of `user`. */
  async function sessionOf(user: User): Promise<Actor> {
    const { token } = await startSession(store, user, "vitest", NOW);
    return (await authenticateSession(store, token, NOW))!.actor;
  }

  /** Registers a new software authenticator in `user`'s session, through the schema. */
  async function registerThrough(actor: Actor, name = "Laptop") {
    const authenticator = new SoftwareAuthenticator();
    const options = await run(actor, REGISTRATION_OPTIONS);
    const response = authenticator.register(options.data!.passkeyRegistrationOptions, {
      origin: RP.origin,
    });
    const result = await run(actor, REGISTER, { response: JSON.stringify(response), name });
    return { authenticator, result };
  }

  it("registers a passkey in a session, then signs in with it and sets the cookie", async () => {
    const { authenticator, result } = await registerThrough(await sessionOf(alice));
    expect(result.errors).toBeUndefined();
    expect(result.data!.registerPasskey).toMatchObject({
      id: authenticator.credentialId,
      name: "Laptop",
      lastUsedAt: null,
      deviceType: "SINGLE_DEVICE",
      backedUp: false,
    });

    const options = await run(null, SIGN_IN_OPTIONS);
    expect(JSON.parse(options.data!.passkeySignInOptions)).toMatchObject({
      rpId: RP.id,
      userVerification: "required",
    });
    const response = authenticator.authenticate(options.data!.passkeySignInOptions, {
      origin: RP.origin,
    });
    const { http, cookies } = requestSide();
    const signedIn = await run(null, SIGN_IN, { response: JSON.stringify(response) }, { http });
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data!.signInWithPasskey).toMatchObject({
      id: alice.id,
      email: "alice@example.org",
      name: "Alice",
      admin: false,
    });
    expect(signedIn.data!.signInWithPasskey.scopes).not.toContain("admin");
    expect(cookies).toHaveLength(1);
    const session = await authenticateSession(store, cookies[0]!.token, NOW);
    expect(session?.actor).toMatchObject({ kind: "session", user: { id: alice.id } });

    const listed = await run(session!.actor, PASSKEYS);
    expect(listed.data!.passkeys).toEqual([
      { id: authenticator.credentialId, name: "Laptop", lastUsedAt: NOW.toISOString() },
    ]);
  });

  it("sets no cookie when the passkey answer does not verify", async () => {
    const { authenticator } = await registerThrough(await sessionOf(alice));
    const options = await run(null, SIGN_IN_OPTIONS);
    const response = authenticator.authenticate(options.data!.passkeySignInOptions, {
      origin: RP.origin,
      userVerified: false,
    });
    const { http, cookies } = requestSide();
    const result = await run(null, SIGN_IN, { response: JSON.stringify(response) }, { http });
    expect(codeOf(result)).toBe("UNAUTHENTICATED");
    expect(result.errors![0]!.message).toBe("Passkey sign-in failed.");
    expect(cookies).toEqual([]);
  });

  it("refuses text that is not a WebAuthn response as BAD_USER_INPUT on response", async () => {
    const result = await run(null, SIGN_IN, { response: "not json" });
    expect(result.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "response",
    });
  });

  it("never shows a passkey's public key or counter", async () => {
    const result = await run(await sessionOf(alice), "{ passkeys { id publicKey counter } }");
    expect(codeOf(result)).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("removes a passkey; another user's id is NOT_FOUND like a missing one", async () => {
    const aliceSession = await sessionOf(alice);
    const { authenticator } = await registerThrough(aliceSession);
    const id = authenticator.credentialId;
    const bobSession = await sessionOf(bob);
    const theirs = await run(bobSession, REMOVE, { id });
    const missing = await run(bobSession, REMOVE, { id: "bm8tc3VjaC1rZXk" });
    expect([codeOf(theirs), codeOf(missing)]).toEqual(["NOT_FOUND", "NOT_FOUND"]);
    expect((await run(bobSession, PASSKEYS)).data!.passkeys).toEqual([]);

    expect((await run(aliceSession, REMOVE, { id })).data!.removePasskey).toBe(true);
    expect((await run(aliceSession, PASSKEYS)).data!.passkeys).toEqual([]);
  });

  it("adds passkeys only in a browser session, not with an API token", async () => {
    const token = tokenActor(alice, "token_1", ["contacts:read"]);
    const { result } = await registerThrough(token);
    expect(codeOf(result)).toBe("FORBIDDEN");
    expect(await store.listPasskeys(alice.id)).toEqual([]);
  });

  it("tells the owner of an install without accounts to create one first", async () => {
    const result = await run(ownerActor(alice.ownerId), REGISTRATION_OPTIONS);
    expect(codeOf(result)).toBe("FORBIDDEN");
    expect(result.errors![0]!.message).toMatch(/warmpath user create --admin/);
  });

  it("needs an identity for everything but the sign-in operations", async () => {
    for (const query of [REGISTRATION_OPTIONS, PASSKEYS]) {
      expect(codeOf(await run(null, query))).toBe("UNAUTHENTICATED");
    }
    expect(codeOf(await run(null, REMOVE, { id: "abc" }))).toBe("UNAUTHENTICATED");
    expect((await run(null, SIGN_IN_OPTIONS)).errors).toBeUndefined();
  });

  it("answers UNAVAILABLE on a server without passkeys", async () => {
    const session = await sessionOf(alice);
    const options = await run(session, REGISTRATION_OPTIONS, {}, { passkeys: false });
    const signIn = await run(null, SIGN_IN_OPTIONS, {}, { passkeys: false });
    expect([codeOf(options), codeOf(signIn)]).toEqual(["UNAVAILABLE", "UNAVAILABLE"]);
  });
});
