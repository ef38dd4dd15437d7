/**
 * Accounts in Neo4j: `:User`, `:Session` and `:ApiToken` nodes (constraints in
 * neo4j-schema.ts). Users are not owner-scoped records; sessions and tokens
 * carry their user's id and are found by the SHA-256 of their token. Times are
 * ISO-8601 strings, as the records' are. A user stored before `admin` existed
 * has no such property and is no administrator. Every function runs in the
 * caller's transaction.
 */
import { conflict } from "../../../errors.js";
import {
  fromIso,
  toIso,
  type ApiToken,
  type ApiTokenWithUser,
  type Session,
  type SessionWithUser,
  type User,
} from "../accounts.js";
import { rows, type Row, type Tx } from "./neo4j-run.js";

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

export function toUser(p: Row): User {
  return {
    id: String(p.id),
    email: String(p.email),
    name: String(p.name),
    ownerId: String(p.ownerId),
    passwordHash: text(p.passwordHash),
    createdAt: fromIso(p.createdAt) as Date,
    disabledAt: fromIso(p.disabledAt),
    admin: p.admin === true,
  };
}

function toSession(p: Row): Session {
  return {
    id: String(p.id),
    tokenHash: String(p.tokenHash),
    userId: String(p.userId),
    createdAt: fromIso(p.createdAt) as Date,
    lastSeenAt: fromIso(p.lastSeenAt) as Date,
    expiresAt: fromIso(p.expiresAt) as Date,
    userAgent: text(p.userAgent),
  };
}

function toToken(p: Row): ApiToken {
  return {
    id: String(p.id),
    userId: String(p.userId),
    name: String(p.name),
    prefix: String(p.prefix),
    lastFour: String(p.lastFour),
    scopes: (p.scopes as unknown[]).map(String),
    createdAt: fromIso(p.createdAt) as Date,
    expiresAt: fromIso(p.expiresAt),
    lastUsedAt: fromIso(p.lastUsedAt),
    revokedAt: fromIso(p.revokedAt),
  };
}

// --- users ------------------------------------------------------------------

async function oneUser(tx: Tx, where: string, params: Row): Promise<User | undefined> {
  const [row] = await rows(tx, `MATCH (u:User) WHERE ${where} RETURN properties(u) AS u`, params);
  return row && toUser(row.u as Row);
}

export const userById = (tx: Tx, id: string): Promise<User | undefined> =>
  oneUser(tx, "u.id = $id", { id });

/** Addresses are stored normalized, so the exact match is the case-insensitive one. */
export const userByEmail = (tx: Tx, email: string): Promise<User | undefined> =>
  oneUser(tx, "u.email = $email", { email });

/** CONFLICT on `email` when the address is taken, on `ownerId` when another user owns the owner. */
export async function checkUserFree(tx: Tx, user: User): Promise<void> {
  if (await userByEmail(tx, user.email)) throw conflict("email", "a user with this e-mail exists");
  if (await oneUser(tx, "u.ownerId = $ownerId", { ownerId: user.ownerId }))
    throw conflict("ownerId", "another user owns this network");
}

export async function insertUser(tx: Tx, user: User): Promise<void> {
  await rows(tx, "CREATE (u:User) SET u = $props", {
    props: { ...user, createdAt: toIso(user.createdAt), disabledAt: toIso(user.disabledAt) },
  });
}

export async function listUsers(tx: Tx): Promise<User[]> {
  const found = await rows(
    tx,
    "MATCH (u:User) RETURN properties(u) AS u ORDER BY u.createdAt, u.id",
  );
  return found.map((row) => toUser(row.u as Row));
}

export async function countUsers(tx: Tx): Promise<number> {
  const [row] = await rows(tx, "MATCH (u:User) RETURN count(u) AS n");
  return Number(row?.n ?? 0);
}

/** False when there is no such user. */
export async function setPassword(tx: Tx, id: string, hash: string): Promise<boolean> {
  const found = await rows(tx, "MATCH (u:User {id: $id}) SET u.passwordHash = $hash RETURN u.id", {
    id,
    hash,
  });
  return found.length > 0;
}

/** Sets the disabled time unless it is set already, and ends the user's sessions. */
export async function disable(tx: Tx, id: string, at: Date): Promise<void> {
  await rows(tx, "MATCH (u:User {id: $id}) SET u.disabledAt = coalesce(u.disabledAt, $at)", {
    id,
    at: toIso(at),
  });
  await rows(tx, "MATCH (s:Session {userId: $id}) DELETE s", { id });
}

// --- sessions ---------------------------------------------------------------

export async function insertSession(tx: Tx, session: Session): Promise<void> {
  await rows(tx, "CREATE (s:Session) SET s = $props", {
    props: {
      ...session,
      createdAt: toIso(session.createdAt),
      lastSeenAt: toIso(session.lastSeenAt),
      expiresAt: toIso(session.expiresAt),
    },
  });
}

export async function sessionByHash(tx: Tx, tokenHash: string): Promise<SessionWithUser | null> {
  const [row] = await rows(
    tx,
    `MATCH (s:Session {tokenHash: $tokenHash}) MATCH (u:User {id: s.userId})
     RETURN properties(s) AS s, properties(u) AS u`,
    { tokenHash },
  );
  return row ? { session: toSession(row.s as Row), user: toUser(row.u as Row) } : null;
}

/** False when the session is gone. */
export async function updateSession(
  tx: Tx,
  tokenHash: string,
  lastSeenAt: Date,
  expiresAt: Date,
): Promise<boolean> {
  const found = await rows(
    tx,
    `MATCH (s:Session {tokenHash: $tokenHash})
     SET s.lastSeenAt = $lastSeenAt, s.expiresAt = $expiresAt RETURN s.id`,
    { tokenHash, lastSeenAt: toIso(lastSeenAt), expiresAt: toIso(expiresAt) },
  );
  return found.length > 0;
}

export async function deleteSession(tx: Tx, tokenHash: string): Promise<void> {
  await rows(tx, "MATCH (s:Session {tokenHash: $tokenHash}) DELETE s", { tokenHash });
}

export async function deleteUserSessions(
  tx: Tx,
  userId: string,
  except: string | null,
): Promise<number> {
  const [row] = await rows(
    tx,
    `MATCH (s:Session {userId: $userId})
     WHERE $except IS NULL OR s.tokenHash <> $except
     DELETE s RETURN count(*) AS n`,
    { userId, except },
  );
  return Number(row?.n ?? 0);
}

/** Ends the user's session with this id; false for a missing one and for another user's alike. */
export async function deleteUserSession(tx: Tx, userId: string, id: string): Promise<boolean> {
  const [row] = await rows(
    tx,
    "MATCH (s:Session {id: $id}) WHERE s.userId = $userId DELETE s RETURN count(*) AS n",
    { id, userId },
  );
  return Number(row?.n ?? 0) > 0;
}

export async function sessionsOf(tx: Tx, userId: string): Promise<Session[]> {
  const found = await rows(
    tx,
    `MATCH (s:Session {userId: $userId}) RETURN properties(s) AS s ORDER BY s.createdAt, s.id`,
    { userId },
  );
  return found.map((row) => toSession(row.s as Row));
}

// --- API tokens -------------------------------------------------------------

export async function insertToken(tx: Tx, token: ApiToken, tokenHash: string): Promise<void> {
  await rows(tx, "CREATE (t:ApiToken) SET t = $props", {
    props: {
      ...token,
      tokenHash,
      createdAt: toIso(token.createdAt),
      expiresAt: toIso(token.expiresAt),
      lastUsedAt: toIso(token.lastUsedAt),
      revokedAt: toIso(token.revokedAt),
    },
  });
}

export async function tokenByHash(tx: Tx, tokenHash: string): Promise<ApiTokenWithUser | null> {
  const [row] = await rows(
    tx,
    `MATCH (t:ApiToken {tokenHash: $tokenHash}) MATCH (u:User {id: t.userId})
     RETURN properties(t) AS t, properties(u) AS u`,
    { tokenHash },
  );
  return row ? { token: toToken(row.t as Row), user: toUser(row.u as Row) } : null;
}

/** The user's token with this id; undefined for a missing one and for another user's alike. */
export async function tokenOf(tx: Tx, userId: string, id: string): Promise<ApiToken | undefined> {
  const [row] = await rows(
    tx,
    "MATCH (t:ApiToken {id: $id}) WHERE t.userId = $userId RETURN properties(t) AS t",
    { id, userId },
  );
  return row && toToken(row.t as Row);
}

export async function tokensOf(tx: Tx, userId: string): Promise<ApiToken[]> {
  const found = await rows(
    tx,
    `MATCH (t:ApiToken {userId: $userId}) RETURN properties(t) AS t ORDER BY t.createdAt, t.id`,
    { userId },
  );
  return found.map((row) => toToken(row.t as Row));
}

/** False when there is no such token. */
export async function touchToken(tx: Tx, id: string, at: Date): Promise<boolean> {
  const found = await rows(tx, "MATCH (t:ApiToken {id: $id}) SET t.lastUsedAt = $at RETURN t.id", {
    id,
    at: toIso(at),
  });
  return found.length > 0;
}

/** Sets the revoked time unless it is set already. */
export async function revokeToken(tx: Tx, id: string, at: Date): Promise<void> {
  await rows(tx, "MATCH (t:ApiToken {id: $id}) SET t.revokedAt = coalesce(t.revokedAt, $at)", {
    id,
    at: toIso(at),
  });
}
