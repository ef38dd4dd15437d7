/**
 * The HTTP front of warmpath: GraphQL at /graphql (through Apollo's
 * executeHTTPGraphQLRequest, so CSRF prevention and content negotiation are
 * Apollo's; a browser opening it gets the bundled GraphiQL), the MCP server for
 * assistants at /mcp (http/mcp-route.ts), /healthz (the process
 * is up), /readyz (the store answers), and the web app (web/dist) at /.
 * Before any route runs, the Host header is checked (DNS rebinding); bodies are
 * UTF-8 JSON under a size cap; each GraphQL request has a deadline; slow or idle
 * connections are closed by node:http's timeouts. Every request is logged on
 * one line with its duration.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { badInput, ErrorCode, WarmpathError } from "./errors.js";
import type { NetworkStore } from "./graph/index.js";
import {
  checkReadiness,
  connectionTimeouts,
  createGraphqlHandler,
  createHostGuard,
  createWebApp,
  DEFAULT_WEB_ROOT,
  prefersHtml,
  sendError,
  sendJson,
  setSecurityHeaders,
  type ConnectionTimeouts,
} from "./http/index.js";
import { createWarmpathServer, type WarmpathServerOptions } from "./server.js";
import { createAccountServices, PasskeyCeremonies, SetupToken } from "./accounts/index.js";
import { AuthGate } from "./http/auth-gate.js";
import { createMcpRoute } from "./http/mcp-route.js";

export { CONNECTION_TIMEOUT_DEFAULTS, type ConnectionTimeouts } from "./http/index.js";

export interface HttpServerOptions extends WarmpathServerOptions {
  store: NetworkStore;
  /** Whose network this server serves. */
  ownerId: string;
  /** Default 4000; 0 picks a free port. */
  port?: number;
  /** Default "localhost". */
  host?: string;
  /**
   * Host names (as clients write them in the Host header) served besides
   * localhost, the loopback addresses and `host` itself. Default: none.
   */
  allowedHosts?: readonly string[];
  /** Largest request body accepted. Default 1 MiB. */
  bodyLimitBytes?: number;
  /** Deadline of one GraphQL request, in milliseconds; past it the answer is TIMEOUT. Default 10,000. */
  requestTimeoutMs?: number;
  /** How long /readyz waits for the store before it answers 503. Default 2,000. */
  readyTimeoutMs?: number;
  /** node:http's per-connection timeouts; see CONNECTION_TIMEOUT_DEFAULTS. */
  connectionTimeouts?: Partial<ConnectionTimeouts>;
  /** Structured logger (pino's shape). Default: pino to stdout. */
  logger?: RequestLogger;
  /**
   * With no user yet, make a one-time setup token and serve only `setUp` until it is
   * exchanged for the first account. Default false. The token goes to `showSetupToken`.
   */
  setup?: boolean;
  /** Where the setup token is shown, once. Default: a line on stderr. */
  showSetupToken?: (token: string, url: string) => void;
  /** Origins of other sites whose browser requests may use the session cookie or call /mcp. Default: none. */
  allowedOrigins?: readonly string[];
  /** Behind a reverse proxy: take the client's address and scheme from X-Forwarded-*. Default false. */
  trustProxy?: boolean;
  /** The server's public address (https://warmpath.example.com), which passkeys are bound to. */
  publicUrl?: string;
  /**
   * The built web app served at / (a folder with index.html, as `vite build` writes it), and
   * GraphiQL at GET /graphql for browsers; null serves neither. Default: this package's
   * web/dist. A folder not built yet is answered with a message saying how to build it.
   */
  webRoot?: string | null;
}

/** The two calls the server makes on a logger; pino and most others fit. */
export interface RequestLogger {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The defaults of HttpServerOptions (connection timeouts: CONNECTION_TIMEOUT_DEFAULTS). */
export const HTTP_DEFAULTS = Object.freeze({
  port: 4000,
  host: "localhost",
  allowedHosts: Object.freeze([]) as readonly string[],
  bodyLimitBytes: 1024 * 1024,
  requestTimeoutMs: 10_000,
  readyTimeoutMs: 2_000,
  setup: false,
  allowedOrigins: Object.freeze([]) as readonly string[],
  trustProxy: false,
  webRoot: DEFAULT_WEB_ROOT as string | null,
});

/** The setup token, once, where the operator starting the server looks. */
function printSetupToken(token: string, url: string): void {
  process.stderr.write(
    `warmpath: no account yet. Create the first (an administrator) with this one-time setup token:\n` +
      `  ${token}\n` +
      `with the setUp mutation at ${url}, or \`warmpath user create --admin\` on this machine.\n`,
  );
}

function parsePublicUrl(value: string | undefined): URL | null {
  if (value === undefined) return null;
  try {
    const url = new URL(value);
    if (url.protocol === "https:" || url.protocol === "http:") return url;
  } catch {
    // reported below
  }
  throw badInput("publicUrl", "must be an http or https URL, such as https://warmpath.example.com");
}

function checkMs(name: string, value: number): void {
  if (!Number.isInteger(value) || value <= 0)
    throw badInput(name, "must be a whole number of milliseconds, more than 0");
}

/** Starts listening and serves until `close()`; every limit of the HTTP edge comes from `options` over HTTP_DEFAULTS. */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const o = { ...HTTP_DEFAULTS, ...options };
  checkMs("requestTimeoutMs", o.requestTimeoutMs);
  checkMs("readyTimeoutMs", o.readyTimeoutMs);
  const publicUrl = parsePublicUrl(o.publicUrl);
  const timeouts = connectionTimeouts(o.connectionTimeouts);
  const hostAllowed = createHostGuard(o.host, o.allowedHosts);
  const logger = o.logger ?? pino();
  const apollo = createWarmpathServer({
    ...o,
    logError: o.logError ?? ((error) => logger.error({ err: error }, "unexpected error")),
  });
  const setup = o.setup && (await o.store.countUsers()) === 0 ? new SetupToken() : null;
  const gate = await AuthGate.open({ store: o.store, ownerId: o.ownerId, host: o.host, setup });
  await apollo.start();
  // One set for /graphql and /mcp: the same origins may call both.
  const allowedOrigins = new Set(o.allowedOrigins.map((origin) => origin.toLowerCase()));
  const graphql = createGraphqlHandler({
    apollo,
    store: o.store,
    gate,
    accounts: createAccountServices(o.ownerId, setup),
    passkeys: new PasskeyCeremonies(),
    allowedOrigins,
    trustProxy: o.trustProxy,
    publicUrl,
    bodyLimitBytes: o.bodyLimitBytes,
    requestTimeoutMs: o.requestTimeoutMs,
  });
  const web = o.webRoot === null ? null : createWebApp(o.webRoot);
  const mcp = createMcpRoute({
    store: o.store,
    gate,
    allowedOrigins,
    bodyLimitBytes: o.bodyLimitBytes,
    requestTimeoutMs: o.requestTimeoutMs,
    logError: (error) => logger.error({ err: error }, "mcp request failed"),
  });

  const server = createServer(timeouts, (request, response) => {
    const started = process.hrtime.bigint();
    let path = (request.url ?? "/").split("?")[0]?.slice(0, 200);
    response.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        { method: request.method, path, status: response.statusCode, ms: Math.round(ms * 10) / 10 },
        "request",
      );
    });
    // Headers, not a check: every answer (the Host guard's refusal too) is neither sniffed nor framed.
    setSecurityHeaders(response);
    // First of all: a page that rebound its own name to this machine gets nothing, not even a 404.
    if (!hostAllowed(request.headers.host)) {
      const host = JSON.stringify((request.headers.host ?? "").slice(0, 100));
      return sendError(
        response,
        403,
        new WarmpathError(
          ErrorCode.FORBIDDEN,
          `The Host header ${host} is not an allowed name for this server (see allowedHosts).`,
        ),
      );
    }
    let url: URL;
    try {
      url = new URL(request.url ?? "/", "http://localhost");
    } catch {
      // An absolute-form target such as "http://[" would otherwise throw out of the listener and end the process.
      return sendError(response, 400, {
        code: ErrorCode.BAD_REQUEST,
        message: "The request target is not a valid URL.",
      });
    }
    path = url.pathname;
    const route = (async () => {
      if (url.pathname === "/graphql") {
        // A browser opening /graphql gets GraphiQL; clients asking for JSON get Apollo.
        if (web !== null && request.method === "GET" && prefersHtml(request.headers.accept))
          return web.graphiql(request, response);
        return graphql(request, response, url);
      }
      if (url.pathname === "/mcp") return mcp.handle(request, response);
      if (url.pathname === "/healthz" && request.method === "GET")
        return sendJson(response, 200, { status: "ok" });
      if (url.pathname === "/readyz" && request.method === "GET") {
        const { status, body } = await checkReadiness(o.store, o.readyTimeoutMs);
        return sendJson(response, status, body);
      }
      if (web !== null && (await web.page(request, response, url))) return;
      sendError(response, 404, {
        code: ErrorCode.NOT_FOUND,
        message: "Not found: GraphQL is at /graphql.",
      });
    })();
    route.catch((error: unknown) => {
      logger.error({ err: error }, "request failed");
      if (!response.headersSent)
        sendError(response, 500, { code: ErrorCode.INTERNAL, message: "Internal error" });
      else response.end();
    });
  });
  server.keepAliveTimeout = timeouts.keepAliveTimeout;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host, () => resolve());
  }).catch(async (error: unknown) => {
    await mcp.close();
    await apollo.stop();
    throw error;
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${o.host.includes(":") ? `[${o.host}]` : o.host}:${port}/graphql`;
  if (setup) (o.showSetupToken ?? printSetupToken)(setup.token, url);
  return {
    url,
    port,
    async close() {
      // Stop accepting, drop idle keep-alive connections, let requests in flight finish.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await mcp.close();
      await apollo.stop();
    },
  };
}
