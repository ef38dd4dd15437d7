/**
 * Timeouts node:http applies to each connection, so clients that trickle
 * headers or bodies (slow loris) or sit idle are closed instead of holding a
 * socket and its memory forever. Node's own defaults are 60 s for headers, 300 s
 * for a whole request and a 30 s check; these are tighter, for a small API.
 */
import { badInput } from "../errors.js";

export interface ConnectionTimeouts {
  /** Milliseconds a client has to send all request headers. */
  headersTimeout: number;
  /** Milliseconds a client has to send the whole request, body included; 0 means none. */
  requestTimeout: number;
  /** Milliseconds an idle keep-alive connection stays open after a response. */
  keepAliveTimeout: number;
  /** How often node:http checks connections against the two timeouts above. */
  connectionsCheckingInterval: number;
}

export const CONNECTION_TIMEOUT_DEFAULTS: Readonly<ConnectionTimeouts> = Object.freeze({
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 1_000,
});

/** Merges `overrides` into the defaults and checks them as node:http would, but with our error code. */
export function connectionTimeouts(
  overrides: Partial<ConnectionTimeouts> = {},
): ConnectionTimeouts {
  const t = { ...CONNECTION_TIMEOUT_DEFAULTS, ...overrides };
  for (const [name, value] of Object.entries(t)) {
    if (!Number.isInteger(value) || value < 0)
      throw badInput(
        `connectionTimeouts.${name}`,
        "must be a whole number of milliseconds, 0 or more",
      );
  }
  if (t.connectionsCheckingInterval === 0)
    throw badInput("connectionTimeouts.connectionsCheckingInterval", "must be more than 0");
  if (t.requestTimeout > 0 && t.headersTimeout > t.requestTimeout)
    throw badInput("connectionTimeouts.headersTimeout", "must not be longer than requestTimeout");
  return t;
}
