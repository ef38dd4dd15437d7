/**
 * The one mapping from warmpath errors to GraphQL errors. A WarmpathError keeps
 * its code and field in `extensions`; GraphQL's own errors (parsing, validation,
 * variable coercion) pass through; anything else is logged and masked, so no
 * stack trace or internal message reaches a client.
 */
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import { ErrorCode, WarmpathError } from "../errors.js";

export type ErrorLogger = (error: unknown) => void;

export function formatWarmpathError(log: ErrorLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof WarmpathError) {
      if (original.code === ErrorCode.INTERNAL) log(original);
      const extensions: Record<string, unknown> = { code: original.code };
      if (original.field !== undefined) extensions.field = original.field;
      if (original.line !== undefined) extensions.line = original.line;
      return {
        message: original.code === ErrorCode.INTERNAL ? "Internal error" : original.message,
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions,
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && code !== "INTERNAL_SERVER_ERROR") return { ...formatted, extensions: { code } };
    log(original);
    return { message: "Internal error", ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: ErrorCode.INTERNAL } };
  };
}
