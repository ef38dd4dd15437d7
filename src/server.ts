/**
 * Builds warmpath's Apollo server (it never listens by itself: the HTTP entry
 * point or an embedding app does). The store and owner come with each request's
 * context, made by `contextFor`.
 */
import { ApolloServer } from "@apollo/server";
import { buildWarmpathSchema } from "./build-schema.js";
import type { NetworkStore } from "./graph/index.js";
import { createContext, formatWarmpathError, type ErrorLogger, type WarmpathContext } from "./resolvers/index.js";

export interface WarmpathServerOptions {
  /** Production turns introspection off. Default: false. */
  production?: boolean;
  /** Where unexpected (masked) errors are reported. Default: console.error. */
  logError?: ErrorLogger;
}

export function createWarmpathServer(options: WarmpathServerOptions = {}): ApolloServer<WarmpathContext> {
  return new ApolloServer<WarmpathContext>({
    schema: buildWarmpathSchema(),
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    formatError: formatWarmpathError(options.logError ?? ((error) => console.error(error))),
  });
}

/** The context of one request on `ownerId`'s network. */
export const contextFor = (store: NetworkStore, ownerId: string): WarmpathContext => createContext(store, ownerId);
