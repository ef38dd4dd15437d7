/**
 * Who makes a request, and what they may do: the identity every GraphQL context carries.
 *
 * - `owner`: no accounts at all. A single-user install on loopback, or an app that embeds the
 *   schema and does its own authentication, serves one network with every scope.
 * - `session`: a person signed in with a browser cookie; every scope but `admin`, which only an
 *   administrator's session holds.
 * - `token`: an API token; exactly its scopes (admin's implication included), never more than
 *   its user's.
 */
import { ErrorCode, WarmpathError } from "../errors.js";
import type { User } from "../graph/index.js";
import { SCOPES, effectiveScopes, type Scope } from "../auth/index.js";

export type Actor =
  | { kind: "owner"; ownerId: string; scopes: ReadonlySet<Scope> }
  | { kind: "session"; ownerId: string; user: User; sessionId: string; scopes: ReadonlySet<Scope> }
  | { kind: "token"; ownerId: string; user: User; tokenId: string; scopes: ReadonlySet<Scope> };

/** Every scope a user's own session holds. */
export const userScopes = (user: User): Scope[] =>
  SCOPES.filter((scope) => scope !== "admin" || user.admin);

export const ownerActor = (ownerId: string): Actor => ({
  kind: "owner",
  ownerId,
  scopes: effectiveScopes(SCOPES),
});

export const sessionActor = (user: User, sessionId: string): Actor => ({
  kind: "session",
  ownerId: user.ownerId,
  user,
  sessionId,
  scopes: effectiveScopes(userScopes(user)),
});

/** A token's scopes, cut to what its user may hold today (an admin made ordinary loses `admin`). */
export const tokenActor = (user: User, tokenId: string, scopes: readonly Scope[]): Actor => {
  const allowed = new Set(userScopes(user));
  return {
    kind: "token",
    ownerId: user.ownerId,
    user,
    tokenId,
    scopes: effectiveScopes(scopes.filter((scope) => allowed.has(scope))),
  };
};

/** The signed-in user behind an actor; FORBIDDEN for an owner actor, which has no account. */
export function accountOf(actor: Actor): User {
  if (actor.kind === "owner")
    throw new WarmpathError(
      ErrorCode.FORBIDDEN,
      "This server has no accounts yet: create the first with `warmpath user create --admin`.",
    );
  return actor.user;
}
