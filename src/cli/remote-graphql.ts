/**
 * The command line as a client of a warmpath server: with --server (or WARMPATH_SERVER) a
 * command posts its GraphQL query there, with the API token as a Bearer credential, instead of
 * opening the store. The server's errors come back as WarmpathErrors with the server's code, so
 * they end the command the same way a local error does.
 */
import { readConfig } from "../config.js";
import { badInput, ErrorCode, WarmpathError } from "../errors.js";
import type { CliIo } from "./command.js";

/** Where to send queries, and the token to send with them. */
export interface RemoteServer {
  readonly url: string;
  readonly token: string | null;
}

export const REMOTE_DEFAULTS = Object.freeze({
  /** The server stops a request after its own deadline (10 s by default); this only ends a hang. */
  timeoutMs: 60_000,
  /** Items per page when a command needs a whole list. */
  pageSize: 500,
});

/** The options of a command that can ask a server. */
export const REMOTE_OPTIONS = Object.freeze({
  server: { type: "string" },
  token: { type: "string" },
} as const);

/** The GraphQL endpoint: the URL as given, or its /graphql when only the server's root is given. */
function endpoint(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badInput("--server", `${JSON.stringify(text)} is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw badInput("--server", "must be an http or https URL");
  if (url.pathname === "/") url.pathname = "/graphql";
  return url.href;
}

/**
 * The server a command asks instead of its store: --server over WARMPATH_SERVER, --token over
 * WARMPATH_TOKEN; null when neither names a server. A --token without a server is a mistake
 * (the store would be read without it), while WARMPATH_TOKEN alone is ignored.
 */
export function remoteServer(
  io: CliIo,
  options: { server?: string | undefined; token?: string | undefined },
): RemoteServer | null {
  const config = readConfig(io.env);
  const server = options.server ?? config.server;
  if (server === undefined) {
    if (options.token !== undefined)
      throw badInput("--token", "goes with --server <URL> (or WARMPATH_SERVER)");
    return null;
  }
  return { url: endpoint(server), token: options.token ?? config.token ?? null };
}

interface GraphqlError {
  message?: unknown;
  extensions?: { code?: unknown; field?: unknown };
}

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

function unauthenticated(server: RemoteServer): WarmpathError {
  return new WarmpathError(
    ErrorCode.UNAUTHENTICATED,
    server.token === null
      ? "the server needs a token: --token or WARMPATH_TOKEN"
      : "the server refused the token (unknown, revoked or expired): check --token or WARMPATH_TOKEN",
  );
}

/** The server's first error as ours: its code and field when it is one of ours, else named in the message. */
function fromGraphqlError(error: GraphqlError, server: RemoteServer): WarmpathError {
  const code = String(error.extensions?.code ?? "");
  const message = String(error.message ?? "the server answered an error");
  const field = error.extensions?.field;
  if (code === ErrorCode.UNAUTHENTICATED) return unauthenticated(server);
  if (!KNOWN_CODES.has(code))
    return new WarmpathError(
      ErrorCode.INTERNAL,
      `the server answered ${code || "an error"}: ${message}`,
    );
  return new WarmpathError(code as ErrorCode, message, {
    ...(typeof field === "string" ? { field } : {}),
  });
}

function unreachable(server: RemoteServer, error: unknown): WarmpathError {
  const reason =
    error instanceof Error && error.name === "TimeoutError"
      ? `no answer within ${REMOTE_DEFAULTS.timeoutMs / 1000} s`
      : String((error as { cause?: { code?: unknown } }).cause?.code ?? (error as Error).message);
  return new WarmpathError(ErrorCode.UNAVAILABLE, `cannot reach ${server.url}: ${reason}`, {
    cause: error,
  });
}

/** Posts one query and returns its data; every failure is a WarmpathError with a code. */
export async function remoteQuery<T>(
  server: RemoteServer,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(server.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        ...(server.token === null ? {} : { authorization: `Bearer ${server.token}` }),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(REMOTE_DEFAULTS.timeoutMs),
    });
  } catch (error) {
    throw unreachable(server, error);
  }
  if (response.status === 401) throw unauthenticated(server);
  const body = (await response.json().catch(() => null)) as {
    data?: T | null;
    errors?: GraphqlError[];
  } | null;
  const first = body?.errors?.[0];
  if (first !== undefined) throw fromGraphqlError(first, server);
  if (!response.ok || body?.data === undefined || body.data === null)
    throw new WarmpathError(
      ErrorCode.UNAVAILABLE,
      `${server.url} answered HTTP ${response.status}, not a GraphQL result`,
    );
  return body.data;
}

/** One page of a connection (people, organizations), as the schema shapes it. */
export interface RemotePage<N> {
  edges: { node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Every item of a paged list: `query` takes `$first` and `$after`, and `page` picks the
 * connection out of its data. Stops when a page says it is the last, or repeats its cursor.
 */
export async function remoteList<N, D>(
  server: RemoteServer,
  query: string,
  variables: Record<string, unknown>,
  page: (data: D) => RemotePage<N>,
): Promise<N[]> {
  const items: N[] = [];
  let after: string | null = null;
  for (;;) {
    const data: D = await remoteQuery<D>(server, query, {
      ...variables,
      first: REMOTE_DEFAULTS.pageSize,
      ...(after === null ? {} : { after }),
    });
    const { edges, pageInfo } = page(data);
    items.push(...edges.map((edge) => edge.node));
    if (!pageInfo.hasNextPage || pageInfo.endCursor === null || pageInfo.endCursor === after)
      return items;
    after = pageInfo.endCursor;
  }
}

/**
 * The server of a command that exists only against a server (teams, pooling): like
 * remoteServer, but a missing server or token is a usage error naming both ways to give it.
 */
export function requiredRemoteServer(
  io: CliIo,
  options: { server?: string | undefined; token?: string | undefined },
): RemoteServer {
  const server = remoteServer(io, options);
  if (server === null)
    throw badInput(
      "--server",
      "is required: teams live on a shared server; give --server <URL> (or WARMPATH_SERVER) and --token <token> (or WARMPATH_TOKEN)",
    );
  if (server.token === null)
    throw badInput("--token", "is required with a server: --token <token> (or WARMPATH_TOKEN)");
  return { url: server.url, token: server.token };
}
