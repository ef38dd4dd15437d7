/**
 * HTTP clients for tests that need what fetch will not do: any Host header
 * (or none), bytes that are not UTF-8, and raw sockets that trickle.
 */
import { request } from "node:http";
import { connect, type Socket } from "node:net";

export interface RawResponse {
  status: number;
  text: string;
  json: any;
}

/** One request to 127.0.0.1:`port` with exactly the headers given (Host included). */
export function send(
  port: number,
  options: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  } = {},
): Promise<RawResponse> {
  const { method = "GET", path = "/graphql", headers = {}, body } = options;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, method, path, headers, setHost: false, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, text, json });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** A GraphQL POST with Host `host`. */
export const postQuery = (port: number, host: string, query: string, variables: object = {}) =>
  send(port, {
    method: "POST",
    headers: { host, "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });

/** A raw TCP connection that records what it received and when it was closed. */
export interface RawSocket {
  socket: Socket;
  received: () => string;
  closed: Promise<number>;
  isClosed: () => boolean;
}

export function openSocket(port: number): Promise<RawSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let data = "";
    let done = false;
    socket.on("data", (c: Buffer) => (data += c.toString("latin1")));
    // Errors (a reset from the server) count as closed, like an orderly close.
    socket.on("error", () => undefined);
    const closed = new Promise<number>((r) =>
      socket.on("close", () => ((done = true), r(Date.now()))),
    );
    socket.once("connect", () =>
      resolve({ socket, received: () => data, closed, isClosed: () => done }),
    );
    socket.once("error", reject);
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
