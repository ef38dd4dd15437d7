/** Writes a JSON answer, and the `{ errors: [...] }` shape every refusal of the HTTP edge shares. */
import type { ServerResponse } from "node:http";
import type { WarmpathError } from "../errors.js";

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}

/** A GraphQL-shaped error answer with the error's code and, for limits, which limit and its value. */
export function sendError(
  response: ServerResponse,
  status: number,
  error: Pick<WarmpathError, "code" | "message"> & {
    limit?: string | undefined;
    max?: number | undefined;
  },
): void {
  const extensions = {
    code: error.code,
    ...(error.limit === undefined ? {} : { limit: error.limit }),
    ...(error.max === undefined ? {} : { max: error.max }),
  };
  sendJson(response, status, { errors: [{ message: error.message, extensions }] });
}
