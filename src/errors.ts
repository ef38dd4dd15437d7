/**
 * The one error type of warmpath. Every failure a caller can act on carries a
 * code from `ErrorCode` and, where it helps, the field (or row) it was found in.
 * This module has no GraphQL imports: the GraphQL mapping lives with the resolvers.
 */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  UNAVAILABLE: "UNAVAILABLE",
  /** An HTTP request that is not a GraphQL request at all (malformed JSON). */
  BAD_REQUEST: "BAD_REQUEST",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  /** A body that is not UTF-8 JSON (HTTP 415). */
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  /** An operation whose estimated cost is over the budget; refused before it runs. */
  QUERY_TOO_COSTLY: "QUERY_TOO_COSTLY",
  /** A response that would hold more fields than allowed; stopped while running. */
  RESPONSE_TOO_LARGE: "RESPONSE_TOO_LARGE",
  /** Too many failed sign-ins for an account or from an address: wait `retryAfter` seconds (HTTP 429). */
  RATE_LIMITED: "RATE_LIMITED",
  /** Work that ran past its deadline and was stopped. */
  TIMEOUT: "TIMEOUT",
  INTERNAL: "INTERNAL",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface WarmpathErrorDetails {
  /** The input field the error is about, as a path: `emails[1]`, `personA`. */
  field?: string;
  /** The 1-based row or line of an import file. */
  line?: number;
  /** For limits: which limit, and its value (`{ limit: "maxDepth", max: 12 }`). */
  limit?: string;
  max?: number;
  /** For RATE_LIMITED: the seconds to wait before trying again. */
  retryAfter?: number;
  cause?: unknown;
}

export class WarmpathError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly line: number | undefined;
  readonly limit: string | undefined;
  readonly max: number | undefined;
  readonly retryAfter: number | undefined;

  constructor(code: ErrorCode, message: string, details: WarmpathErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "WarmpathError";
    this.code = code;
    this.field = details.field;
    this.line = details.line;
    this.limit = details.limit;
    this.max = details.max;
    this.retryAfter = details.retryAfter;
  }
}

export const badInput = (field: string, message: string): WarmpathError =>
  new WarmpathError(ErrorCode.BAD_USER_INPUT, `${field}: ${message}`, { field });

/** The same answer for a missing id and for another owner's id, so ids leak nothing. */
export const notFound = (kind: string, id: string, field?: string): WarmpathError =>
  new WarmpathError(
    ErrorCode.NOT_FOUND,
    `${kind} ${JSON.stringify(id)} not found`,
    field === undefined ? {} : { field },
  );

export const conflict = (field: string, message: string): WarmpathError =>
  new WarmpathError(ErrorCode.CONFLICT, `${field}: ${message}`, { field });

export const isWarmpathError = (e: unknown, code?: ErrorCode): e is WarmpathError =>
  e instanceof WarmpathError && (code === undefined || e.code === code);

/** For states the code believes impossible; a failure here is a bug, not bad input. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new WarmpathError(ErrorCode.INTERNAL, `invariant failed: ${message}`);
}
