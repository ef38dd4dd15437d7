/**
 * Browser sessions after the Lucia guide: a session is a random token in a cookie, stored as
 * its SHA-256; it lives 30 days from its last extension (see src/auth/session-lifetime.ts).
 */
import type { NetworkStore, Session, User } from "../graph/index.js";
import {
  extendedExpiry,
  generateSessionToken,
  hashToken,
  isExpired,
  newSessionExpiry,
  shouldTouch,
} from "../auth/index.js";
import { sessionActor, type Actor } from "./actor.js";

export interface StartedSession {
  /** The raw token, for the cookie only: it is never stored. */
  token: string;
  session: Session;
}

/** A new session for `user`, who has just proved who they are. */
export async function startSession(
  store: NetworkStore,
  user: User,
  userAgent: string | null,
  now: Date,
): Promise<StartedSession> {
  const token = generateSessionToken();
  const session = await store.createSession({
    tokenHash: hashToken(token),
    userId: user.id,
    expiresAt: newSessionExpiry(now),
    userAgent: userAgent?.slice(0, 500) ?? null,
  });
  return { token, session };
}

export interface AuthenticatedSession {
  actor: Actor;
  /** Set when this request extended the session: the cookie must be sent again with it. */
  extendedTo: Date | null;
}

/**
 * The actor of a session token, or null when the session is unknown, expired or its user is
 * disabled (an expired one is deleted on the way). Extends the session when half its life is gone.
 */
export async function authenticateSession(
  store: NetworkStore,
  token: string,
  now: Date,
): Promise<AuthenticatedSession | null> {
  const tokenHash = hashToken(token);
  const found = await store.findSession(tokenHash);
  if (found === null) return null;
  const { session, user } = found;
  if (isExpired(session.expiresAt, now) || user.disabledAt !== null) {
    await store.deleteSession(tokenHash);
    return null;
  }
  const extendedTo = extendedExpiry(session.expiresAt, now);
  // "Last seen" for the sessions list, written at most every 5 minutes like a token's "last used".
  if (extendedTo !== null || shouldTouch(session.lastSeenAt, now))
    await store.touchSession(tokenHash, {
      lastSeenAt: now,
      expiresAt: extendedTo ?? session.expiresAt,
    });
  return { actor: sessionActor(user, session.id), extendedTo };
}

/** Ends the session of this token; nothing happens when it is already gone. */
export const endSession = (store: NetworkStore, token: string): Promise<void> =>
  store.deleteSession(hashToken(token));
