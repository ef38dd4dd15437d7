/**
 * Who each HTTP request is, under the modes of issue 13:
 *
 * - single-user: no user exists and the server is bound to loopback (or runs embedded on
 *   loopback): every request acts as the one owner, as before accounts existed.
 * - accounts: once any user exists, on loopback too, every request needs an identity: the
 *   session cookie or an API token (`Authorization: Bearer`). The switch happens at the first
 *   request after a user is created, without a restart, and is never undone.
 * - setup: no user yet and a one-time setup token was printed; only `setUp` works.
 *
 * A server bound to another interface with no user and no setup token refuses to start.
 */
import type { IncomingMessage } from "node:http";
import {
  authenticateApiToken,
  authenticateSession,
  ownerActor,
  type Actor,
  type SetupToken,
} from "../accounts/index.js";
import { ErrorCode, WarmpathError } from "../errors.js";
import type { NetworkStore } from "../graph/index.js";
import { readBearerToken } from "./bearer-token.js";
import { isLoopbackHost } from "./host-guard.js";
import { readSessionCookie } from "./session-cookie.js";

export type AuthMode = "single-user" | "accounts" | "setup";

/** What the gate found: the actor (null: none), the cookie's token, and the cookie to send back. */
export interface RequestIdentity {
  actor: Actor | null;
  /** True when the actor came from the cookie: cross-site checks apply. */
  byCookie: boolean;
  sessionToken: string | null;
  /** Send the cookie again until this time (the session was extended). */
  extendCookieTo: Date | null;
  /** The cookie named a session that is gone or expired: clear it. */
  clearCookie: boolean;
}

export const invalidToken = (): WarmpathError =>
  new WarmpathError(
    ErrorCode.UNAUTHENTICATED,
    "The API token is not valid (revoked, expired or unknown).",
  );

export interface AuthGateOptions {
  store: NetworkStore;
  /** The single-user install's owner, adopted by the first account. */
  ownerId: string;
  host: string;
  setup: SetupToken | null;
}

/** One line, for the operator, on how to set up accounts before serving other machines. */
export const NO_ACCOUNTS_LINE =
  'refusing to serve HOST %s without accounts: create the first with `warmpath user create --admin --email you@example.com --name "Your Name"`, or set WARMPATH_SETUP=1 to print a one-time setup token';

export class AuthGate {
  private latched = false;

  private constructor(private readonly o: AuthGateOptions) {}

  /** The gate for a server about to listen; FORBIDDEN when it must not start. */
  static async open(o: AuthGateOptions): Promise<AuthGate> {
    const gate = new AuthGate(o);
    // On loopback the mode is found per request, so a server starts while its store is down.
    if (!isLoopbackHost(o.host) && (await gate.mode()) === "single-user")
      throw new WarmpathError(ErrorCode.FORBIDDEN, NO_ACCOUNTS_LINE.replace("%s", o.host));
    return gate;
  }

  async mode(): Promise<AuthMode> {
    if (this.latched) return "accounts";
    if ((await this.o.store.countUsers()) > 0) {
      this.latched = true;
      return "accounts";
    }
    return this.o.setup && !this.o.setup.spent ? "setup" : "single-user";
  }

  /** The request's identity; UNAUTHENTICATED for a Bearer token that is malformed or not valid. */
  async identify(request: IncomingMessage, now: Date): Promise<RequestIdentity> {
    const none: RequestIdentity = {
      actor: null,
      byCookie: false,
      sessionToken: null,
      extendCookieTo: null,
      clearCookie: false,
    };
    const bearer = readBearerToken(request.headers.authorization);
    if (bearer === "malformed") throw invalidToken();
    if (bearer !== null) {
      const actor = await authenticateApiToken(this.o.store, bearer, now);
      if (actor === null) throw invalidToken();
      return { ...none, actor };
    }
    const mode = await this.mode();
    if (mode === "single-user") return { ...none, actor: ownerActor(this.o.ownerId) };
    const sessionToken = readSessionCookie(request.headers.cookie);
    if (sessionToken === null) return none;
    const session = await authenticateSession(this.o.store, sessionToken, now);
    if (session === null) return { ...none, clearCookie: true };
    return {
      actor: session.actor,
      byCookie: true,
      sessionToken,
      extendCookieTo: session.extendedTo,
      clearCookie: false,
    };
  }
}
