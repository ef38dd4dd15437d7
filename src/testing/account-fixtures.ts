/**
 * Inputs the account contracts share: fresh addresses and token hashes (the store may be shared
 * with other suites), an encoded password hash, and a pause that makes "oldest first" decidable.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";

export const HOUR = 60 * 60 * 1000;

/** What the auth layer passes in place of a token: its SHA-256 (the raw token never reaches a store). */
export const tokenHash = (): string => createHash("sha256").update(randomUUID()).digest("hex");

export const address = (): string => `user-${randomUUID()}@example.org`;

/** A WebAuthn credential id as the authenticator makes it: random bytes, base64url. */
export const credentialId = (): string => randomBytes(16).toString("base64url");

export const ARGON2 = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2g";

/** Waits past the clock's millisecond, so the next row is strictly younger than the last. */
export const nextMillisecond = (): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, 2));
