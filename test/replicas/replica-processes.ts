/**
 * API processes for the replica test and bench: `npm start`'s entry point (src/main.ts) run as
 * child processes on one Neo4j, each answering GraphQL over real HTTP with an API token.
 */
import { startMain } from "../support/start-main.js";

export interface Replica {
  url: string;
  /** One GraphQL request; throws on an HTTP error or a GraphQL error. */
  gql<T = Record<string, unknown>>(query: string, variables?: object): Promise<T>;
  stop(): Promise<number | null>;
}

export interface ReplicaOptions {
  uri: string;
  user: string;
  password: string;
  owner: string;
  token: string;
  /** More environment for the process (WARMPATH_PROJECTION_BUDGET_MB, ...). */
  env?: Record<string, string>;
}

/** Starts one API process and resolves once it serves; rejects with its output if it exits first. */
export async function startReplica(o: ReplicaOptions): Promise<Replica> {
  const server = startMain({
    NEO4J_URI: o.uri,
    NEO4J_USER: o.user,
    NEO4J_PASSWORD: o.password,
    WARMPATH_OWNER: o.owner,
    PORT: "0",
    HOST: "127.0.0.1",
    ...o.env,
  });
  let exited = false;
  void server.exited.then(() => (exited = true));
  let url: string | undefined;
  for (let i = 0; i < 600 && !url && !exited; i++) {
    await new Promise((r) => setTimeout(r, 100));
    url = /serving GraphQL at (http:\/\/\S+)"/.exec(server.out())?.[1];
  }
  if (!url) {
    server.child.kill("SIGKILL");
    throw new Error(`the API process did not start:\n${server.err()}\n${server.out()}`);
  }
  const served = url;
  return {
    url: served,
    async gql<T>(query: string, variables: object = {}): Promise<T> {
      const response = await fetch(served, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${o.token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
      if (!response.ok || body.errors?.length)
        throw new Error(`${response.status} ${JSON.stringify(body.errors ?? body)}`);
      return body.data!;
    },
    async stop() {
      server.child.kill("SIGTERM");
      return server.exited;
    },
  };
}
