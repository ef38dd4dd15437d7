/**
 * A GraphQL client over real HTTP for the accounts tests: any headers (Cookie, Origin,
 * Sec-Fetch-Site, which fetch will not let a test set freely), and the Set-Cookie it gets back.
 */
import { request } from "node:http";

export interface AuthResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  json: any;
  /** The session token the response set, "" when it cleared the cookie, undefined when neither. */
  cookie: string | undefined;
}

const SESSION = /^__Host-warmpath_session=([^;]*)/;

export function graphql(
  port: number,
  query: string,
  options: { variables?: object; headers?: Record<string, string>; method?: string } = {},
): Promise<AuthResponse> {
  const body = JSON.stringify({ query, variables: options.variables ?? {} });
  const headers = {
    "content-type": "application/json",
    host: `127.0.0.1:${port}`,
    ...options.headers,
  };
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: "/graphql",
        method: options.method ?? "POST",
        headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const setCookie = res.headers["set-cookie"] ?? [];
          const session = setCookie.map((c) => SESSION.exec(c)?.[1]).find((v) => v !== undefined);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            json: text ? JSON.parse(text) : undefined,
            cookie: session,
          });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

export const cookie = (token: string): Record<string, string> => ({
  cookie: `__Host-warmpath_session=${token}`,
});

export const codes = (response: AuthResponse): string[] =>
  (response.json?.errors ?? []).map((e: any) => e.extensions?.code);
