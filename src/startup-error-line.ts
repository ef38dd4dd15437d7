/**
 * The one line `npm start` prints when it cannot start. Start-up fails for
 * reasons in the environment (a busy port, a bad WARMPATH_DB, an unreachable or
 * refusing Neo4j, a bad setting), and the person reading the terminal needs
 * what to change, not a stack trace; only an error we did not foresee (a bug)
 * keeps its stack.
 */
import type { WarmpathConfig } from "./config.js";
import { isWarmpathError } from "./errors.js";

/** Which step of start-up failed: reading settings, opening the store, or listening. */
export type StartupStep = "config" | "store" | "listen";

const oneLine = (text: string): string => text.replace(/\s+/g, " ").trim();

/** Node's system errors (EADDRINUSE, ENOTDIR, ...) and SQLite's (SQLITE_NOTADB, ...) carry a string code. */
function codeOf(error: Error): string | undefined {
  const code: unknown = (error as Error & { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

function listenLine(code: string | undefined, config: WarmpathConfig, error: Error): string {
  switch (code) {
    case "EADDRINUSE":
      return `port ${config.port} is in use; set PORT`;
    case "EACCES":
      return `port ${config.port} needs privileges this process does not have; set PORT`;
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `cannot listen on HOST ${config.host} (${code}); set HOST`;
    default:
      return `cannot listen on ${config.host}:${config.port}: ${error.message}`;
  }
}

/** The settings that say where the store is. */
const settingOf = (config: WarmpathConfig): string =>
  config.store.kind === "neo4j" ? "NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD" : "WARMPATH_DB";

/** Plain words for the ways a SQLite path can be unusable. */
const SQLITE_PATH_PROBLEMS: Readonly<Record<string, string>> = Object.freeze({
  EEXIST: "part of its folder path is a file, not a folder",
  ENOTDIR: "part of its folder path is a file, not a folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  SQLITE_CANTOPEN: "the file cannot be opened or created",
  SQLITE_READONLY: "the file is read-only",
});

function storeLine(code: string | undefined, config: WarmpathConfig, error: Error): string {
  const { store } = config;
  if (store.kind === "neo4j")
    return `cannot open Neo4j: ${error.message} (check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD)`;
  if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT")
    return `WARMPATH_DB ${store.path} is not a usable SQLite database (${error.message}); point WARMPATH_DB at another file`;
  const problem = code === undefined ? undefined : SQLITE_PATH_PROBLEMS[code];
  if (problem !== undefined)
    return `cannot open WARMPATH_DB ${store.path}: ${problem} (${code}); set WARMPATH_DB`;
  return `cannot open WARMPATH_DB ${store.path}: ${error.message}`;
}

/**
 * `warmpath: ...` for an error at start-up, or undefined for an unforeseen one
 * (print it whole). WarmpathErrors keep their code: `warmpath: UNAVAILABLE: ...`.
 */
export function startupErrorLine(
  error: unknown,
  step: StartupStep,
  config?: WarmpathConfig,
): string | undefined {
  if (isWarmpathError(error)) {
    // Messages never echo the database's host and port (logs travel); the operator is told which setting to check.
    const setting = step === "store" && config !== undefined ? settingOf(config) : undefined;
    const suffix =
      setting === undefined || /NEO4J_|WARMPATH_DB/.test(error.message)
        ? ""
        : ` (check ${setting})`;
    return oneLine(`warmpath: ${error.code}: ${error.message}${suffix}`);
  }
  if (!(error instanceof Error) || config === undefined) return undefined;
  const code = codeOf(error);
  // An error with a code (SQLite's, the file system's, the driver's) is about the database or its settings.
  if (step === "store" && code !== undefined)
    return oneLine(`warmpath: ${storeLine(code, config, error)}`);
  if (step === "listen" && code !== undefined)
    return oneLine(`warmpath: ${listenLine(code, config, error)}`);
  return undefined;
}
