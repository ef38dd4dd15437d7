/**
 * A sign-up, a sign-in, an API token, an invitation used to sign up and a passkey as the auth
 * layer will do them, for the "nothing secret at rest" tests: returns the raw secrets that went
 * through, so a test can look for them in what the store wrote.
 */
import { randomBytes, randomUUID } from "node:crypto";
import {
  generateApiToken,
  generateSessionToken,
  hashPassword,
  hashToken,
  lastFour,
  newSessionExpiry,
  tokenPrefix,
} from "../../src/auth/index.js";
import type { NetworkStore } from "../../src/graph/index.js";

export async function useAccounts(store: NetworkStore): Promise<string[]> {
  const password = `correct horse battery staple ${randomUUID()}`;
  const sessionToken = generateSessionToken();
  const apiToken = generateApiToken();
  const user = await store.createUser({
    email: `at-rest-${randomUUID()}@example.org`,
    name: "Ada",
    passwordHash: await hashPassword(password),
  });
  const now = new Date();
  await store.createSession({
    tokenHash: hashToken(sessionToken),
    userId: user.id,
    expiresAt: newSessionExpiry(now),
    userAgent: "vitest",
  });
  await store.touchSession(hashToken(sessionToken), {
    lastSeenAt: now,
    expiresAt: newSessionExpiry(now),
  });
  const token = await store.createApiToken({
    tokenHash: hashToken(apiToken),
    userId: user.id,
    name: "ci",
    prefix: tokenPrefix(apiToken),
    lastFour: lastFour(apiToken),
    scopes: ["paths:read"],
  });
  await store.touchApiToken(token.id, now);
  const invitationToken = await useInvitation(store, user.id, now);
  await usePasskey(store, user.id, now);
  return [password, sessionToken, apiToken, invitationToken];
}

/** An invitation from `invitedBy`, spent on a sign-up; returns its raw token. */
async function useInvitation(store: NetworkStore, invitedBy: string, now: Date): Promise<string> {
  // An invitation token is a secret of the same strength as a session's.
  const invitationToken = generateSessionToken();
  await store.createInvitation({
    tokenHash: hashToken(invitationToken),
    invitedBy,
    expiresAt: newSessionExpiry(now),
  });
  await store.signUpByInvitation(
    hashToken(invitationToken),
    { email: `invited-${randomUUID()}@example.org`, name: "Grace" },
    now,
  );
  return invitationToken;
}

/** A passkey registered and used once: public material only, so there is nothing secret to return. */
async function usePasskey(store: NetworkStore, userId: string, now: Date): Promise<void> {
  const passkey = await store.createPasskey({
    id: randomBytes(16).toString("base64url"),
    userId,
    name: "vitest key",
    publicKey: randomBytes(77).toString("base64url"),
    counter: 0,
    transports: ["internal"],
    deviceType: "multiDevice",
    backedUp: true,
  });
  await store.usePasskey(passkey.id, 1, now);
}
