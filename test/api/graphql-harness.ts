/** A started warmpath server on a store, for suites that run GraphQL operations in process on any store. */
import type { ApolloServer } from "@apollo/server";
import { afterAll, beforeAll } from "vitest";
import type { NetworkStore } from "../../src/graph/index.js";
import type { WarmpathContext } from "../../src/resolvers/index.js";
import { contextFor, createWarmpathServer } from "../../src/server.js";

export type Result = {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
};

/** Registers the hooks that open the store and start the server; `run` executes one operation as `owner`, at `clock()`. */
export function graphqlHarness(makeStore: () => Promise<NetworkStore>, clock?: () => Date) {
  let store: NetworkStore;
  let server: ApolloServer<WarmpathContext>;
  beforeAll(async () => {
    store = await makeStore();
    await store.init();
    server = createWarmpathServer({ logError: (e) => console.error(e) });
    await server.start();
  });
  afterAll(async () => {
    await server?.stop();
    await store?.close();
  });
  return {
    store: () => store,
    async run(
      owner: string,
      query: string,
      variables: Record<string, unknown> = {},
    ): Promise<Result> {
      const response = await server.executeOperation(
        { query, variables },
        { contextValue: contextFor(store, owner, clock) },
      );
      if (response.body.kind !== "single") throw new Error("expected a single result");
      return response.body.singleResult as Result;
    },
  };
}
