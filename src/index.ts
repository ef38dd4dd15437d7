import "reflect-metadata";

/**
 * warmpath, the library: everything an app needs to embed the network store.
 * This file is the public API; anything not exported here is internal.
 */

// Errors: one class, one set of codes.
export { ErrorCode, WarmpathError, isWarmpathError, type WarmpathErrorDetails } from "./errors.js";

// The domain model and the store port with its two adapters.
export * from "./graph/index.js";

// The GraphQL API: the executable schema, a ready Apollo server, and the per-request context.
export { buildWarmpathSchema } from "./build-schema.js";
export { createWarmpathServer, contextFor, SERVER_DEFAULTS, type WarmpathServerOptions } from "./server.js";
export { startHttpServer, HTTP_DEFAULTS, type HttpServerOptions, type RunningServer, type RequestLogger } from "./http-server.js";
export type { WarmpathContext } from "./resolvers/index.js";

// Choosing a store from settings, as the server and CLI do.
export { readConfig, type WarmpathConfig, type StoreConfig } from "./config.js";
export { openStore, describeStore } from "./open-store.js";

// The command line, for tools that wrap it.
export { runCli } from "./cli/main.js";
