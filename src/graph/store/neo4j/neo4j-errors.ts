/**
 * Translates driver failures into warmpath errors; our own errors pass through unchanged.
 * Messages never name the server's address (a client of the API has no business
 * knowing it, and it leaks the topology); the driver's error stays as `cause` for logs.
 */
import { error as codes, isRetryableError, Neo4jError } from "neo4j-driver";
import { conflict, ErrorCode, WarmpathError } from "../../../errors.js";
import { currentDeadline, timeoutError } from "../../deadline.js";

/** The database cannot do the work now; the caller may retry later. */
export const unavailable = (message: string, cause?: unknown): WarmpathError =>
  new WarmpathError(ErrorCode.UNAVAILABLE, message, cause === undefined ? {} : { cause });

export const NOT_REACHABLE = "Neo4j is not reachable; try again shortly.";

const BUSY = "Neo4j is busy with other writes to the same records; try again shortly.";

/** Locks other transactions held until this one's retries ran out: the server answers, it is busy. */
const LOCK_CODES = new Set([
  "Neo.TransientError.Transaction.DeadlockDetected",
  "Neo.TransientError.Transaction.LockAcquisitionTimeout",
  "Neo.TransientError.Transaction.LockClientStopped",
]);

/** Server codes that mean the configured user name or password is wrong. */
const CREDENTIAL_CODES = new Set([
  "Neo.ClientError.Security.Unauthorized",
  "Neo.ClientError.Security.AuthenticationRateLimit",
  "Neo.ClientError.Security.CredentialsExpired",
]);

/** Server codes for a transaction stopped at its time limit (the one we set from the deadline, or the server's). */
const TIMED_OUT_CODES = new Set([
  "Neo.ClientError.Transaction.TransactionTimedOut",
  "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
]);

/** Socket failures that reach us without the driver's wrapping. */
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

export function translateError(error: unknown): unknown {
  if (error instanceof WarmpathError) return error;
  if (!(error instanceof Neo4jError)) {
    const code = (error as { code?: unknown } | null)?.code;
    return typeof code === "string" && SOCKET_CODES.has(code)
      ? unavailable(NOT_REACHABLE, error)
      : error;
  }
  // Wrong credentials are a fault of this server's set-up, not of the API client, so not UNAUTHENTICATED
  // (which would tell the client to fix its own credentials): the database is unusable until someone fixes them.
  if (CREDENTIAL_CODES.has(error.code)) {
    return unavailable(
      `Neo4j refused the user name or password: check NEO4J_USER and NEO4J_PASSWORD (${error.message})`,
      error,
    );
  }
  if (error.code === "Neo.ClientError.Database.DatabaseNotFound") {
    return unavailable(
      `Neo4j has no such database: check NEO4J_DATABASE (${error.message})`,
      error,
    );
  }
  if (TIMED_OUT_CODES.has(error.code) || (isTermination(error.code) && deadlinePassed())) {
    const deadline = currentDeadline();
    const e = deadline
      ? timeoutError(deadline.ms)
      : new WarmpathError(ErrorCode.TIMEOUT, "Neo4j stopped the transaction at its time limit.");
    return new WarmpathError(e.code, e.message, { limit: e.limit, max: e.max, cause: error });
  }
  // The owner lock makes our own checks run first; a constraint still failing means a write raced one of another process.
  if (error.code === "Neo.ClientError.Schema.ConstraintValidationFailed") {
    const e = conflict(
      constrainedProperty(error.message),
      "a record with the same identity was written at the same time; retry",
    );
    return new WarmpathError(e.code, e.message, { field: e.field ?? "id", cause: error });
  }
  if (LOCK_CODES.has(error.code)) return unavailable(BUSY, error);
  // Lost or refused connections, and transient failures still failing when the retries ran out.
  if (
    error.code === codes.SERVICE_UNAVAILABLE ||
    error.code === codes.SESSION_EXPIRED ||
    isRetryableError(error) ||
    isTermination(error.code)
  ) {
    return unavailable(NOT_REACHABLE, error);
  }
  // Driver-side failures carry no server code: a pool that timed out or was closed.
  if (
    error.code === "N/A" &&
    /connection acquisition timed out|pool is closed/i.test(error.message)
  ) {
    return unavailable(NOT_REACHABLE, error);
  }
  return error;
}

/** True when `error` is a failure Neo4j itself reported: proof that the server is answering. */
export const isServerAnswer = (error: unknown): boolean =>
  error instanceof Neo4jError && error.code.startsWith("Neo.");

const isTermination = (code: string): boolean =>
  code.endsWith(".Transaction.Terminated") || code.endsWith(".Transaction.LockClientStopped");

function deadlinePassed(): boolean {
  const deadline = currentDeadline();
  return deadline !== undefined && Date.now() >= deadline.at;
}

/**
 * The field a uniqueness constraint guards, from Neo4j's message ("... already exists with
 * label `User` and property `email` = ..."): the one property of a single-property constraint
 * (a user's `email`, a token's `tokenHash`), else `id` for a record's composite identity.
 */
function constrainedProperty(message: string): string {
  const single = /\band property `(\w+)`/.exec(message);
  return single ? single[1]! : "id";
}
