/**
 * The one place that chooses and constructs a store adapter from configuration
 * (the composition root's helper for the server and the command line).
 */
import type { StoreConfig } from "./config.js";
import type { NetworkStore } from "./graph/store/network-store.js";
import { SqliteStore } from "./graph/store/sqlite/sqlite-store.js";

/** Opens, checks and migrates the configured store; fails fast with UNAVAILABLE when it cannot be reached. */
export async function openStore(config: StoreConfig): Promise<NetworkStore> {
  // The Neo4j driver is loaded only when it is used: a command line on SQLite starts without it.
  const store: NetworkStore =
    config.kind === "sqlite"
      ? new SqliteStore({ path: config.path })
      : new (await import("./graph/store/neo4j/neo4j-store.js")).Neo4jStore({
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
