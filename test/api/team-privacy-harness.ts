/**
 * The team-privacy suite's server: warmpath's Apollo server on a store, run in process as
 * signed-in users (team operations need an account, not a bare owner id). The operation
 * limits are raised, because the schema walk asks for every field at once: those limits have
 * their own tests, and here they would only refuse the documents that look for leaks.
 */
import type { ApolloServer } from "@apollo/server";
import { afterAll, beforeAll } from "vitest";
import { sessionActor } from "../../src/accounts/index.js";
import type { NetworkStore, User } from "../../src/graph/index.js";
import type { WarmpathContext } from "../../src/resolvers/index.js";
import { contextFor, createWarmpathServer } from "../../src/server.js";
import type { Result } from "./graphql-harness.js";

/** Runs one operation as a user; every request's clock is one second after the last one's. */
export type RunAs = (
  user: User,
  query: string,
  variables?: Record<string, unknown>,
) => Promise<Result>;

const LIMITS = Object.freeze({
  maxDepth: 40,
  maxAliases: 1_000,
  maxTokens: 1_000_000,
  maxCost: 100_000_000,
  maxListArgument: 10_000,
  maxResponseFields: 10_000_000,
});

/**
 * The clock starts on the minute the suite loads and ticks a second per request, so audit
 * entries come in the order they were made (ids of one instant would order at random).
 */
const START = Math.floor(Date.now() / 60_000) * 60_000;

/** Registers the hooks that open the store and start the server; answers how to run operations. */
export function teamPrivacyHarness(makeStore: () => Promise<NetworkStore>) {
  let store: NetworkStore;
  let server: ApolloServer<WarmpathContext>;
  let tick = 0;
  beforeAll(async () => {
    store = await makeStore();
    await store.init();
    server = createWarmpathServer({ logError: (e) => console.error(e), ...LIMITS });
    await server.start();
  });
  afterAll(async () => {
    await server?.stop();
    await store?.close();
  });
  const runAs: RunAs = async (user, query, variables = {}) => {
    const at = new Date(START + ++tick * 1_000);
    const response = await server.executeOperation(
      { query, variables },
      { contextValue: contextFor(store, sessionActor(user, "sid"), () => at) },
    );
    if (response.body.kind !== "single") throw new Error("expected a single result");
    return response.body.singleResult as Result;
  };
  return { store: () => store, runAs };
}
