/**
 * The end of every way of signing in (password, passkey, sign-up): a new session whose token
 * goes into the cookie. The session the request came with, if any, is ended: the token is
 * rotated at sign-in, so a token planted before sign-in (session fixation) is worth nothing.
 */
import { endSession, sessionActor, startSession, type Actor } from "../accounts/index.js";
import { ErrorCode, WarmpathError } from "../errors.js";
import type { User } from "../graph/index.js";
import type { RequestSide, WarmpathContext } from "./context.js";

/** The HTTP side of a request that signs in; BAD_REQUEST when the schema runs without HTTP. */
export function requestSide(ctx: WarmpathContext): RequestSide {
  if (!ctx.http)
    throw new WarmpathError(ErrorCode.BAD_REQUEST, "Signing in needs an HTTP request (a cookie).");
  return ctx.http;
}

/** Signs `user` in on this request's browser; returns the actor of the new session. */
export async function signInAs(ctx: WarmpathContext, user: User): Promise<Actor> {
  const http = requestSide(ctx);
  if (http.sessionToken !== null) await endSession(ctx.store, http.sessionToken);
  const { token, session } = await startSession(ctx.store, user, http.userAgent, ctx.now);
  http.setSessionCookie(token, session.expiresAt);
  return sessionActor(user, session.id);
}
