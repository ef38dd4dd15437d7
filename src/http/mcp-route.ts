/**
 * /mcp: the MCP server over Streamable HTTP, stateless (the SDK's createMcpHandler builds a
 * fresh server for each request, so nothing is held between requests and any replica can
 * answer). Before the SDK sees a request (its Host header was checked by the server already):
 * - a browser's request from another site is refused by the cross-site rule of /graphql
 *   (cross-site-check.ts; the MCP transport spec asks servers to validate Origin). Unlike
 *   /graphql, a Bearer token does not skip it: an assistant's page on another site has no
 *   business calling /mcp.
 * - it needs an identity holding the `mcp` scope: an API token (`Authorization: Bearer`), or
 *   the single owner of a loopback install without accounts, as for /graphql. A browser's
 *   session cookie is not enough: an assistant is given a token of its own. No identity: 401;
 *   no `mcp` scope: 403.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AuthInfo } from "@modelcontextprotocol/server";
import type { Actor } from "../accounts/index.js";
import { ErrorCode, isWarmpathError, WarmpathError } from "../errors.js";
import type { NetworkStore } from "../graph/index.js";
import type { McpContext } from "../mcp/index.js";
import type { AuthGate } from "./auth-gate.js";
import { isSameSiteRequest } from "./cross-site-check.js";
import { sendError } from "./send-json.js";

export interface McpRouteOptions {
  store: NetworkStore;
  gate: AuthGate;
  /** Origins besides the server's own that may call /mcp from a browser. */
  allowedOrigins: ReadonlySet<string>;
  bodyLimitBytes: number;
  /** Each tool call's deadline, the same as a GraphQL request's. */
  requestTimeoutMs: number;
  logError: (error: unknown) => void;
}

export interface McpRoute {
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
  close(): Promise<void>;
}

const CHALLENGE = 'Bearer realm="warmpath", scope="mcp"';

const noToken = () =>
  new WarmpathError(
    ErrorCode.UNAUTHENTICATED,
    "/mcp needs an API token with the mcp scope, sent as Authorization: Bearer wp_... (`warmpath token create --user EMAIL --name NAME --scopes mcp`).",
  );

const noScope = () =>
  new WarmpathError(
    ErrorCode.FORBIDDEN,
    "This API token lacks the mcp scope: give the assistant one made with `warmpath token create --user EMAIL --name NAME --scopes mcp`.",
  );

/** The tools' context travels to the server factory in the SDK's pass-through auth info. */
interface McpAuthInfo extends AuthInfo {
  extra: { context: McpContext };
}

function contextOf(actor: Actor, store: NetworkStore): McpContext {
  return {
    store,
    ownerId: actor.ownerId,
    user: actor.kind === "owner" ? null : actor.user,
    now: () => new Date(),
  };
}

/** The SDK's handler for /mcp, and the Node adapter that serves it. */
async function sdkHandler(o: McpRouteOptions) {
  const [{ toNodeHandler }, { createMcpHandler }, { createMcpServer }] = await Promise.all([
    import("@modelcontextprotocol/node"),
    import("@modelcontextprotocol/server"),
    import("../mcp/index.js"),
  ]);
  const handler = createMcpHandler(
    ({ authInfo }) =>
      createMcpServer((authInfo as McpAuthInfo).extra.context, {
        logError: o.logError,
        deadlineMs: o.requestTimeoutMs,
      }),
    { legacy: "stateless", maxRequestBodySize: o.bodyLimitBytes, onerror: o.logError },
  );
  const serve = toNodeHandler(handler, {
    maxRequestBodySize: o.bodyLimitBytes,
    onerror: o.logError,
  });
  return { serve, close: () => handler.close() };
}

export function createMcpRoute(o: McpRouteOptions): McpRoute {
  // The MCP SDK and the tools (with zod, a tenth of the server's modules) are loaded by the
  // first request that reaches them, so a server no assistant calls starts without them.
  let sdk: ReturnType<typeof sdkHandler> | null = null;
  return {
    async handle(request, response) {
      const { host, origin } = request.headers;
      const secFetchSite = [request.headers["sec-fetch-site"]].flat()[0];
      if (!isSameSiteRequest({ host, origin, secFetchSite }, o.allowedOrigins)) {
        const named = JSON.stringify((origin ?? "").slice(0, 100));
        return sendError(
          response,
          403,
          new WarmpathError(
            ErrorCode.FORBIDDEN,
            `The Origin ${named} may not call /mcp (see WARMPATH_ALLOWED_ORIGINS).`,
          ),
        );
      }
      let actor: Actor | null;
      try {
        const identity = await o.gate.identify(request, new Date());
        actor = identity.byCookie ? null : identity.actor;
      } catch (error) {
        if (!isWarmpathError(error, ErrorCode.UNAUTHENTICATED)) throw error;
        response.setHeader("www-authenticate", `${CHALLENGE}, error="invalid_token"`);
        return sendError(response, 401, error);
      }
      if (actor === null) {
        response.setHeader("www-authenticate", CHALLENGE);
        return sendError(response, 401, noToken());
      }
      if (!actor.scopes.has("mcp")) {
        response.setHeader("www-authenticate", `${CHALLENGE}, error="insufficient_scope"`);
        return sendError(response, 403, noScope());
      }
      const auth: McpAuthInfo = {
        token: "",
        clientId: actor.kind === "owner" ? actor.ownerId : actor.user.id,
        scopes: [...actor.scopes],
        extra: { context: contextOf(actor, o.store) },
      };
      sdk ??= sdkHandler(o);
      await (await sdk).serve(Object.assign(request, { auth }), response);
    },
    async close() {
      if (sdk !== null) await (await sdk).close();
    },
  };
}
