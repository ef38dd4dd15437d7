/**
 * The only reader of environment variables. A library user passes options
 * instead and never needs any of these.
 *
 *   WARMPATH_DB        the SQLite file (default ./data/warmpath.db)
 *   NEO4J_URI          switches the store to Neo4j (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)
 *   WARMPATH_OWNER     whose network a single-user install serves (default "me")
 *   PORT, HOST         where the server listens (default 4000 on localhost)
 */
import { badInput } from "./errors.js";
import { DEFAULT_SQLITE_PATH } from "./graph/store/sqlite/sqlite-store.js";

export type StoreConfig =
  | { kind: "sqlite"; path: string }
  | { kind: "neo4j"; uri: string; user: string; password: string; database?: string };

export interface WarmpathConfig {
  store: StoreConfig;
  owner: string;
  port: number;
  host: string;
  production: boolean;
}

type Env = Record<string, string | undefined>;

const set = (value: string | undefined): string | undefined => (value === undefined || value.trim() === "" ? undefined : value.trim());

export function readConfig(env: Env = process.env): WarmpathConfig {
  const uri = set(env.NEO4J_URI);
  const database = set(env.NEO4J_DATABASE);
  const store: StoreConfig = uri
    ? {
        kind: "neo4j",
        uri,
        user: set(env.NEO4J_USER) ?? "neo4j",
        password: set(env.NEO4J_PASSWORD) ?? "",
        ...(database ? { database } : {}),
      }
    : { kind: "sqlite", path: set(env.WARMPATH_DB) ?? DEFAULT_SQLITE_PATH };
  const port = Number(set(env.PORT) ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw badInput("PORT", "must be a TCP port number");
  return {
    store,
    owner: set(env.WARMPATH_OWNER) ?? "me",
    port,
    host: set(env.HOST) ?? "localhost",
    production: env.NODE_ENV === "production",
  };
}
