/**
 * Accounts in SQLite: `app_user`, `session` and `api_token` (migration 4; `admin`
 * from migration 5). Users are not owner-scoped rows; sessions and tokens are
 * found by the SHA-256 of their token and go with their user (ON DELETE CASCADE).
 * Every function runs in whatever transaction the store opened around the call.
 */
import { conflict } from "../../../errors.js";
import { fromIso, toIso, type ApiToken, type Session, type User } from "../accounts.js";
import type { Sql } from "./sqlite-run.js";

export type Row = Record<string, unknown>;

/** A user's columns (alias `u`), named apart from those of a session, token or passkey beside them. */
export const USER = `u.id AS userId, u.email, u.name AS userName, u.owner, u.password_hash,
  u.created_at AS userCreatedAt, u.disabled_at, u.admin AS userAdmin`;
const SESSION = `s.id, s.token_hash, s.user_id, s.created_at, s.last_seen_at, s.expires_at, s.user_agent`;
const TOKEN = `t.id, t.user_id, t.name, t.prefix, t.last_four, t.scopes, t.created_at, t.expires_at,
  t.last_used_at, t.revoked_at`;

export function toUser(row: Row): User {
  return {
    id: String(row.userId),
    email: String(row.email),
    name: String(row.userName),
    ownerId: String(row.owner),
    passwordHash: typeof row.password_hash === "string" ? row.password_hash : null,
    createdAt: fromIso(row.userCreatedAt) as Date,
    disabledAt: fromIso(row.disabled_at),
    admin: row.userAdmin === 1,
  };
}

function toSession(row: Row): Session {
  return {
    id: String(row.id),
    tokenHash: String(row.token_hash),
    userId: String(row.user_id),
    createdAt: fromIso(row.created_at) as Date,
    lastSeenAt: fromIso(row.last_seen_at) as Date,
    expiresAt: fromIso(row.expires_at) as Date,
    userAgent: typeof row.user_agent === "string" ? row.user_agent : null,
  };
}

function toToken(row: Row): ApiToken {
  return {
    id: String(row.id),
    userId: String(row.user_id),
    name: String(row.name),
    prefix: String(row.prefix),
    lastFour: String(row.last_four),
    scopes: JSON.parse(String(row.scopes)) as string[],
    createdAt: fromIso(row.created_at) as Date,
    expiresAt: fromIso(row.expires_at),
    lastUsedAt: fromIso(row.last_used_at),
    revokedAt: fromIso(row.revoked_at),
  };
}

// --- users ------------------------------------------------------------------

export function userById(sql: Sql, id: string): User | undefined {
  const row = sql(`SELECT ${USER} FROM app_user u WHERE u.id = ?`).get(id) as Row | undefined;
  return row && toUser(row);
}

export function userByEmail(sql: Sql, email: string): User | undefined {
  const row = sql(`SELECT ${USER} FROM app_user u WHERE lower(u.email) = lower(?)`).get(email) as
    Row | undefined;
  return row && toUser(row);
}

/** CONFLICT on `email` when the address is taken, on `ownerId` when another user owns the owner. */
export function checkUserFree(sql: Sql, user: User): void {
  if (userByEmail(sql, user.email)) throw conflict("email", "a user with this e-mail exists");
  if (sql("SELECT 1 FROM app_user WHERE owner = ?").get(user.ownerId))
    throw conflict("ownerId", "another user owns this network");
}

export function insertUser(sql: Sql, user: User): void {
  sql(
    `INSERT INTO app_user (id, email, name, owner, password_hash, created_at, disabled_at, admin)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    user.id,
    user.email,
    user.name,
    user.ownerId,
    user.passwordHash,
    toIso(user.createdAt),
    toIso(user.disabledAt),
    user.admin ? 1 : 0,
  );
}

export const listUsers = (sql: Sql): User[] =>
  (sql(`SELECT ${USER} FROM app_user u ORDER BY u.created_at, u.id`).all() as Row[]).map(toUser);

export const countUsers = (sql: Sql): number =>
  Number((sql("SELECT count(*) AS n FROM app_user").get() as Row).n);

/** False when there is no such user. */
export const setPassword = (sql: Sql, id: string, hash: string): boolean =>
  sql("UPDATE app_user SET password_hash = ? WHERE id = ?").run(hash, id).changes > 0;

/** Sets the disabled time unless it is set already, and ends the user's sessions. */
export function disable(sql: Sql, id: string, at: Date): void {
  sql("UPDATE app_user SET disabled_at = coalesce(disabled_at, ?) WHERE id = ?").run(toIso(at), id);
  sql("DELETE FROM session WHERE user_id = ?").run(id);
}

// --- sessions ---------------------------------------------------------------

export function insertSession(sql: Sql, session: Session): void {
  sql(
    `INSERT INTO session (id, token_hash, user_id, created_at, last_seen_at, expires_at, user_agent)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    session.id,
    session.tokenHash,
    session.userId,
    toIso(session.createdAt),
    toIso(session.lastSeenAt),
    toIso(session.expiresAt),
    session.userAgent,
  );
}

export function sessionByHash(
  sql: Sql,
  tokenHash: string,
): { session: Session; user: User } | null {
  const row = sql(
    `SELECT ${SESSION}, ${USER} FROM session s JOIN app_user u ON u.id = s.user_id
     WHERE s.token_hash = ?`,
  ).get(tokenHash) as Row | undefined;
  return row ? { session: toSession(row), user: toUser(row) } : null;
}

/** False when the session is gone. */
export const updateSession = (
  sql: Sql,
  tokenHash: string,
  lastSeenAt: Date,
  expiresAt: Date,
): boolean =>
  sql("UPDATE session SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?").run(
    toIso(lastSeenAt),
    toIso(expiresAt),
    tokenHash,
  ).changes > 0;

export function deleteSession(sql: Sql, tokenHash: string): void {
  sql("DELETE FROM session WHERE token_hash = ?").run(tokenHash);
}

export const deleteUserSessions = (sql: Sql, userId: string, except: string | null): number =>
  sql("DELETE FROM session WHERE user_id = ? AND token_hash IS NOT ?").run(userId, except).changes;

/** Ends the user's session with this id; false for a missing one and for another user's alike. */
export const deleteUserSession = (sql: Sql, userId: string, id: string): boolean =>
  sql("DELETE FROM session WHERE id = ? AND user_id = ?").run(id, userId).changes > 0;

export const sessionsOf = (sql: Sql, userId: string): Session[] =>
  (
    sql(`SELECT ${SESSION} FROM session s WHERE s.user_id = ? ORDER BY s.created_at, s.id`).all(
      userId,
    ) as Row[]
  ).map(toSession);

// --- API tokens -------------------------------------------------------------

export function insertToken(sql: Sql, token: ApiToken, tokenHash: string): void {
  sql(
    `INSERT INTO api_token (id, token_hash, user_id, name, prefix, last_four, scopes, created_at,
       expires_at, last_used_at, revoked_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    token.id,
    tokenHash,
    token.userId,
    token.name,
    token.prefix,
    token.lastFour,
    JSON.stringify(token.scopes),
    toIso(token.createdAt),
    toIso(token.expiresAt),
    toIso(token.lastUsedAt),
    toIso(token.revokedAt),
  );
}

export function tokenByHash(sql: Sql, tokenHash: string): { token: ApiToken; user: User } | null {
  const row = sql(
    `SELECT ${TOKEN}, ${USER} FROM api_token t JOIN app_user u ON u.id = t.user_id
     WHERE t.token_hash = ?`,
  ).get(tokenHash) as Row | undefined;
  return row ? { token: toToken(row), user: toUser(row) } : null;
}

/** The user's token with this id; undefined for a missing one and for another user's alike. */
export function tokenOf(sql: Sql, userId: string, id: string): ApiToken | undefined {
  const row = sql(`SELECT ${TOKEN} FROM api_token t WHERE t.id = ? AND t.user_id = ?`).get(
    id,
    userId,
  ) as Row | undefined;
  return row && toToken(row);
}

export const tokensOf = (sql: Sql, userId: string): ApiToken[] =>
  (
    sql(`SELECT ${TOKEN} FROM api_token t WHERE t.user_id = ? ORDER BY t.created_at, t.id`).all(
      userId,
    ) as Row[]
  ).map(toToken);

/** False when there is no such token. */
export const touchToken = (sql: Sql, id: string, at: Date): boolean =>
  sql("UPDATE api_token SET last_used_at = ? WHERE id = ?").run(toIso(at), id).changes > 0;

/** Sets the revoked time unless it is set already. */
export function revokeToken(sql: Sql, id: string, at: Date): void {
  sql("UPDATE api_token SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?").run(toIso(at), id);
}
