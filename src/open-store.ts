/**
 * The one place that chooses and constructs a store adapter from configuration
 * (the composition root's helper for the server and the command line).
 */
import type { StoreConfig } from "./config.js";
import type { NetworkStore } from "./graph/index.js";

/** Opens, checks and migrates the configured store; fails fast with UNAVAILABLE when it cannot be reached. */
export async function openStore(config: StoreConfig): Promise<NetworkStore> {
  // Each adapter (and its driver) is loaded only when it is used: `import "warmpath"` loads neither,
  // and a command line on SQLite starts without the Neo4j driver.
  const store: NetworkStore =
    config.kind === "sqlite"
      ? new (await import("./sqlite.js")).SqliteStore({ path: config.path })
      : new (await import("./neo4j.js")).Neo4jStore({
          uri: config.uri,
          user: config.user,
          password: config.password,
          ...(config.database ? { database: config.database } : {}),
        });
  try {
    await store.ping();
    await store.init();
    return store;
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}

/** Where the store lives, for logs: never includes a password. */
export function describeStore(config: StoreConfig): string {
  return config.kind === "sqlite" ? `SQLite at ${config.path}` : `Neo4j at ${config.uri}`;
}
