/**
 * The answer of /readyz. The store's ping runs under a short deadline of its
 * own, so a hung database (a stopped process keeps its sockets open and never
 * answers) makes the server say 503 within that bound instead of holding the
 * probe, and the orchestrator behind it, for the driver's own timeouts.
 */
import { ErrorCode, isWarmpathError } from "../errors.js";
import { withDeadline, type NetworkStore } from "../graph/index.js";

export interface Readiness {
  status: 200 | 503;
  body: { status: "ready" | "unavailable"; store: string; code?: string };
}

export async function checkReadiness(store: NetworkStore, timeoutMs: number): Promise<Readiness> {
  try {
    await withDeadline(timeoutMs, () => store.ping());
    return { status: 200, body: { status: "ready", store: store.backend } };
  } catch (error) {
    // A ping that ran out of time means the store is unavailable, not that the probe was slow.
    const code =
      isWarmpathError(error) && error.code !== ErrorCode.TIMEOUT
        ? error.code
        : ErrorCode.UNAVAILABLE;
    return { status: 503, body: { status: "unavailable", store: store.backend, code } };
  }
}
