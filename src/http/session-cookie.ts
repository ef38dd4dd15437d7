/**
 * The session cookie, `__Host-warmpath_session`: HttpOnly (no script reads it), Secure (sent
 * over TLS only; browsers treat http://localhost as secure), SameSite=Lax (no cross-site
 * POST carries it), and the `__Host-` prefix, which makes browsers refuse it unless it is
 * Secure, has Path=/ and no Domain, so no sibling subdomain can set or shadow it.
 * Parsing and writing are the `cookie` package's (jshttp).
 */
import { parseCookie, stringifySetCookie } from "cookie";

export const SESSION_COOKIE = "__Host-warmpath_session";

/** The session token a Cookie header carries, or null. */
export function readSessionCookie(header: string | undefined): string | null {
  if (!header) return null;
  const value = parseCookie(header)[SESSION_COOKIE];
  // A session token is 43 base64url characters; anything else is not worth a lookup.
  return value !== undefined && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

const ATTRIBUTES = { path: "/", httpOnly: true, secure: true, sameSite: "lax" } as const;

/** The Set-Cookie value that stores `token` until `expiresAt`. */
export const sessionCookie = (token: string, expiresAt: Date, now: Date): string =>
  stringifySetCookie({
    name: SESSION_COOKIE,
    value: token,
    ...ATTRIBUTES,
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)),
  });

/** The Set-Cookie value that makes the browser drop the cookie. */
export const clearedSessionCookie = (): string =>
  stringifySetCookie({ name: SESSION_COOKIE, value: "", ...ATTRIBUTES, maxAge: 0 });
