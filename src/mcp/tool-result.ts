/**
 * What a tool call answers: the result as JSON text (every client reads it) and as
 * structured content; a failure as a tool error (`isError`) carrying the warmpath code
 * and field, so an assistant can correct its call. Anything unexpected is logged and
 * masked as INTERNAL; a client's mistake never is.
 */
import type { CallToolResult } from "@modelcontextprotocol/server";
import { ErrorCode, isWarmpathError } from "../errors.js";

/** A tool's answer, as text and as structured content. */
export function toolResult(value: object): CallToolResult {
  return {
    content: [{ type: "text", text: JSON.stringify(value) }],
    structuredContent: value as Record<string, unknown>,
  };
}

interface ToolErrorBody {
  error: { code: ErrorCode; message: string; field?: string };
}

/** A failure as a tool error: its code, message and field, or INTERNAL (logged) when unexpected. */
export function toolError(error: unknown, logError: (error: unknown) => void): CallToolResult {
  let body: ToolErrorBody;
  if (isWarmpathError(error) && error.code !== ErrorCode.INTERNAL) {
    body = {
      error: {
        code: error.code,
        message: error.message,
        ...(error.field === undefined ? {} : { field: error.field }),
      },
    };
  } else {
    logError(error);
    body = { error: { code: ErrorCode.INTERNAL, message: "Internal error" } };
  }
  return { ...toolResult(body), isError: true };
}
