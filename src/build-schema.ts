/**
 * Builds warmpath's executable GraphQL schema from the type-graphql classes.
 * Resolvers read the store from the request context, so one schema serves any store.
 */
import "reflect-metadata";
import type { GraphQLSchema } from "graphql";
import { buildSchemaSync } from "type-graphql";
import { RESOLVERS, authChecker } from "./resolvers/index.js";

let built: GraphQLSchema | undefined;

export function buildWarmpathSchema(): GraphQLSchema {
  built ??= buildSchemaSync({
    resolvers: [...RESOLVERS],
    validate: false,
    // Every root field declares what it needs (@Needs); the checker throws our own codes.
    authChecker,
    authMode: "error",
  });
  return built;
}
