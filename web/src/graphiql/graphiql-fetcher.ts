/**
 * How GraphiQL sends a query: a same-origin JSON POST with the session cookie, exactly as the
 * app's client does (see ../api/graphql-client.ts for why the server lets it through), plus any
 * headers typed in GraphiQL's headers editor (an `Authorization: Bearer wp_...` token, say).
 * The answer is returned whole, errors included: in GraphiQL they are the point.
 */
import type { GraphiQLProps } from "graphiql";

type Fetcher = GraphiQLProps["fetcher"];

export const graphiqlFetcher: Fetcher = async (params, options) => {
  const response = await fetch("/graphql", {
    method: "POST",
    credentials: "same-origin",
    headers: {
      ...(options?.headers as Record<string, string> | undefined),
      "content-type": "application/json",
      accept: "application/json",
    },
    body: JSON.stringify(params),
  });
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json"))
    return { errors: [{ message: `The server answered ${response.status} without JSON.` }] };
  return (await response.json()) as Record<string, unknown>;
};
