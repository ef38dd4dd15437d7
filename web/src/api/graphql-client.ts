/**
 * A small GraphQL client over fetch. It POSTs JSON to the same origin, which is what the
 * server's cross-site checks expect of its own pages: `content-type: application/json` makes
 * the request one Apollo's CSRF prevention lets through, and the browser's Sec-Fetch-Site
 * (same-origin) and the session cookie (`credentials: "same-origin"`) do the rest. Any error
 * in the answer fails the whole request with an ApiError: a screen either has all its data or
 * an error to show, never half of each.
 */
import { ApiError, apiErrorFrom } from "./api-error";
import type { TypedDocument } from "./typed-document";

export interface GraphqlClient {
  request<TData, TVariables>(
    document: TypedDocument<TData, TVariables>,
    variables: TVariables,
    options?: { signal?: AbortSignal },
  ): Promise<TData>;
}

export interface GraphqlClientOptions {
  /** Default "/graphql" on this origin. */
  endpoint?: string;
  /** Called when the server answers UNAUTHENTICATED: the shell then shows the sign-in screen. */
  onUnauthenticated?: () => void;
  /** Give up after this long; the server's own deadline (10 s by default) usually answers first. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export const CLIENT_DEFAULTS = Object.freeze({ endpoint: "/graphql", timeoutMs: 30_000 });

interface GraphqlAnswer {
  data?: unknown;
  errors?: unknown[];
}

async function readAnswer(response: Response): Promise<GraphqlAnswer> {
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json"))
    throw new ApiError(
      "BAD_RESPONSE",
      `The server answered ${response.status} with ${type || "no content type"} instead of GraphQL.`,
    );
  try {
    return (await response.json()) as GraphqlAnswer;
  } catch {
    throw new ApiError("BAD_RESPONSE", `The server's answer (${response.status}) is not JSON.`);
  }
}

export function createGraphqlClient(options: GraphqlClientOptions = {}): GraphqlClient {
  const o = { ...CLIENT_DEFAULTS, ...options };
  const send = o.fetch ?? ((input, init) => fetch(input, init));
  return {
    async request<TData, TVariables>(
      document: TypedDocument<TData, TVariables>,
      variables: TVariables,
      { signal }: { signal?: AbortSignal } = {},
    ): Promise<TData> {
      const timeout = AbortSignal.timeout(o.timeoutMs);
      let response: Response;
      try {
        response = await send(o.endpoint, {
          method: "POST",
          credentials: "same-origin",
          headers: { "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify({
            query: document.query,
            operationName: document.operationName,
            variables,
          }),
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        });
      } catch (error) {
        // A request the caller abandoned is not an error to show.
        if (signal?.aborted) throw error;
        throw new ApiError(
          "NETWORK",
          timeout.aborted
            ? `The server did not answer within ${o.timeoutMs / 1000} seconds.`
            : "The warmpath server could not be reached.",
        );
      }
      const answer = await readAnswer(response);
      const first = answer.errors?.[0];
      if (first !== undefined) {
        const error = apiErrorFrom(first);
        if (error.code === "UNAUTHENTICATED") o.onUnauthenticated?.();
        throw error;
      }
      if (answer.data === undefined || answer.data === null)
        throw new ApiError("BAD_RESPONSE", "The server answered without data or errors.");
      return answer.data as TData;
    },
  };
}
