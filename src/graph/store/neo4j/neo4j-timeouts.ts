/**
 * How long the Neo4j adapter waits for the database. Inside a deadline (one
 * GraphQL request, see ../../deadline.ts) every call is also capped to the time
 * left; these bounds are what applies outside one (the command line, a library
 * user) and the ceiling inside one. A database that is down or frozen then
 * answers UNAVAILABLE in seconds, never after the driver's own defaults (60 s to
 * acquire a connection, 30 s of retries, no limit on a silent server).
 */
import type { Config } from "neo4j-driver";

export interface Neo4jTimeouts {
  /** TCP connect plus Bolt handshake of one new connection. */
  connectMs: number;
  /** Waiting for a pooled connection, connecting included (the driver wants it >= connectMs). */
  acquireMs: number;
  /** Transient failures (server gone, leader switch, deadlock) are retried for at most this long. */
  retryWindowMs: number;
  /** First pause between retries; it doubles after each one, with 20% jitter. */
  retryDelayMs: number;
  /** `ping()` (readiness) answers within this, up or down. */
  pingMs: number;
}

/**
 * 5 s to connect and 15 s of retries keep a command-line run from hanging on a
 * stopped server while riding out a restart of a few seconds and the deadlocks
 * that concurrent imports of one owner can meet under load (each is retried; 5 s
 * was seen to run out on a busy 2-core machine); 2 s for a ping fits a readiness
 * probe. Inside a request the deadline is the tighter bound. A statement already sent to a frozen server outside any
 * deadline still waits for it: an import may legitimately run for minutes, so
 * only a deadline (or Ctrl-C) cuts it short.
 */
export const NEO4J_TIMEOUTS: Readonly<Neo4jTimeouts> = Object.freeze({
  connectMs: 5_000,
  acquireMs: 10_000,
  retryWindowMs: 15_000,
  retryDelayMs: 200,
  pingMs: 2_000,
});

/** The driver settings that carry these bounds; our own retry loop (neo4j-transact.ts) uses the rest. */
export const driverTimeouts = (
  t: Neo4jTimeouts,
): Pick<
  Config,
  "connectionTimeout" | "connectionAcquisitionTimeout" | "maxTransactionRetryTime"
> => ({
  connectionTimeout: t.connectMs,
  connectionAcquisitionTimeout: Math.max(t.acquireMs, t.connectMs),
  maxTransactionRetryTime: t.retryWindowMs,
});
