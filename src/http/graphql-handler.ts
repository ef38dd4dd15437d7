/**
 * /graphql: the body is read and checked here (size, UTF-8 JSON), then Apollo's
 * executeHTTPGraphQLRequest does the rest (CSRF prevention, GET, content
 * negotiation). Each request runs under its own deadline, so a request stuck on
 * a hung database or a long computation answers TIMEOUT instead of holding its
 * client without bound.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer } from "@apollo/server";
import { ErrorCode, isWarmpathError } from "../errors.js";
import type { WarmpathContext } from "../resolvers/index.js";
import { contextFor } from "../server.js";
import { readJsonBody } from "./read-json-body.js";
import { sendError } from "./send-json.js";
import { withDeadline, type NetworkStore } from "../graph/index.js";

export interface GraphqlHandlerOptions {
  apollo: ApolloServer<WarmpathContext>;
  store: NetworkStore;
  ownerId: string;
  bodyLimitBytes: number;
  requestTimeoutMs: number;
}

/** HTTP statuses of the body checks' refusals. */
const BODY_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: 415,
  [ErrorCode.BAD_REQUEST]: 400,
};

export function createGraphqlHandler(
  o: GraphqlHandlerOptions,
): (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void> {
  return async (request, response, url) => {
    let body: unknown = "";
    if (request.method === "POST") {
      try {
        body = await readJsonBody(request, o.bodyLimitBytes);
      } catch (error) {
        const status = isWarmpathError(error) ? BODY_STATUS[error.code] : undefined;
        if (status === undefined || !isWarmpathError(error)) throw error;
        // The rest of a refused body is not read: the connection cannot carry another request.
        if (error.code === ErrorCode.PAYLOAD_TOO_LARGE) response.setHeader("connection", "close");
        return sendError(response, status, error);
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    let result;
    try {
      result = await withDeadline(o.requestTimeoutMs, () =>
        o.apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: {
            method: request.method ?? "GET",
            headers,
            search: url.search,
            body,
          },
          context: async () => contextFor(o.store, o.ownerId),
        }),
      );
    } catch (error) {
      // A TIMEOUT is a GraphQL answer like any field error (status 200), with the limit that was hit.
      if (isWarmpathError(error, ErrorCode.TIMEOUT) && !response.headersSent)
        return sendError(response, 200, error);
      throw error;
    }
    response.statusCode = result.status ?? 200;
    for (const [key, value] of result.headers) response.setHeader(key, value);
    if (result.body.kind === "complete") return void response.end(result.body.string);
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  };
}
