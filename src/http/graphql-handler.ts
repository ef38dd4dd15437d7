/**
 * /graphql: the body is read and checked here (size, UTF-8 JSON), then Apollo's
 * executeHTTPGraphQLRequest does the rest (CSRF prevention, GET, content
 * negotiation). Each request runs under its own deadline, so a request stuck on
 * a hung database or a long computation answers TIMEOUT instead of holding its
 * client without bound.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { HeaderMap, type ApolloServer } from "@apollo/server";
import { ErrorCode, isWarmpathError, WarmpathError } from "../errors.js";
import type { WarmpathContext } from "../resolvers/index.js";
import { contextFor } from "../server.js";
import { readJsonBody } from "./read-json-body.js";
import { sendError } from "./send-json.js";
import { withDeadline, type NetworkStore } from "../graph/index.js";
import type { AccountServices, PasskeyCeremonies } from "../accounts/index.js";
import type { AuthGate, RequestIdentity } from "./auth-gate.js";
import { isSameSiteRequest } from "./cross-site-check.js";
import { requestSide, type ProxySettings } from "./request-side.js";
import { clearedSessionCookie, sessionCookie } from "./session-cookie.js";

export interface GraphqlHandlerOptions extends ProxySettings {
  apollo: ApolloServer<WarmpathContext>;
  store: NetworkStore;
  gate: AuthGate;
  accounts: AccountServices;
  passkeys: PasskeyCeremonies;
  /** Origins besides the server's own whose browser requests may use the session cookie. */
  allowedOrigins: ReadonlySet<string>;
  bodyLimitBytes: number;
  requestTimeoutMs: number;
}

const crossSiteRefused = (): WarmpathError =>
  new WarmpathError(
    ErrorCode.FORBIDDEN,
    "A request from another site cannot use this server's session: send an API token instead.",
  );

/** The cookie the request's identity asks to send back, besides what the operation set. */
function identityCookies(identity: RequestIdentity, now: Date): string[] {
  if (identity.clearCookie) return [clearedSessionCookie()];
  if (identity.extendCookieTo && identity.sessionToken)
    return [sessionCookie(identity.sessionToken, identity.extendCookieTo, now)];
  return [];
}

/** HTTP statuses of the body checks' refusals. */
const BODY_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: 415,
  [ErrorCode.BAD_REQUEST]: 400,
};

/**
 * Statuses of what stops a request before or while it runs: a Bearer token that is not valid
 * answers 401. A store that cannot answer while the caller is identified (UNAVAILABLE), and a
 * TIMEOUT, are GraphQL answers like the same failure in a field (200), with the limit that was hit.
 */
const FAILURE_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.UNAVAILABLE]: 200,
  [ErrorCode.TIMEOUT]: 200,
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
    // Ambient credentials (the cookie, or a loopback server's open door) serve no other site.
    if (request.method === "POST" && request.headers.authorization === undefined) {
      const sameSite = isSameSiteRequest(
        {
          host: request.headers.host,
          origin: request.headers.origin,
          secFetchSite: header(request.headers["sec-fetch-site"]),
        },
        o.allowedOrigins,
      );
      if (!sameSite) return sendError(response, 403, crossSiteRefused());
    }
    const now = new Date();
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    let identity: RequestIdentity | undefined;
    let setCookies: string[] = [];
    let result;
    try {
      // Finding who asks reads the store too, so it runs under the request's deadline.
      result = await withDeadline(o.requestTimeoutMs, async () => {
        identity = await o.gate.identify(request, now);
        const found = identity;
        const made = requestSide(request, found.sessionToken, now, o);
        setCookies = made.setCookies;
        return o.apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: {
            method: request.method ?? "GET",
            headers,
            search: url.search,
            body,
          },
          context: async () =>
            contextFor(o.store, found.actor, () => now, {
              http: made.side,
              accounts: o.accounts,
              passkeys: o.passkeys,
            }),
        });
      });
    } catch (error) {
      if (!isWarmpathError(error) || response.headersSent) throw error;
      if (error.code === ErrorCode.UNAUTHENTICATED)
        response.setHeader("www-authenticate", 'Bearer realm="warmpath", error="invalid_token"');
      const status = FAILURE_STATUS[error.code];
      if (status === undefined) throw error;
      return sendError(response, status, error);
    }
    response.statusCode = result.status ?? 200;
    for (const [key, value] of result.headers) response.setHeader(key, value);
    // What the operation set (sign-in, sign-out) comes last and wins over the identity's refresh.
    const cookies = [...identityCookies(identity!, now), ...setCookies];
    if (cookies.length > 0) response.setHeader("set-cookie", cookies.slice(-1));
    if (cookies.length > 0) response.setHeader("cache-control", "no-store");
    if (result.body.kind === "complete") return void response.end(result.body.string);
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  };
}

const header = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;
