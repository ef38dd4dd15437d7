/**
 * Builds warmpath's Apollo server (it never listens by itself: the HTTP entry
 * point or an embedding app does). The store and owner come with each request's
 * context, made by `contextFor`.
 */
import { ApolloServer } from "@apollo/server";
import { buildWarmpathSchema } from "./build-schema.js";
import type { NetworkStore } from "./graph/index.js";
import { createContext, formatWarmpathError, type ErrorLogger, type WarmpathContext } from "./resolvers/index.js";
import { maxAliasesRule } from "./rules/max-aliases.js";
import { maxDepthRule } from "./rules/max-depth.js";

export interface WarmpathServerOptions {
  /** Production turns introspection off. Default: false. */
  production?: boolean;
  /** Where unexpected (masked) errors are reported. Default: console.error. */
  logError?: ErrorLogger;
  /** Deepest nesting of selection sets an operation may have. Default: 12. */
  maxDepth?: number;
  /** Most aliased fields one operation may use. Default: 50. */
  maxAliases?: number;
}

export const SERVER_DEFAULTS = Object.freeze({ production: false, maxDepth: 12, maxAliases: 50 });

export function createWarmpathServer(options: WarmpathServerOptions = {}): ApolloServer<WarmpathContext> {
  const o = { ...SERVER_DEFAULTS, ...options };
  return new ApolloServer<WarmpathContext>({
    schema: buildWarmpathSchema(),
    introspection: !o.production,
    includeStacktraceInErrorResponses: false,
    // Apollo's default, stated: GET and form posts without a preflight-forcing header are refused.
    csrfPrevention: true,
    validationRules: [maxDepthRule(o.maxDepth), maxAliasesRule(o.maxAliases)],
    formatError: formatWarmpathError(o.logError ?? ((error) => console.error(error))),
  });
}

/** The context of one request on `ownerId`'s network; `clock` fixes the time for tests and replays. */
export const contextFor = (store: NetworkStore, ownerId: string, clock?: () => Date): WarmpathContext => createContext(store, ownerId, clock);
