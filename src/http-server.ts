/**
 * The HTTP front of warmpath: GraphQL at /graphql (through Apollo's
 * executeHTTPGraphQLRequest, so CSRF prevention and content negotiation are
 * Apollo's), /healthz (the process is up), /readyz (the store answers).
 * Bodies are capped before parsing; every request is logged on one line with
 * its duration.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HeaderMap } from "@apollo/server";
import { pino } from "pino";
import { ErrorCode, isWarmpathError } from "./errors.js";
import type { NetworkStore } from "./graph/index.js";
import { contextFor, createWarmpathServer, type WarmpathServerOptions } from "./server.js";

export interface HttpServerOptions extends WarmpathServerOptions {
  store: NetworkStore;
  /** Whose network this server serves. */
  ownerId: string;
  /** Default 4000; 0 picks a free port. */
  port?: number;
  /** Default "localhost". */
  host?: string;
  /** Largest request body accepted. Default 1 MiB. */
  bodyLimitBytes?: number;
  /** Structured logger (pino's shape). Default: pino to stdout. */
  logger?: RequestLogger;
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

export const HTTP_DEFAULTS = Object.freeze({ port: 4000, host: "localhost", bodyLimitBytes: 1024 * 1024 });

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers["content-length"] ?? 0);
    if (declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.pause();
        reject(new BodyTooLarge());
      } else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}

const errorBody = (code: string, message: string) => ({ errors: [{ message, extensions: { code } }] });

export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const o = { ...HTTP_DEFAULTS, ...options };
  const logger = o.logger ?? pino();
  const apollo = createWarmpathServer({ ...o, logError: o.logError ?? ((error) => logger.error({ err: error }, "unexpected error")) });
  await apollo.start();

  async function graphql(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    let text: string;
    try {
      text = await readBody(request, o.bodyLimitBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      response.setHeader("connection", "close");
      return sendJson(response, 413, errorBody(ErrorCode.PAYLOAD_TOO_LARGE, `The request body is larger than ${o.bodyLimitBytes} bytes.`));
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    let body: unknown = text;
    if ((headers.get("content-type") ?? "").includes("json") && text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        return sendJson(response, 400, errorBody(ErrorCode.BAD_REQUEST, "The request body is not valid JSON."));
      }
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? "GET", headers, search: url.search, body },
      context: async () => contextFor(o.store, o.ownerId),
    });
    response.statusCode = result.status ?? 200;
    for (const [key, value] of result.headers) response.setHeader(key, value);
    if (result.body.kind === "complete") return void response.end(result.body.string);
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  }

  async function ready(response: ServerResponse): Promise<void> {
    try {
      await o.store.ping();
      sendJson(response, 200, { status: "ready", store: o.store.backend });
    } catch (error) {
      sendJson(response, 503, { status: "unavailable", store: o.store.backend, code: isWarmpathError(error) ? error.code : ErrorCode.UNAVAILABLE });
    }
  }

  const server = createServer((request, response) => {
    const started = process.hrtime.bigint();
    const url = new URL(request.url ?? "/", "http://localhost");
    response.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ method: request.method, path: url.pathname, status: response.statusCode, ms: Math.round(ms * 10) / 10 }, "request");
    });
    const route =
      url.pathname === "/graphql"
        ? graphql(request, response, url)
        : url.pathname === "/healthz" && request.method === "GET"
          ? Promise.resolve(sendJson(response, 200, { status: "ok" }))
          : url.pathname === "/readyz" && request.method === "GET"
            ? ready(response)
            : Promise.resolve(sendJson(response, 404, errorBody(ErrorCode.NOT_FOUND, "Not found: GraphQL is at /graphql.")));
    route.catch((error: unknown) => {
      logger.error({ err: error }, "request failed");
      if (!response.headersSent) sendJson(response, 500, errorBody(ErrorCode.INTERNAL, "Internal error"));
      else response.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${o.host.includes(":") ? `[${o.host}]` : o.host}:${port}/graphql`,
    port,
    async close() {
      // Stop accepting, drop idle keep-alive connections, let requests in flight finish.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await apollo.stop();
    },
  };
}
