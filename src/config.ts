/**
 * The only reader of environment variables. A library user passes options
 * instead and never needs any of these.
 *
 *   WARMPATH_DB        the SQLite file (default ./data/warmpath.db); the command line's --db wins
 *   NEO4J_URI          switches the store to Neo4j (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)
 *   WARMPATH_OWNER     whose network a single-user install serves (default "me")
 *   PORT, HOST         where the server listens (default 4000 on localhost)
 *   WARMPATH_ALLOWED_HOSTS       more names the server answers to, comma-separated (see allowedHosts)
 *   WARMPATH_REQUEST_TIMEOUT_MS  the deadline of one GraphQL request (default 10000)
 *   WARMPATH_SNAPSHOT_DIR  where projections keep warm-start snapshots (default: "snapshots" beside
 *                      the SQLite file, ./data/snapshots with Neo4j; "off" for none)
 *   WARMPATH_PROJECTION_BUDGET_MB  memory for warm projections and team pools, least recently
 *                      used evicted first (default 2048; see PROJECTION_BUDGET_DEFAULTS)
 *   WARMPATH_SETUP=1   with no account yet, print a one-time setup token for the first one
 *   WARMPATH_ALLOWED_ORIGINS     other sites whose browser requests may use the session cookie
 *   WARMPATH_TRUST_PROXY=1       behind a reverse proxy: believe its X-Forwarded-For and -Proto
 *   WARMPATH_PUBLIC_URL          the address people open (https://warmpath.example.com), for passkeys
 *   WARMPATH_SERVER    the command line asks this server (its URL) instead of opening the store
 *   WARMPATH_TOKEN     the API token the command line sends to WARMPATH_SERVER
 *   NO_COLOR, FORCE_COLOR  the command line's colours: off with NO_COLOR (any value, per
 *                      no-color.org), on with FORCE_COLOR; else on a terminal only (see wantsColor)
 */
import { dirname, join } from "node:path";
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
  /** Where projections keep their warm-start snapshots; undefined for none (an in-memory store, or "off"). */
  snapshotDir?: string;
  /** Set only when WARMPATH_PROJECTION_BUDGET_MB is; PROJECTION_BUDGET_DEFAULTS applies otherwise. */
  projectionBudgetBytes?: number;
  production: boolean;
  /** Accounts: the setup token, other origins, the proxy in front, the public address. */
  setup: boolean;
  allowedOrigins: string[];
  trustProxy: boolean;
  publicUrl?: string;
  /** For the command line: a warmpath server to query instead of the store (WARMPATH_SERVER). */
  server?: string;
  /** For the command line: the API token sent to `server` (WARMPATH_TOKEN). */
  token?: string;
}

type Env = Record<string, string | undefined>;

/** Settings given as arguments (the command line's options), which win over the environment. */
export interface ConfigOverrides {
  /** The SQLite file (`--db`): chosen explicitly, so it wins over WARMPATH_DB and NEO4J_URI. */
  db?: string;
}

const set = (value: string | undefined): string | undefined =>
  value === undefined || value.trim() === "" ? undefined : value.trim();

const list = (value: string | undefined): string[] =>
  (value ?? "").split(",").flatMap((item) => set(item) ?? []);

/** "1", "true" or "yes" (any case) is on; unset or "0", "false", "no" off; anything else refused. */
function flag(env: Env, name: string): boolean {
  const value = set(env[name])?.toLowerCase();
  if (value === undefined || ["0", "false", "no"].includes(value)) return false;
  if (["1", "true", "yes"].includes(value)) return true;
  throw badInput(name, "must be 1 or 0");
}

/** Every setting: the argument if given, then the environment variable, then the default. */
export function readConfig(
  env: Env = process.env,
  overrides: ConfigOverrides = {},
): WarmpathConfig {
  const db = overrides.db === undefined ? undefined : set(overrides.db);
  if (overrides.db !== undefined && db === undefined) throw badInput("--db", "must name a file");
  const uri = db === undefined ? set(env.NEO4J_URI) : undefined;
  const database = set(env.NEO4J_DATABASE);
  const store: StoreConfig = uri
    ? {
        kind: "neo4j",
        uri,
        user: set(env.NEO4J_USER) ?? "neo4j",
        password: set(env.NEO4J_PASSWORD) ?? "",
        ...(database ? { database } : {}),
      }
    : { kind: "sqlite", path: db ?? set(env.WARMPATH_DB) ?? DEFAULT_SQLITE_PATH };
  const snapshots = set(env.WARMPATH_SNAPSHOT_DIR);
  const snapshotDir =
    snapshots === "off"
      ? undefined
      : (snapshots ??
        (store.kind === "neo4j"
          ? join("data", "snapshots")
          : store.path === ":memory:"
            ? undefined
            : join(dirname(store.path), "snapshots")));
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
  const budget = set(env.WARMPATH_PROJECTION_BUDGET_MB);
  const budgetMb = budget === undefined ? undefined : Number(budget);
  if (budgetMb !== undefined && (!Number.isInteger(budgetMb) || budgetMb < 0 || budgetMb > 2 ** 30))
    throw badInput(
      "WARMPATH_PROJECTION_BUDGET_MB",
      "must be a whole number of megabytes, 0 or more",
    );
  const publicUrl = set(env.WARMPATH_PUBLIC_URL);
  const server = set(env.WARMPATH_SERVER);
  const token = set(env.WARMPATH_TOKEN);
  return {
    store,
    owner: set(env.WARMPATH_OWNER) ?? "me",
    port,
    host: set(env.HOST) ?? "localhost",
    allowedHosts: list(env.WARMPATH_ALLOWED_HOSTS),
    ...(requestTimeoutMs === undefined ? {} : { requestTimeoutMs }),
    ...(budgetMb === undefined ? {} : { projectionBudgetBytes: budgetMb * 1024 ** 2 }),
    ...(snapshotDir === undefined ? {} : { snapshotDir }),
    production: env.NODE_ENV === "production",
    setup: flag(env, "WARMPATH_SETUP"),
    allowedOrigins: list(env.WARMPATH_ALLOWED_ORIGINS),
    trustProxy: flag(env, "WARMPATH_TRUST_PROXY"),
    ...(publicUrl === undefined ? {} : { publicUrl }),
    ...(server === undefined ? {} : { server }),
    ...(token === undefined ? {} : { token }),
  };
}

/**
 * Whether the command line colours its output: NO_COLOR (set to anything) turns colours off,
 * FORCE_COLOR on; otherwise only on a terminal that is not TERM=dumb, never when piped.
 */
export function wantsColor(env: Env, isTerminal: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "" && env.FORCE_COLOR !== "0")
    return true;
  return isTerminal && env.TERM !== "dumb";
}
