/**
 * The time budget of the work in progress (one request's deadline). It travels
 * in AsyncLocalStorage, so long loops (imports, projection builds, analytics)
 * and the store adapters can stop at it without every function taking it as an
 * argument. Outside any `withDeadline` there is no limit: the library and the
 * command line run as long as they need.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { ErrorCode, WarmpathError } from "../errors.js";

export interface Deadline {
  /** Epoch milliseconds when the work must stop. */
  readonly at: number;
  /** The whole budget, for messages. */
  readonly ms: number;
}

const scope = new AsyncLocalStorage<Deadline>();

export const timeoutError = (ms: number): WarmpathError =>
  new WarmpathError(ErrorCode.TIMEOUT, `The request ran longer than ${ms} ms and was stopped.`, {
    limit: "deadlineMs",
    max: ms,
  });

/**
 * Runs `work` under a deadline of `ms` milliseconds. The promise rejects with
 * TIMEOUT at the deadline even when `work` is stuck (a hung database); the work
 * itself stops at its next `checkDeadline()`, and writes check before they commit.
 */
export function withDeadline<T>(ms: number, work: () => Promise<T>): Promise<T> {
  const deadline: Deadline = { at: Date.now() + ms, ms };
  return settleWithin(scope.run(deadline, work), ms, () => timeoutError(ms));
}

/**
 * `work`, or the error `late()` gives if `work` has not settled within `ms`
 * (work stuck on a socket cannot be interrupted, only stopped waiting for).
 */
export function settleWithin<T>(work: Promise<T>, ms: number, late: () => unknown): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(late()), Math.max(0, ms));
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** The deadline of the work in progress, if it has one. */
export const currentDeadline = (): Deadline | undefined => scope.getStore();

/** Milliseconds left before the deadline; Infinity outside any deadline. */
export function remainingMs(): number {
  const deadline = scope.getStore();
  return deadline === undefined ? Infinity : Math.max(0, deadline.at - Date.now());
}

/** Throws TIMEOUT once the deadline has passed; call it between units of work. */
export function checkDeadline(): void {
  const deadline = scope.getStore();
  if (deadline !== undefined && Date.now() >= deadline.at) throw timeoutError(deadline.ms);
}

/** Lets other requests run (one macrotask), then checks the deadline: for long loops on the event loop. */
export async function yieldToOthers(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  checkDeadline();
}
