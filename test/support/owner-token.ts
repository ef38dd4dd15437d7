/**
 * An API token on an existing owner's network, for tests that talk to a server over HTTP: the
 * owner is adopted by a new admin user (so the server is in accounts mode whatever other
 * tests did to a shared store), and the token holds every scope.
 */
import { randomUUID } from "node:crypto";
import { mintApiToken, userScopes } from "../../src/accounts/index.js";
import { effectiveScopes, SCOPES } from "../../src/auth/index.js";
import type { NetworkStore } from "../../src/graph/index.js";

export async function ownerToken(store: NetworkStore, ownerId: string): Promise<string> {
  const user = await store.createUser({
    email: `owner-${randomUUID()}@example.org`,
    name: "Token Owner",
    ownerId,
    admin: true,
  });
  const { token } = await mintApiToken(
    store,
    { user, scopes: effectiveScopes(userScopes(user)) },
    { name: "tests", scopes: [...SCOPES] },
    new Date(),
  );
  return token;
}

/** The header that carries it. */
export const bearer = (token: string): Record<string, string> => ({
  authorization: `Bearer ${token}`,
});
