/**
 * API tokens (issue 13): minted by a user for scripts and the remote command line, shown once,
 * stored as their SHA-256 with a display prefix and last four. A token's scopes are checked
 * against its grantor's when it is minted, and against its user's again on every request.
 */
import type { ApiToken, NetworkStore, User } from "../graph/index.js";
import {
  canGrant,
  generateApiToken,
  hashToken,
  isExpired,
  isScope,
  lastFour,
  parseScopes,
  shouldTouch,
  tokenPrefix,
  type Scope,
} from "../auth/index.js";
import { badInput, ErrorCode, WarmpathError } from "../errors.js";
import { tokenActor, type Actor } from "./actor.js";

export const API_TOKEN_DEFAULTS = Object.freeze({
  /** A token nobody gave a lifetime dies after 90 days, so a forgotten one stops working. */
  expiresInDays: 90,
  /** About ten years: the longest finite lifetime; `null` asks for a token that never expires. */
  maxExpiresInDays: 3650,
});

const DAY_MS = 24 * 60 * 60 * 1000;

/** `wp_` and 43 base64url characters, the shape generateApiToken makes (32 random bytes). */
const API_TOKEN_SHAPE = /^wp_[A-Za-z0-9_-]{43}$/;

/** Who mints a token: the user it will belong to, and the scopes the minting request holds. */
export interface TokenGrantor {
  user: User;
  scopes: ReadonlySet<Scope>;
}

export interface MintApiTokenInput {
  name: string;
  scopes: readonly string[];
  /** Whole days, 1 to 3650; absent for the default 90, null for never. */
  expiresInDays?: number | null;
}

export interface MintedApiToken {
  /** The raw token: returned this once, never stored. */
  token: string;
  record: ApiToken;
}

/** The expiry for `expiresInDays` counted from `now`; BAD_USER_INPUT on `expiresInDays` when out of range. */
function expiryOf(expiresInDays: number | null | undefined, now: Date): Date | null {
  if (expiresInDays === null) return null;
  const days = expiresInDays ?? API_TOKEN_DEFAULTS.expiresInDays;
  const { maxExpiresInDays } = API_TOKEN_DEFAULTS;
  if (!Number.isInteger(days) || days < 1 || days > maxExpiresInDays)
    throw badInput("expiresInDays", `must be a whole number of days from 1 to ${maxExpiresInDays}`);
  return new Date(now.getTime() + days * DAY_MS);
}

/**
 * FORBIDDEN on `scopes`, naming them, for the requested scopes the grantor may not hand on: those
 * it does not hold (a token never mints a wider token) and `admin` for a user who is no admin,
 * whatever the request holds.
 */
function checkGrant(grantor: TokenGrantor, requested: readonly Scope[]): void {
  const held = [...grantor.scopes];
  const missing = requested.filter(
    (scope) => !canGrant(held, [scope]) || (scope === "admin" && !grantor.user.admin),
  );
  if (missing.length === 0) return;
  const why =
    missing.includes("admin") && !grantor.user.admin
      ? "only an administrator may hold admin, and a token gets at most its maker's scopes"
      : "a token gets at most the scopes of whoever makes it";
  throw new WarmpathError(
    ErrorCode.FORBIDDEN,
    `scopes: you cannot grant ${missing.join(", ")}: ${why}`,
    { field: "scopes" },
  );
}

/** Mints a token for the grantor's user. A disabled user mints nothing: the token could never be used. */
export async function mintApiToken(
  store: NetworkStore,
  grantor: TokenGrantor,
  input: MintApiTokenInput,
  now: Date,
): Promise<MintedApiToken> {
  const scopes = parseScopes(input.scopes);
  const expiresAt = expiryOf(input.expiresInDays, now);
  if (grantor.user.disabledAt !== null)
    throw new WarmpathError(ErrorCode.FORBIDDEN, "user: the user is disabled", { field: "user" });
  checkGrant(grantor, scopes);
  const token = generateApiToken();
  const record = await store.createApiToken({
    tokenHash: hashToken(token),
    userId: grantor.user.id,
    name: input.name,
    prefix: tokenPrefix(token),
    lastFour: lastFour(token),
    scopes,
    expiresAt,
  });
  return { token, record };
}

/** The user's tokens, revoked ones too, oldest first: never the token, only its prefix and last four. */
export const listApiTokens = (store: NetworkStore, userId: string): Promise<ApiToken[]> =>
  store.listApiTokens(userId);

/** Revokes one of the user's tokens; NOT_FOUND for another user's or a missing id. */
export const revokeApiToken = (
  store: NetworkStore,
  userId: string,
  id: string,
): Promise<ApiToken> => store.revokeApiToken(userId, id);

/** Whether a token is one that may act at `now`: not revoked, not expired, its user not disabled. */
const usable = (token: ApiToken, user: User, now: Date): boolean =>
  token.revokedAt === null &&
  (token.expiresAt === null || !isExpired(token.expiresAt, now)) &&
  user.disabledAt === null;

/**
 * The actor of a bearer token, or null: for anything not shaped like an API token (checked before
 * any lookup, so garbage costs no query), an unknown, revoked or expired token, or a disabled user.
 * Writes "last used" at most once per touch interval, so a busy script is not a write per request.
 */
export async function authenticateApiToken(
  store: NetworkStore,
  token: string,
  now: Date,
): Promise<Actor | null> {
  if (typeof token !== "string" || !API_TOKEN_SHAPE.test(token)) return null;
  const found = await store.findApiToken(hashToken(token));
  if (found === null || !usable(found.token, found.user, now)) return null;
  if (shouldTouch(found.token.lastUsedAt, now)) await store.touchApiToken(found.token.id, now);
  // A scope retired since the token was minted is dropped instead of failing every request.
  return tokenActor(found.user, found.token.id, found.token.scopes.filter(isScope));
}
