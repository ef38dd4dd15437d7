/**
 * Builds warmpath's Apollo server (it never listens by itself: the HTTP entry
 * point or an embedding app does). The store and owner come with each request's
 * context, made by `contextFor`.
 */
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { buildWarmpathSchema } from "./build-schema.js";
import { errorStatusPlugin } from "./error-status.plugin.js";
import type { NetworkStore } from "./graph/index.js";
import { costLimitPlugin } from "./limits/cost-limit.plugin.js";
import { executionGuardPlugin, guardResolvers } from "./limits/execution-guard.plugin.js";
import { operationLimitRules } from "./limits/operation-limits.js";
import { supportedOperationsPlugin } from "./limits/supported-operations.plugin.js";
import {
  createContext,
  formatWarmpathError,
  type ErrorLogger,
  type RequestServices,
  type WarmpathContext,
} from "./resolvers/index.js";
import type { Actor } from "./accounts/index.js";

export interface WarmpathServerOptions {
  /** Production turns introspection and field suggestions ("Did you mean ...") off. Default: false. */
  production?: boolean;
  /** Where unexpected (masked) errors are reported. Default: console.error. */
  logError?: ErrorLogger;
  /** Deepest nesting of selection sets an operation may have (fragments add none). Default: 12. */
  maxDepth?: number;
  /** Most aliased fields one operation may use. Default: 50. */
  maxAliases?: number;
  /** Most directives one operation may use. Default: 50. */
  maxDirectives?: number;
  /** Most lexical tokens in one document; parsing stops there. Default: 5,000. */
  maxTokens?: number;
  /** Most estimated cost units (about one per field resolved, lists multiplied). Default: 50,000. */
  maxCost?: number;
  /** Most items in one list argument. Default: 1,000. */
  maxListArgument?: number;
  /** Most fields one response may resolve. Default: 50,000. */
  maxResponseFields?: number;
}

export const SERVER_DEFAULTS = Object.freeze({
  production: false,
  maxDepth: 12,
  maxAliases: 50,
  maxDirectives: 50,
  maxTokens: 5_000,
  maxCost: 50_000,
  maxListArgument: 1_000,
  maxResponseFields: 50_000,
});

export function createWarmpathServer(
  options: WarmpathServerOptions = {},
): ApolloServer<WarmpathContext> {
  const o = { ...SERVER_DEFAULTS, ...options };
  return new ApolloServer<WarmpathContext>({
    schema: guardResolvers(buildWarmpathSchema()),
    introspection: !o.production,
    includeStacktraceInErrorResponses: false,
    // Apollo's default, stated: GET and form posts without a preflight-forcing header are refused.
    csrfPrevention: true,
    // One operation per request: a batch would multiply every limit below by its length.
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: o.maxTokens },
    validationRules: operationLimitRules(o),
    // Automatic persisted queries off: the web app and the CLI send whole documents, and an
    // unbounded cache of client-chosen documents is one more thing to defend.
    persistedQueries: false,
    plugins: [
      // Apollo's landing page loads its Sandbox from a CDN (blank offline); the HTTP server
      // answers a browser at /graphql with the bundled GraphiQL instead.
      ApolloServerPluginLandingPageDisabled(),
      supportedOperationsPlugin(),
      costLimitPlugin(o),
      executionGuardPlugin(o),
      errorStatusPlugin(),
    ],
    formatError: formatWarmpathError(o.logError ?? ((error) => console.error(error)), {
      hideSuggestions: o.production,
    }),
  });
}

/**
 * The context of one request. `who` is the owner id of a network (an owner actor with every
 * scope: an embedding app that authenticates its own users), an actor, or null (no identity:
 * only the public sign-in operations run). `clock` fixes the time for tests and replays.
 */
export const contextFor = (
  store: NetworkStore,
  who: string | Actor | null,
  clock?: () => Date,
  services?: RequestServices,
): WarmpathContext => createContext(store, who, clock, services);
