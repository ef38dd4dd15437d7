/**
 * Safe retries: runs a request that creates records at most once per owner and
 * idempotency key. A retry with the key gets the first result (stored as JSON)
 * and writes nothing; the same key with another input is CONFLICT on
 * `idempotencyKey`, and so is a key whose first request still runs (answering
 * at once rather than waiting: a waiting request would hold its connection for
 * as long as the first one runs, an import for seconds, and the client retries
 * anyway). A request that fails releases its key, so its retry runs.
 *
 * Single-record creates (`createIdempotent`) record the key in the record's own
 * transaction: there is no window at all. Other requests (`runIdempotent`)
 * write in several transactions between claiming the key and settling it, and
 * that leaves one window: if the process dies after the work committed and
 * before the result was settled (one small write later), the key stays claimed
 * and retries get CONFLICT until its lease ends (the request's deadline plus 30
 * s; 10 minutes without one), after which a retry runs the work again. Imports
 * are safe even then, since they match what is stored instead of duplicating it.
 */
import { createHash } from "node:crypto";
import { checkIdempotencyKey } from "./store/idempotency-key.js";
import type { Inputs, RecordKind, Records } from "./model/kinds.js";
import type { NetworkStore } from "./store/network-store.js";

/** A request: the operation's name, its input (without the key), and its key if it has one. */
export interface IdempotentRequest {
  key: string | null | undefined;
  operation: string;
  input: unknown;
}

/** Canonical JSON (object keys sorted, absent and null values dropped: for our inputs they mean the same) hashed with SHA-256. */
export function fingerprintOf(operation: string, input: unknown): string {
  const canonical = JSON.stringify(input ?? null, (_key, value: unknown) => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([, v]) => v !== undefined && v !== null,
    );
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
  return createHash("sha256").update(`${operation}\n${canonical}`).digest("hex");
}

/** Runs `work` once per key (see the header); without a key, simply runs it. The result must survive JSON. */
export async function runIdempotent<T>(
  store: NetworkStore,
  ownerId: string,
  request: IdempotentRequest,
  work: () => Promise<T>,
): Promise<T> {
  if (request.key === undefined || request.key === null) return work();
  const claim = {
    key: checkIdempotencyKey(request.key),
    fingerprint: fingerprintOf(request.operation, request.input),
  };
  const state = await store.claimKey(ownerId, claim);
  if (state.state === "done") return JSON.parse(state.result) as T;
  let result: T;
  try {
    result = await work();
  } catch (error) {
    // If even the release fails, the lease ends the claim.
    await store.releaseKey(ownerId, claim.key).catch(() => undefined);
    throw error;
  }
  await store.settleKey(ownerId, claim, JSON.stringify(result));
  return result;
}

/** Creates one record once per key, the key recorded in the record's transaction; without a key, a plain create. */
export function createIdempotent<K extends RecordKind>(
  store: NetworkStore,
  ownerId: string,
  kind: K,
  input: Inputs[K],
  key: string | null | undefined,
): Promise<Records[K]> {
  if (key === undefined || key === null) return store.create(ownerId, kind, input);
  const idempotency = {
    key: checkIdempotencyKey(key),
    fingerprint: fingerprintOf(`create:${kind}`, input),
  };
  return store.create(ownerId, kind, input, { idempotency });
}
