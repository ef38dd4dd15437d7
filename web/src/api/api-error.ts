/**
 * The one error type of the web app's API calls. Every failure, from the server or from the
 * way there, becomes an ApiError with a code from API_ERROR_CODES, so the words for it are
 * chosen by one exhaustive switch (error-words.ts) and a screen never shows a stack or nothing.
 */

/**
 * The codes the server sends in `extensions.code` (src/errors.ts, and Apollo's own), and
 * three of the browser's: NETWORK (no answer), BAD_RESPONSE (an answer that is not the API's)
 * and UNKNOWN (a code this app has no words for yet). test/web/documents.test.ts checks that
 * every code of src/errors.ts is listed here.
 */
export const API_ERROR_CODES = [
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "CONFLICT",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "UNAVAILABLE",
  "BAD_REQUEST",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "QUERY_TOO_COSTLY",
  "RESPONSE_TOO_LARGE",
  "RATE_LIMITED",
  "TIMEOUT",
  "INTERNAL",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "NETWORK",
  "BAD_RESPONSE",
  "UNKNOWN",
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** What the server may add to an error: where, and for limits which one and its value. */
export interface ApiErrorDetails {
  field?: string | undefined;
  limit?: string | undefined;
  max?: number | undefined;
  retryAfter?: number | undefined;
  /** The code as the server sent it, when it is not one of API_ERROR_CODES. */
  rawCode?: string | undefined;
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details: ApiErrorDetails = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const isKnown = (code: string): code is ApiErrorCode =>
  (API_ERROR_CODES as readonly string[]).includes(code);

const text = (value: unknown): string | undefined =>
  typeof value === "string" ? value : undefined;
const count = (value: unknown): number | undefined =>
  typeof value === "number" ? value : undefined;

/** The ApiError of one GraphQL error object (`{ message, extensions }`) as the server sends it. */
export function apiErrorFrom(error: unknown): ApiError {
  const record = (typeof error === "object" && error !== null ? error : {}) as Record<
    string,
    unknown
  >;
  const extensions = (
    typeof record.extensions === "object" && record.extensions !== null ? record.extensions : {}
  ) as Record<string, unknown>;
  const raw = text(extensions.code) ?? "UNKNOWN";
  // Apollo names a masked failure INTERNAL_SERVER_ERROR; the server's own masking says INTERNAL.
  const code = raw === "INTERNAL_SERVER_ERROR" ? "INTERNAL" : isKnown(raw) ? raw : "UNKNOWN";
  return new ApiError(code, text(record.message) ?? "The server sent an error without words.", {
    field: text(extensions.field),
    limit: text(extensions.limit),
    max: count(extensions.max),
    retryAfter: count(extensions.retryAfter),
    ...(code === "UNKNOWN" ? { rawCode: raw } : {}),
  });
}

/** Any thrown value as an ApiError (a bug in the page becomes UNKNOWN, with its message). */
export const toApiError = (error: unknown): ApiError =>
  error instanceof ApiError
    ? error
    : new ApiError("UNKNOWN", error instanceof Error ? error.message : String(error));
