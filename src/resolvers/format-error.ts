/**
 * The one mapping from warmpath errors to GraphQL errors. A WarmpathError keeps
 * its code, field and limit in `extensions`; GraphQL's own errors (parsing,
 * validation, variable coercion, our limits) keep their code and message; anything else is
 * logged and masked, so no stack trace or internal message reaches a client.
 */
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { ErrorCode, WarmpathError } from "../errors.js";

export type ErrorLogger = (error: unknown) => void;

export interface FormatErrorOptions {
  /** Drop "Did you mean ...?" suggestions, which reveal the schema when introspection is off. */
  hideSuggestions?: boolean;
}

/** Extensions a client may see: the code, where, for limits which limit and its value, when to retry. */
const KEPT_EXTENSIONS = ["code", "field", "line", "limit", "max", "cost", "retryAfter"] as const;

/** graphql's parser names its token limit only in words; give it as our limit extensions. */
const TOKEN_LIMIT = /Document contains more tha[nt] (\d+) tokens/; // graphql 16 writes "more that"

function keptExtensions(
  source: Record<string, unknown>,
  code: string,
  message = "",
): Record<string, unknown> {
  const extensions: Record<string, unknown> = { code };
  for (const key of KEPT_EXTENSIONS)
    if (key !== "code" && source[key] !== undefined) extensions[key] = source[key];
  const tokens = TOKEN_LIMIT.exec(message);
  if (tokens)
    Object.assign(extensions, { field: "query", limit: "maxTokens", max: Number(tokens[1]) });
  return extensions;
}

export function formatWarmpathError(log: ErrorLogger, options: FormatErrorOptions = {}) {
  const clean = (message: string): string =>
    options.hideSuggestions ? message.replace(/ ?Did you mean [^?]*\?/g, "") : message;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const where = {
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
    };
    if (original instanceof WarmpathError) {
      if (original.code === ErrorCode.INTERNAL) log(original);
      return {
        message: original.code === ErrorCode.INTERNAL ? "Internal error" : original.message,
        ...where,
        extensions: keptExtensions(original as unknown as Record<string, unknown>, original.code),
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && code !== "INTERNAL_SERVER_ERROR") {
      return {
        message: clean(formatted.message),
        ...where,
        extensions: keptExtensions(formatted.extensions ?? {}, code, formatted.message),
      };
    }
    log(original);
    return {
      message: "Internal error",
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL },
    };
  };
}
