/** The GraphQL client of the running app, given to every screen through React context. */
import { createContext, useContext, type ReactNode } from "react";
import type { GraphqlClient } from "./graphql-client";

const ApiContext = createContext<GraphqlClient | null>(null);

export function ApiProvider({ client, children }: { client: GraphqlClient; children: ReactNode }) {
  return <ApiContext value={client}>{children}</ApiContext>;
}

/** The app's client; a component outside ApiProvider is a programming error. */
export function useApi(): GraphqlClient {
  const client = useContext(ApiContext);
  if (client === null) throw new Error("useApi() needs an <ApiProvider> above it.");
  return client;
}
