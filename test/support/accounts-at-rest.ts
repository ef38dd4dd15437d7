/**
 * A sign-up, a sign-in and an API token as the auth layer will do them, for the
 * "nothing secret at rest" tests: returns the raw secrets that went through, so a
 * test can look for them in what the store wrote.
 */
import { randomUUID } from "node:crypto";
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
  return [password, sessionToken, apiToken];
}
