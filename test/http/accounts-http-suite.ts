/**
 * Accounts over real HTTP (issue 13), for a store factory so the same checks run on SQLite and
 * on the real Neo4j: every operation needs an identity once a user exists, scopes are enforced
 * per operation, tokens never mint wider tokens, the session cookie is refused from other sites
 * and rotated at sign-in and password change, sign-in is rate-limited, and none of the secrets
 * that went over the wire is found in what the store wrote.
 */
import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccount, mintApiToken, userScopes } from "../../src/accounts/index.js";
import { effectiveScopes, hashPassword, SCOPES, type Scope } from "../../src/auth/index.js";
import { buildWarmpathSchema } from "../../src/build-schema.js";
import type { NetworkStore, User } from "../../src/graph/index.js";
import { startHttpServer, type RunningServer } from "../../src/http-server.js";
import { NEED_EXTENSION } from "../../src/resolvers/index.js";
import { everyOperation } from "../support/minimal-operation.js";
import { bearer } from "../support/owner-token.js";
import { codes, cookie, graphql, type AuthResponse } from "./auth-client.js";

/** A store for the suite, and everything it has written, as text, for the secrets check. */
export interface StoreUnderTest {
  store: NetworkStore;
  writtenText(): Promise<string>;
  close(): Promise<void>;
}

const PASSWORD = "correct horse battery staple";
const SIGN_IN = `mutation ($email: String!, $password: String!) {
  signIn(input: { email: $email, password: $password }) { id email kind scopes }
}`;
const VIEWER = "{ viewer { id email kind scopes } }";

export function accountsHttpSuite(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`accounts over HTTP on ${name}`, () => {
    let tested: StoreUnderTest;
    let store: NetworkStore;
    let server: RunningServer;
    let admin: User;
    let port: number;
    // Fresh addresses each run: a Neo4j store may be shared with other suites and earlier runs.
    const run = randomUUID().slice(0, 8);
    const mail = (local: string) => `${local}-${run}@example.org`;
    /** Every secret that went over the wire, for the last test. */
    const secrets = new Set<string>([PASSWORD]);
    const keep = (answer: AuthResponse): AuthResponse => {
      if (answer.cookie) secrets.add(answer.cookie);
      for (const token of JSON.stringify(answer.json ?? {}).match(/wp_[A-Za-z0-9_-]{43}/g) ?? [])
        secrets.add(token);
      return answer;
    };

    beforeAll(async () => {
      tested = await open();
      store = tested.store;
      const owner = `accounts-${run}`;
      await store.ensureOwner(owner, { name: "Me" });
      // The owner's network is adopted as the first user of an empty store would adopt it.
      admin = await store.createUser({
        email: mail("ada"),
        name: "Ada",
        passwordHash: await hashPassword(PASSWORD),
        ownerId: owner,
        admin: true,
      });
      server = await startHttpServer({
        store,
        ownerId: owner,
        port: 0,
        host: "127.0.0.1",
        trustProxy: true,
        logger: pino({ level: "silent" }),
      });
      port = server.port;
    });
    afterAll(async () => {
      await server?.close();
      await tested?.close();
    });

    const tokenWith = async (scopes: readonly Scope[], user: User = admin) => {
      const { token } = await mintApiToken(
        store,
        { user, scopes: effectiveScopes(userScopes(user)) },
        { name: "test", scopes },
        new Date(),
      );
      secrets.add(token);
      return token;
    };
    // Each sign-in from its own address (the server trusts X-Forwarded-For here), so only the
    // account's failures count, whatever the order of the tests.
    let addresses = 0;
    const signIn = async (email = mail("ada"), password = PASSWORD, headers = {}) =>
      keep(
        await graphql(port, SIGN_IN, {
          variables: { email, password },
          headers: { "x-forwarded-for": `10.1.0.${++addresses % 250}`, ...headers },
        }),
      );

    it("adopted the single-user network: the first user's `me` is the owner's self", async () => {
      const token = await tokenWith(["contacts:read"]);
      const answer = await graphql(port, "{ me { name isSelf } }", { headers: bearer(token) });
      expect(answer.json.data.me).toEqual({ name: "Me", isSelf: true });
    });

    it("answers 401 UNAUTHENTICATED to every operation without an identity, but the sign-in ones", async () => {
      const operations = everyOperation(buildWarmpathSchema(), NEED_EXTENSION).filter(
        (op) => op.need !== "public",
      );
      expect(operations.length).toBeGreaterThan(60);
      for (const op of operations) {
        const answer = await graphql(port, op.document);
        expect([op.name, answer.status, codes(answer)]).toEqual([
          op.name,
          401,
          ["UNAUTHENTICATED"],
        ]);
        expect(answer.headers["www-authenticate"]).toMatch(/^Bearer/);
      }
      const open = await graphql(port, "mutation { passkeySignInOptions }");
      expect(open.status).toBe(200);
      expect(JSON.parse(open.json.data.passkeySignInOptions).challenge).toEqual(expect.any(String));
    });

    it("answers 403 FORBIDDEN to every operation that needs a scope the token lacks", async () => {
      const operations = everyOperation(buildWarmpathSchema(), NEED_EXTENSION);
      for (const scope of SCOPES) {
        const others = SCOPES.filter((s) => s !== scope && s !== "admin");
        const token = await tokenWith(others);
        for (const op of operations.filter((o) => o.need === scope)) {
          const answer = await graphql(port, op.document, { headers: bearer(token) });
          expect([op.name, answer.status, codes(answer)]).toEqual([op.name, 403, ["FORBIDDEN"]]);
          expect(answer.json.errors[0].message).toContain(scope);
        }
      }
    });

    it("refuses a token that is unknown, malformed or revoked with 401 before anything runs", async () => {
      const token = await tokenWith(["contacts:read"]);
      for (const header of [
        `Bearer wp_${"A".repeat(43)}`,
        "Bearer",
        "Basic YTpi",
        `Bearer ${token}x`,
      ]) {
        const answer = await graphql(port, VIEWER, { headers: { authorization: header } });
        expect([header, answer.status, codes(answer)]).toEqual([header, 401, ["UNAUTHENTICATED"]]);
      }
      const listed = await graphql(port, "{ apiTokens { id lastFour } }", {
        headers: bearer(token),
      });
      const mine = listed.json.data.apiTokens.find((t: any) => token.endsWith(t.lastFour));
      await graphql(port, `mutation { revokeApiToken(id: "${mine.id}") { revokedAt } }`, {
        headers: bearer(token),
      });
      expect((await graphql(port, VIEWER, { headers: bearer(token) })).status).toBe(401);
    });

    it("lets a token mint a narrower token, never a wider one, and shows the token only once", async () => {
      const token = await tokenWith(["contacts:read", "paths:read"]);
      const mint = (scopes: string[]) =>
        graphql(
          port,
          `
            mutation ($scopes: [String!]!) {
              createApiToken(input: { name: "n", scopes: $scopes }) {
                token
                apiToken {
                  id
                  prefix
                  lastFour
                  scopes
                }
              }
            }
          `,
          { variables: { scopes }, headers: bearer(token) },
        );
      const wider = await mint(["contacts:read", "contacts:write"]);
      expect([wider.status, codes(wider)]).toEqual([403, ["FORBIDDEN"]]);
      expect(wider.json.errors[0].message).toContain("contacts:write");
      expect(codes(await mint(["admin"]))).toEqual(["FORBIDDEN"]);
      const narrower = keep(await mint(["paths:read"]));
      const minted = narrower.json.data.createApiToken;
      expect(minted.token).toMatch(/^wp_[A-Za-z0-9_-]{43}$/);
      expect(minted.apiToken.scopes).toEqual(["paths:read"]);
      const viewer = await graphql(port, VIEWER, { headers: bearer(minted.token) });
      expect(viewer.json.data.viewer).toMatchObject({ kind: "token", scopes: ["paths:read"] });
      const listed = await graphql(port, "{ apiTokens { id prefix lastFour } }", {
        headers: bearer(token),
      });
      expect(JSON.stringify(listed.json)).not.toContain(minted.token);
      expect(listed.json.data.apiTokens).toContainEqual({
        id: minted.apiToken.id,
        prefix: minted.token.slice(0, 8),
        lastFour: minted.token.slice(-4),
      });
    });

    it("signs in with a password, setting a __Host- cookie that is HttpOnly, Secure and SameSite=Lax", async () => {
      const answer = await signIn();
      expect(answer.status).toBe(200);
      expect(answer.json.data.signIn).toMatchObject({ email: mail("ada"), kind: "session" });
      expect(answer.json.data.signIn.scopes).toContain("admin");
      const setCookie = String(answer.headers["set-cookie"]);
      expect(setCookie).toMatch(/^__Host-warmpath_session=[A-Za-z0-9_-]{43};/);
      for (const attribute of ["Path=/", "HttpOnly", "Secure", "SameSite=Lax", "Max-Age=2592000"])
        expect(setCookie).toContain(attribute);
      expect(setCookie).not.toMatch(/Domain=/i);
      const viewer = await graphql(port, VIEWER, { headers: cookie(answer.cookie!) });
      expect(viewer.json.data.viewer.email).toBe(mail("ada"));
    });

    it("answers one message for a wrong password and an unknown address", async () => {
      const wrong = await signIn(mail("ada"), "not the password at all");
      const unknown = await signIn("nobody@example.org", PASSWORD);
      expect([wrong.status, codes(wrong)]).toEqual([401, ["UNAUTHENTICATED"]]);
      expect(unknown.json.errors[0].message).toBe(wrong.json.errors[0].message);
    });

    it("refuses a cross-site POST that carries the cookie with 403, and allows a Bearer one from anywhere", async () => {
      const session = (await signIn()).cookie!;
      const crossSite = {
        ...cookie(session),
        origin: "https://evil.example",
        "sec-fetch-site": "cross-site",
      };
      const refused = await graphql(port, VIEWER, { headers: crossSite });
      expect([refused.status, codes(refused)]).toEqual([403, ["FORBIDDEN"]]);
      const oldBrowser = { ...cookie(session), origin: "https://evil.example" };
      expect((await graphql(port, VIEWER, { headers: oldBrowser })).status).toBe(403);
      const sameOrigin = {
        ...cookie(session),
        origin: `http://127.0.0.1:${port}`,
        "sec-fetch-site": "same-origin",
      };
      expect((await graphql(port, VIEWER, { headers: sameOrigin })).status).toBe(200);
      const token = await tokenWith(["contacts:read"]);
      const fromElsewhere = await graphql(port, VIEWER, {
        headers: {
          ...bearer(token),
          origin: "https://app.example",
          "sec-fetch-site": "cross-site",
        },
      });
      expect([fromElsewhere.status, fromElsewhere.json.data?.viewer.kind]).toEqual([200, "token"]);
    });

    it("ends the old session at sign-in: a token planted before sign-in is worth nothing", async () => {
      const first = (await signIn()).cookie!;
      const second = await signIn(mail("ada"), PASSWORD, cookie(first));
      expect(second.cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(second.cookie).not.toBe(first);
      expect((await graphql(port, VIEWER, { headers: cookie(first) })).status).toBe(401);
      expect((await graphql(port, VIEWER, { headers: cookie(second.cookie!) })).status).toBe(200);
    });

    it("ends every session at a password change, and gives the changing browser a new one", async () => {
      const user = await createAccount(store, {
        email: mail("bea"),
        name: "Bea",
        password: PASSWORD,
      });
      const laptop = (await signIn(user.email)).cookie!;
      const phone = (await signIn(user.email)).cookie!;
      const next = "a much longer passphrase for bea";
      secrets.add(next);
      const changed = await graphql(
        port,
        `
          mutation ($current: String!, $next: String!) {
            changePassword(input: { currentPassword: $current, newPassword: $next }) {
              email
            }
          }
        `,
        { variables: { current: PASSWORD, next }, headers: cookie(laptop) },
      );
      expect(changed.json.data.changePassword.email).toBe(user.email);
      expect(changed.cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
      for (const old of [laptop, phone])
        expect((await graphql(port, VIEWER, { headers: cookie(old) })).status).toBe(401);
      expect((await graphql(port, VIEWER, { headers: cookie(changed.cookie!) })).status).toBe(200);
      expect(codes(await signIn(user.email, PASSWORD))).toEqual(["UNAUTHENTICATED"]);
      expect((await signIn(user.email, next)).status).toBe(200);
    });

    it("signs out, clearing the cookie and ending the session", async () => {
      const session = (await signIn()).cookie!;
      const out = await graphql(port, "mutation { signOut }", { headers: cookie(session) });
      expect(out.json.data.signOut).toBe(true);
      expect(out.cookie).toBe("");
      expect((await graphql(port, VIEWER, { headers: cookie(session) })).status).toBe(401);
    });

    it("lists your sessions and revokes one; another user's session id is not found", async () => {
      const mine = (await signIn()).cookie!;
      const listed = await graphql(port, "{ sessions { id current userAgent } }", {
        headers: { ...cookie(mine), "user-agent": "test-browser/1" },
      });
      const current = listed.json.data.sessions.find((s: any) => s.current);
      expect(current).toBeDefined();
      const other = await createAccount(store, {
        email: mail("cy"),
        name: "Cy",
        password: PASSWORD,
      });
      const theirs = (await signIn(other.email)).cookie!;
      const theirId = (
        await graphql(port, "{ sessions { id current } }", { headers: cookie(theirs) })
      ).json.data.sessions.find((s: any) => s.current).id;
      const foreign = await graphql(port, `mutation { revokeSession(id: "${theirId}") }`, {
        headers: cookie(mine),
      });
      const missing = await graphql(
        port,
        `
          mutation {
            revokeSession(id: "ses_missing")
          }
        `,
        {
          headers: cookie(mine),
        },
      );
      expect(codes(foreign)).toEqual(["NOT_FOUND"]);
      expect(foreign.json.errors[0].message.replace(theirId, "ID")).toBe(
        missing.json.errors[0].message.replace("ses_missing", "ID"),
      );
      expect((await graphql(port, VIEWER, { headers: cookie(theirs) })).status).toBe(200);
      await graphql(port, `mutation { revokeSession(id: "${current.id}") }`, {
        headers: cookie(mine),
      });
      expect((await graphql(port, VIEWER, { headers: cookie(mine) })).status).toBe(401);
    });

    it("signs a new user up by invitation, with a network of their own, once", async () => {
      const adminSession = (await signIn()).cookie!;
      const invited = await graphql(
        port,
        `
        mutation {
          createInvitation(input: { email: "${mail("dee")}" }) {
            token
            invitation {
              email
              expiresAt
            }
          }
        }
      `,
        { headers: cookie(adminSession) },
      );
      const { token } = keep(invited).json.data.createInvitation;
      secrets.add(token);
      const signUp = async (email: string) =>
        keep(
          await graphql(
            port,
            `mutation ($t: String!, $e: String!) { signUp(input: { invitation: $t, email: $e, name: "Dee", password: "${PASSWORD}" }) { email kind scopes } }`,
            { variables: { t: token, e: email } },
          ),
        );
      expect(codes(await signUp(mail("someone-else")))).toEqual(["BAD_USER_INPUT"]);
      const joined = await signUp(mail("dee"));
      expect(joined.json.data.signUp).toMatchObject({ email: mail("dee"), kind: "session" });
      expect(joined.json.data.signUp.scopes).not.toContain("admin");
      const me = await graphql(port, "{ me { name } people { totalCount } }", {
        headers: cookie(joined.cookie!),
      });
      expect(me.json.data).toEqual({ me: { name: "Dee" }, people: { totalCount: 1 } });
      expect(codes(await signUp(mail("dee")))).toEqual(["NOT_FOUND"]);
      const notAdmin = await graphql(port, "mutation { createInvitation { token } }", {
        headers: cookie(joined.cookie!),
      });
      expect([notAdmin.status, codes(notAdmin)]).toEqual([403, ["FORBIDDEN"]]);
    });

    it("makes sign-in wait after 5 failures for an account (429, Retry-After), even with the right password", async () => {
      const user = await createAccount(store, {
        email: mail("eve"),
        name: "Eve",
        password: PASSWORD,
      });
      // Another address for each try, so only the account's count is at work.
      const from = (i: number) => ({ "x-forwarded-for": `10.0.0.${i}` });
      for (let i = 0; i < 5; i++)
        expect(codes(await signIn(user.email, "wrong password, try again", from(i)))).toEqual([
          "UNAUTHENTICATED",
        ]);
      const waiting = await signIn(user.email, PASSWORD, from(9));
      expect([waiting.status, codes(waiting)]).toEqual([429, ["RATE_LIMITED"]]);
      expect(Number(waiting.headers["retry-after"])).toBeGreaterThanOrEqual(1);
      expect(waiting.json.errors[0].extensions.retryAfter).toBeGreaterThanOrEqual(1);
      expect(waiting.cookie).toBeUndefined();
    });

    it("makes sign-in from one address wait after 5 failures, whichever accounts were tried", async () => {
      const from = { "x-forwarded-for": "10.2.0.1" };
      for (let i = 0; i < 5; i++)
        expect(
          codes(await signIn(`guess-${i}@example.org`, "wrong password, try again", from)),
        ).toEqual(["UNAUTHENTICATED"]);
      const waiting = await signIn(mail("ada"), PASSWORD, from);
      expect([waiting.status, codes(waiting)]).toEqual([429, ["RATE_LIMITED"]]);
      expect((await signIn(mail("ada"), PASSWORD)).status).toBe(200);
    });

    it("keeps none of the passwords, session tokens, API tokens and invitations it handled at rest", async () => {
      expect(secrets.size).toBeGreaterThan(20);
      const written = await tested.writtenText();
      expect(written).toContain(mail("ada"));
      const found = [...secrets].filter((secret) => written.includes(secret));
      expect(found).toEqual([]);
    });

    it("keeps /healthz and /readyz open", async () => {
      for (const path of ["/healthz", "/readyz"]) {
        const response = await fetch(`http://127.0.0.1:${port}${path}`);
        expect([path, response.status]).toEqual([path, 200]);
      }
    });
  });
}
