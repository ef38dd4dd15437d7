/**
 * The only reader of environment variables. A library user passes options
 * instead and never needs any of these.
 *
 *   WARMPATH_DB        the SQLite file (default ./data/warmpath.db)
 *   NEO4J_URI          switches the store to Neo4j (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)
 *   WARMPATH_OWNER     whose network a single-user install serves (default "me")
 *   PORT, HOST         where the server listens (default 4000 on localhost)
 *   WARMPATH_ALLOWED_HOSTS       more names the server answers to, comma-separated (see allowedHosts)
 *   WARMPATH_REQUEST_TIMEOUT_MS  the deadline of one GraphQL request (default 10000)
 */
import { badInput } from "./errors.js";

/** The SQLite file when WARMPATH_DB is not set; a library user always names the file (SqliteStoreOptions.path). */
export const DEFAULT_SQLITE_PATH = "./data/warmpath.db";

export type StoreConfig =
  | { kind: "sqlite"; path: string }
  | { kind: "neo4j"; uri: string; user: string; password: string; database?: string };

export interface WarmpathConfig {
  store: StoreConfig;
  owner: string;
  port: number;
  host: string;
  /** Names besides localhost and the loopback addresses that the server answers to. */
  allowedHosts: string[];
  /** Set only when WARMPATH_REQUEST_TIMEOUT_MS is; the server's own default applies otherwise. */
  requestTimeoutMs?: number;
  production: boolean;
}

type Env = Record<string, string | undefined>;

const set = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === "" ? undefined : value.trim();

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
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw badInput("PORT", "must be a TCP port number");
  const timeout = set(env.WARMPATH_REQUEST_TIMEOUT_MS);
  const requestTimeoutMs = timeout === undefined ? undefined : Number(timeout);
  if (
    requestTimeoutMs !== undefined &&
    (!Number.isInteger(requestTimeoutMs) || requestTimeoutMs <= 0)
  ) {
    throw badInput(
      "WARMPATH_REQUEST_TIMEOUT_MS",
      "must be a whole number of milliseconds, more than 0",
    );
  }
  return {
    store,
    owner: set(env.WARMPATH_OWNER) ?? "me",
    port,
    host: set(env.HOST) ?? "localhost",
    allowedHosts: (env.WARMPATH_ALLOWED_HOSTS ?? "").split(",").flatMap((name) => set(name) ?? []),
    ...(requestTimeoutMs === undefined ? {} : { requestTimeoutMs }),
    production: env.NODE_ENV === "production",
  };
}
