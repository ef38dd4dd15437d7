/**
 * Accounts, the adapter-independent half: users, their sessions and API tokens
 * as the stores keep them, and the checks at the store's boundary. Users are
 * not owner-scoped records (each owns one owner's network), so they live
 * outside the record kinds. The store only ever sees hashes: a session or API
 * token arrives as its SHA-256 (64 hex digits) and a password as an encoded
 * hash (PHC string, `$argon2id$...`); anything else is refused, so a raw
 * secret cannot be stored by mistake.
 */
import { badInput, conflict, ErrorCode, WarmpathError } from "../../errors.js";
import { email as normalizeEmail, optionalText, requiredText } from "../model/fields.js";
import type { Person } from "../model/person.js";
import { newId } from "./ids.js";
import { newRecord } from "./record-ops.js";

/** A person who signs in; `ownerId` is the network they own. */
export interface User {
  id: string;
  /** Normalized (trimmed, lower-case); unique across the store. */
  email: string;
  name: string;
  ownerId: string;
  /** The encoded password hash, opaque to the store; null for a user without a password. */
  passwordHash: string | null;
  createdAt: Date;
  /** When the user was disabled; null while they may sign in. */
  disabledAt: Date | null;
  /** An administrator may invite users and holds the `admin` scope. */
  admin: boolean;
}

/** What `createUser` takes: the owner is adopted when it exists, else ensured (a new one without `ownerId`). */
export interface UserInput {
  email: string;
  name: string;
  passwordHash?: string | null;
  ownerId?: string;
  /** Default false. */
  admin?: boolean;
}

/** A signed-in browser, found by the hash of its cookie's token. */
export interface Session {
  id: string;
  tokenHash: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string | null;
}

export interface SessionInput {
  tokenHash: string;
  userId: string;
  expiresAt: Date;
  userAgent?: string | null;
}

/** An API token as listed: never the token, only its hash and what identifies it to its owner. */
export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  /** The token's first characters and last four, for display. */
  prefix: string;
  lastFour: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface ApiTokenInput {
  tokenHash: string;
  userId: string;
  name: string;
  prefix: string;
  lastFour: string;
  scopes: readonly string[];
  expiresAt?: Date | null;
}

/** A session found by its token's hash, with its user: expired ones too (the caller decides). */
export interface SessionWithUser {
  session: Session;
  user: User;
}

/** An API token found by its hash, with its user: revoked or expired ones too (the caller decides). */
export interface ApiTokenWithUser {
  token: ApiToken;
  user: User;
}

const TOKEN_HASH = /^[0-9a-f]{64}$/;
const ENCODED_HASH = /^\$[a-z0-9-]+\$\S+$/;

/** A SHA-256 hex digest: BAD_USER_INPUT on `field` for anything else (a raw token above all). */
export function checkTokenHash(value: unknown, field = "tokenHash"): string {
  if (typeof value !== "string" || !TOKEN_HASH.test(value))
    throw badInput(field, "must be a SHA-256 hex digest");
  return value;
}

function passwordHash(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string" || value.length > 1_000 || !ENCODED_HASH.test(value))
    throw badInput("passwordHash", "must be an encoded password hash");
  return value;
}

export function checkPasswordHash(value: unknown): string {
  const hash = passwordHash(value);
  if (hash === null) throw badInput("passwordHash", "is required");
  return hash;
}

function time(field: string, value: unknown): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime()))
    throw badInput(field, "must be a valid date");
  return value;
}

function optionalTime(field: string, value: unknown): Date | null {
  return value === undefined || value === null ? null : time(field, value);
}

export function checkTime(field: string, value: unknown): Date {
  return time(field, value);
}

export const normalizeUserEmail = (value: unknown): string =>
  normalizeEmail(typeof value === "string" ? value : "", "email");

/** A validated new user; `ownerId` is the one to adopt or ensure (a fresh one when none is given). */
export function newUser(input: UserInput, now = new Date()): User {
  if (input === null || typeof input !== "object") throw badInput("input", "must be an object");
  const ownerId =
    input.ownerId === undefined
      ? newId("own", now.getTime())
      : requiredText("ownerId", input.ownerId, 200);
  return {
    id: newId("usr", now.getTime()),
    email: normalizeUserEmail(input.email),
    name: requiredText("name", input.name, 200),
    ownerId,
    passwordHash: passwordHash(input.passwordHash),
    createdAt: now,
    disabledAt: null,
    admin: input.admin === true,
  };
}

export function newSession(input: SessionInput, now = new Date()): Session {
  if (input === null || typeof input !== "object") throw badInput("input", "must be an object");
  return {
    id: newId("ses", now.getTime()),
    tokenHash: checkTokenHash(input.tokenHash),
    userId: requiredText("userId", input.userId, 200),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: time("expiresAt", input.expiresAt),
    userAgent: optionalText("userAgent", input.userAgent, 1_000),
  };
}

/** A validated new API token and its hash, which is stored beside it but never listed. */
export function newApiToken(
  input: ApiTokenInput,
  now = new Date(),
): { token: ApiToken; tokenHash: string } {
  if (input === null || typeof input !== "object") throw badInput("input", "must be an object");
  if (!Array.isArray(input.scopes)) throw badInput("scopes", "must be a list");
  const scopes = input.scopes.map((s) => requiredText("scopes", s, 100));
  return {
    tokenHash: checkTokenHash(input.tokenHash),
    token: {
      id: newId("tok", now.getTime()),
      userId: requiredText("userId", input.userId, 200),
      name: requiredText("name", input.name, 200),
      prefix: requiredText("prefix", input.prefix, 20),
      lastFour: requiredText("lastFour", input.lastFour, 10),
      scopes: [...new Set(scopes)],
      createdAt: now,
      expiresAt: optionalTime("expiresAt", input.expiresAt),
      lastUsedAt: null,
      revokedAt: null,
    },
  };
}

/** The self person of a new user's network: their name and address. */
export function selfOf(user: User): Person {
  return {
    ...newRecord(user.ownerId, "person", { name: user.name, emails: [user.email] }),
    isSelf: true,
  };
}

/** CONFLICT on `tokenHash` when a session or token with this hash exists (a reused token). */
export function checkHashFree(found: unknown): void {
  if (found) throw conflict("tokenHash", "a token with this hash exists");
}

/** NOT_FOUND on `tokenHash` for a session that is gone; the message names no hash. */
export const sessionNotFound = (): WarmpathError =>
  new WarmpathError(ErrorCode.NOT_FOUND, "session not found", { field: "tokenHash" });

/** A time as both stores keep it: ISO-8601 text, so it sorts as it compares. */
export const toIso = (date: Date | null): string | null =>
  date === null ? null : date.toISOString();

/** A stored time (ISO-8601 text in both stores) back as a Date. */
export const fromIso = (value: unknown): Date | null =>
  typeof value === "string" ? new Date(value) : null;
