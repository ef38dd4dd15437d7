/**
 * Runs one unit of work in a Neo4j transaction, retried on transient failures,
 * and bounded by the current deadline (../../deadline.ts).
 *
 * Why not `session.executeRead`/`executeWrite`: their retry window is one number
 * per driver (30 s by default) and nothing bounds a call to a server that holds
 * the socket open without answering (a stopped process). Here each call gets:
 * - the driver's retry policy (`isRetryableError`, doubling pause with jitter),
 *   but retrying only while both `retryWindowMs` and the deadline leave room, so a
 *   stopped server answers UNAVAILABLE within the deadline;
 * - a server-side transaction timeout of the time left, so the server drops work
 *   nobody waits for any more;
 * - a client-side race at the deadline: a frozen server cannot hold the caller.
 *   The loser is abandoned: its session is closed in the background, and it can
 *   neither run another statement nor commit (a write checks the deadline before
 *   it commits, so a timed-out write rolls back, nothing half-written).
 * As with the driver's managed transactions, `work` may run more than once and
 * must have no effects outside the transaction.
 */
import type { BookmarkManager, Driver, Session, Transaction } from "neo4j-driver";
import { isRetryableError } from "neo4j-driver";
import { ErrorCode, WarmpathError } from "../../../errors.js";
import {
  checkDeadline,
  currentDeadline,
  remainingMs,
  settleWithin,
  timeoutError,
} from "../../deadline.js";
import { isServerAnswer, translateError, unavailable } from "./neo4j-errors.js";
import type { Tx } from "./neo4j-run.js";
import type { Neo4jTimeouts } from "./neo4j-timeouts.js";

export interface TransactOptions {
  database: string | undefined;
  mode: "READ" | "WRITE";
  fetchSize?: number;
  timeouts: Neo4jTimeouts;
  /** When the server last answered anything; shared by the calls of one store (see `lateError`). */
  liveness: { lastAnswerAt: number };
  /** A cap of its own, below the deadline (a ping). */
  limitMs?: number;
  /** Shared by the sessions of one store: on a cluster, each read sees what this process saw. */
  bookmarkManager?: BookmarkManager;
}

/**
 * The race fires this long before the deadline, so that our answer (UNAVAILABLE
 * with its reason) reaches the caller before the deadline's own TIMEOUT does.
 */
const RACE_LEAD_MS = 50;

interface Attempt {
  abandoned: boolean;
  session: Session | undefined;
}

export async function transact<T>(
  driver: Driver,
  o: TransactOptions,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const started = Date.now();
  const fromDeadline = remainingMs();
  const ownCap = o.limitMs ?? Infinity;
  checkDeadline();
  // Too little time left to hear back from anyone: say so instead of "no answer within 0 ms".
  const deadline = currentDeadline();
  if (deadline !== undefined && fromDeadline <= RACE_LEAD_MS) throw timeoutError(deadline.ms);
  const budget = Math.min(fromDeadline - RACE_LEAD_MS, ownCap);
  const state: Attempt = { abandoned: false, session: undefined };
  const retried = withRetries(driver, o, work, state, started + budget);
  // Outside a deadline and without a cap of its own, a call waits as long as the server takes (see NEO4J_TIMEOUTS).
  if (!Number.isFinite(budget)) return retried;
  return settleWithin(retried, budget, () => {
    state.abandoned = true;
    state.session?.close().catch(() => undefined);
    return lateError(o, started, budget);
  });
}

/**
 * The error of a call that got no answer in time. UNAVAILABLE when the server
 * has answered nothing at all since the call began (it is frozen or cut off),
 * and always for a call with a cap of its own (a ping asks exactly that);
 * TIMEOUT when the server answers other work, so this call's own work was too slow.
 */
function lateError(o: TransactOptions, started: number, waited: number): Error {
  const deadline = currentDeadline();
  if (o.limitMs === undefined && deadline !== undefined && o.liveness.lastAnswerAt >= started)
    return timeoutError(deadline.ms);
  return unavailable(`Neo4j did not answer within ${Math.round(waited)} ms; try again shortly.`);
}

/** Attempts until one succeeds, the error is not transient, or the next pause would pass `endAt` or the retry window. */
async function withRetries<T>(
  driver: Driver,
  o: TransactOptions,
  work: (tx: Tx) => Promise<T>,
  state: Attempt,
  endAt: number,
): Promise<T> {
  const giveUpAt = Math.min(endAt, Date.now() + o.timeouts.retryWindowMs);
  let pause = o.timeouts.retryDelayMs;
  for (;;) {
    try {
      return await attempt(driver, o, work, state);
    } catch (error) {
      if (isServerAnswer(error)) o.liveness.lastAnswerAt = Date.now();
      const wait = pause * (0.8 + Math.random() * 0.4);
      if (state.abandoned || !isRetryableError(error) || Date.now() + wait >= giveUpAt)
        throw translateError(error);
      await new Promise((resolve) => setTimeout(resolve, wait));
      pause *= 2;
    }
  }
}

async function attempt<T>(
  driver: Driver,
  o: TransactOptions,
  work: (tx: Tx) => Promise<T>,
  state: Attempt,
): Promise<T> {
  stopIfLate(state);
  const session = driver.session({
    database: o.database,
    defaultAccessMode: o.mode,
    ...(o.fetchSize ? { fetchSize: o.fetchSize } : {}),
    ...(o.bookmarkManager ? { bookmarkManager: o.bookmarkManager } : {}),
  });
  state.session = session;
  try {
    // Not awaited: BEGIN goes out with the first statement (one round trip, as the managed transactions do).
    const tx = session.beginTransaction(txConfig());
    try {
      const result = await work(guarded(tx, o, state));
      stopIfLate(state);
      await tx.commit();
      o.liveness.lastAnswerAt = Date.now();
      return result;
    } catch (error) {
      if (tx.isOpen()) await tx.rollback().catch(() => undefined);
      throw error;
    }
  } finally {
    if (!state.abandoned) await session.close().catch(() => undefined);
  }
}

/** The server drops the transaction when the deadline passes, even if our socket to it is gone. */
function txConfig(): { timeout?: number } {
  const left = remainingMs();
  return Number.isFinite(left) ? { timeout: Math.max(1, Math.ceil(left)) } : {};
}

/** The transaction as `work` sees it: every statement first checks that the call is still wanted. */
function guarded(tx: Transaction, o: TransactOptions, state: Attempt): Tx {
  return {
    run: async (cypher, params) => {
      stopIfLate(state);
      const result = await tx.run(cypher, params);
      o.liveness.lastAnswerAt = Date.now();
      return result;
    },
  };
}

/** Throws TIMEOUT once the deadline passed or the caller stopped waiting: nothing more runs, nothing commits. */
function stopIfLate(state: Attempt): void {
  checkDeadline();
  if (state.abandoned)
    throw new WarmpathError(ErrorCode.TIMEOUT, "The caller stopped waiting for this Neo4j work.");
}
