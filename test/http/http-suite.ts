/**
 * The HTTP server, over real HTTP on a free port, against a store factory so
 * the same checks run on SQLite and on the real Neo4j.
 */
import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NetworkStore } from "../../src/graph/index.js";
import { startHttpServer, type RunningServer } from "../../src/http-server.js";
import { bearer, ownerToken } from "../support/owner-token.js";

/** A pino destination that keeps each JSON log line. */
function capture(): { logger: ReturnType<typeof pino>; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n"))
        if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino(stream), lines };
}

export function httpSuite(name: string, makeStore: () => Promise<NetworkStore>): void {
  describe(`the HTTP server on ${name}`, () => {
    let store: NetworkStore;
    let server: RunningServer;
    let base: string;
    const log = capture();
    const owner = `http-${randomUUID()}`;
    let token: string;

    beforeAll(async () => {
      store = await makeStore();
      await store.init();
      await store.ensureOwner(owner, { name: "Me Over HTTP" });
      // A shared store may hold users from other suites: act as an account, whatever the mode.
      token = await ownerToken(store, owner);
      server = await startHttpServer({
        store,
        ownerId: owner,
        port: 0,
        host: "127.0.0.1",
        bodyLimitBytes: 16 * 1024,
        maxDepth: 6,
        logger: log.logger,
      });
      base = server.url.replace(/\/graphql$/, "");
    });
    afterAll(async () => {
      await server?.close();
      await store?.close();
    });

    const post = (
      body: string,
      headers: Record<string, string> = { "content-type": "application/json" },
    ) =>
      fetch(`${base}/graphql`, { method: "POST", headers: { ...bearer(token), ...headers }, body });
    const gql = async (query: string, variables: object = {}) => {
      const response = await post(JSON.stringify({ query, variables }));
      return { status: response.status, json: (await response.json()) as any };
    };

    it("answers a query", async () => {
      const { status, json } = await gql("{ me { name isSelf } }");
      expect(status).toBe(200);
      expect(json).toEqual({ data: { me: { name: "Me Over HTTP", isSelf: true } } });
    });

    it("runs a mutation and reports bad input with its code and field", async () => {
      const created = await gql(
        `mutation { createPerson(input: { name: "Over HTTP", emails: ["o@example.org"] }) { name emails } }`,
      );
      expect(created.json.data.createPerson).toEqual({
        name: "Over HTTP",
        emails: ["o@example.org"],
      });
      const bad = await gql(`mutation { createPerson(input: { name: "" }) { id } }`);
      expect(bad.status).toBe(200);
      expect(bad.json.errors[0].extensions).toEqual({ code: "BAD_USER_INPUT", field: "name" });
    });

    it("refuses a GET that could be a cross-site request, and serves one with a preflight header", async () => {
      const url = `${base}/graphql?query=${encodeURIComponent("{ me { name } }")}`;
      const refused = await fetch(url, { headers: bearer(token) });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toMatch(/CSRF|preflight/i);
      const allowed = await fetch(url, {
        headers: { ...bearer(token), "apollo-require-preflight": "true" },
      });
      expect(allowed.status).toBe(200);
    });

    it("answers malformed JSON with 400 BAD_REQUEST", async () => {
      const response = await post('{"query": "{ me { name } }"');
      expect(response.status).toBe(400);
      expect(((await response.json()) as any).errors[0].extensions.code).toBe("BAD_REQUEST");
    });

    it("refuses a body over the size limit with 413 and stores nothing", async () => {
      const before = await store.version(owner);
      const huge = JSON.stringify({
        query: `mutation { createPerson(input: { name: "Big", notes: "${"x".repeat(20_000)}" }) { id } }`,
      });
      const response = await post(huge);
      expect(response.status).toBe(413);
      expect(((await response.json()) as any).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
      expect(await store.version(owner)).toBe(before);
    });

    it("refuses an operation nested deeper than the limit, and one with too many aliases", async () => {
      const deep = await gql(
        "{ me { knows { person { knows { person { knows { person { name } } } } } } } }",
      );
      expect(deep.status).toBe(400);
      expect(deep.json.errors[0].message).toMatch(/levels deep/);
      const aliases = Array.from({ length: 60 }, (_, i) => `a${i}: me { id }`).join(" ");
      const many = await gql(`{ ${aliases} }`);
      expect(many.status).toBe(400);
      expect(many.json.errors[0].message).toMatch(/aliases/);
    });

    it("reports health, readiness, and a plain 404 elsewhere", async () => {
      expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: "ok" });
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(((await ready.json()) as any).status).toBe("ready");
      expect((await fetch(`${base}/nowhere`)).status).toBe(404);
    });

    it("is not ready once its store is gone", async () => {
      const lost = await makeStore();
      await lost.init();
      const other = await startHttpServer({
        store: lost,
        ownerId: owner,
        port: 0,
        host: "127.0.0.1",
        logger: pino({ level: "silent" }),
      });
      try {
        await lost.close();
        const response = await fetch(other.url.replace(/\/graphql$/, "/readyz"));
        expect(response.status).toBe(503);
        expect(((await response.json()) as any).code).toBe("UNAVAILABLE");
      } finally {
        await other.close();
      }
    });

    it("logs one line per request with its duration", async () => {
      const before = log.lines.length;
      await fetch(`${base}/healthz`);
      await gql("{ me { id } }");
      const requests = log.lines.slice(before).filter((l) => l.msg === "request");
      expect(requests.map((l) => [l.method, l.path, l.status])).toEqual([
        ["GET", "/healthz", 200],
        ["POST", "/graphql", 200],
      ]);
      for (const line of requests) expect(typeof line.ms).toBe("number");
    });
  });
}
