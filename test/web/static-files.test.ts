/**
 * The web app's files over real HTTP (startHttpServer), on a small site folder made here so
 * these tests need no build: the content types and caching, the SPA fallback for app routes,
 * the security headers, GraphiQL for a browser at /graphql (JSON clients still get the API),
 * paths that try to leave the folder, and a server whose app is not built.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttpServer, type RunningServer } from "../../src/http-server.js";
import { SqliteStore } from "../../src/sqlite.js";
import { send } from "../http/raw-http.js";

const dir = mkdtempSync(join(tmpdir(), "warmpath-static-"));
const site = join(dir, "site");
const SECRET = "the file beside the site that no request may read";
const INDEX = "<!doctype html><title>app</title>";
const GRAPHIQL = "<!doctype html><title>graphiql</title>";
const owner = "static-owner";
let store: SqliteStore;
let server: RunningServer;
let unbuilt: RunningServer;
let none: RunningServer;

beforeAll(async () => {
  mkdirSync(join(site, "assets"), { recursive: true });
  writeFileSync(join(dir, "secret.txt"), SECRET);
  writeFileSync(join(site, "index.html"), INDEX);
  writeFileSync(join(site, "graphiql.html"), GRAPHIQL);
  writeFileSync(join(site, "assets/index-a1b2c3.js"), "console.log('app');");
  writeFileSync(join(site, "assets/index-a1b2c3.css"), "body{}");
  writeFileSync(join(site, ".env"), SECRET);
  store = new SqliteStore({ path: join(dir, "static.db") });
  await store.init();
  await store.ensureOwner(owner, { name: "Me" });
  const start = (webRoot: string | null) =>
    startHttpServer({
      store,
      ownerId: owner,
      port: 0,
      host: "127.0.0.1",
      logger: pino({ level: "silent" }),
      webRoot,
    });
  server = await start(site);
  unbuilt = await start(join(dir, "not-built"));
  none = await start(null);
});
afterAll(async () => {
  await Promise.all([server?.close(), unbuilt?.close(), none?.close()]);
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
const get = (s: RunningServer, path: string, headers: Record<string, string> = {}) =>
  send(s.port, { path, headers: { host: "127.0.0.1", ...headers } });
/** The same request, with its response headers. */
const head = async (s: RunningServer, path: string, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${s.port}${path}`, { headers });

describe("the web app's files", () => {
  it("serves index.html at / with the app's Content-Security-Policy and the security headers", async () => {
    const response = await head(server, "/");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await response.text()).toBe(INDEX);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("cache-control")).toBe("no-cache");
  });

  it("answers an app route opened in a browser with index.html, and a script's request with JSON 404", async () => {
    const page = await head(server, "/find?q=Fabrikam", { accept: HTML });
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(INDEX);
    const data = await head(server, "/find", { accept: "*/*" });
    expect(data.status).toBe(404);
    expect(((await data.json()) as any).errors[0].extensions.code).toBe("NOT_FOUND");
  });

  it("serves hashed assets with their type and a year's cache, and 304 when the browser has them", async () => {
    const js = await head(server, "/assets/index-a1b2c3.js");
    expect(js.status).toBe(200);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(js.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const css = await head(server, "/assets/index-a1b2c3.css");
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    const again = await head(server, "/assets/index-a1b2c3.js", {
      "if-none-match": js.headers.get("etag")!,
    });
    expect(again.status).toBe(304);
  });

  it("answers a missing asset 404, never with the app's page", async () => {
    const response = await get(server, "/assets/gone-123.js", { accept: HTML });
    expect(response.status).toBe(404);
    expect(response.text).not.toContain("<title>app</title>");
  });

  it("refuses every path that tries to leave the folder or read a hidden file", async () => {
    const attempts = [
      "/../secret.txt",
      "/assets/../../secret.txt",
      "/%2e%2e/secret.txt",
      "/..%2fsecret.txt",
      "/assets/..%2f..%2fsecret.txt",
      "/assets/%2e%2e%2f%2e%2e%2fsecret.txt",
      "/..%5csecret.txt",
      "/assets\\..\\..\\secret.txt",
      "/%00../secret.txt",
      "/.env",
      "/assets/%2e%2e/%2e%2e/secret.txt",
      `/${"../".repeat(12)}etc/passwd`,
      "/%c0%ae%c0%ae/secret.txt",
    ];
    for (const path of attempts) {
      for (const accept of ["*/*", HTML]) {
        const response = await get(server, path, { accept });
        expect(response.text, path).not.toContain(SECRET);
        expect(response.text, path).not.toContain("root:");
        expect([200, 400, 404], path).toContain(response.status);
      }
    }
  });

  it("sets the security headers on every answer: the API's, a 404 and the Host guard's refusal", async () => {
    const api = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ me { isSelf } }" }),
    });
    expect(await api.json()).toEqual({ data: { me: { isSelf: true } } });
    for (const response of [api, await head(server, "/nowhere")]) {
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    }
    const refused = await send(server.port, { path: "/", headers: { host: "evil.example" } });
    expect(refused.status).toBe(403);
  });
});

describe("GET /graphql", () => {
  it("shows a browser GraphiQL, under its own policy", async () => {
    const response = await head(server, "/graphql", { accept: HTML });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(GRAPHIQL);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self'");
  });

  it("still answers GraphQL GET queries from clients that accept JSON", async () => {
    const response = await head(
      server,
      `/graphql?query=${encodeURIComponent("{ me { isSelf } }")}`,
      {
        accept: "application/json",
        "apollo-require-preflight": "true",
      },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { me: { isSelf: true } } });
  });
});

describe("a server whose web app is not built", () => {
  it("answers / and GraphiQL with how to build it, and keeps serving the API", async () => {
    for (const path of ["/", "/graphql"]) {
      const response = await get(unbuilt, path, { accept: HTML });
      expect(response.status, path).toBe(503);
      expect(response.text, path).toContain("npm run build:web");
    }
    const api = await fetch(`http://127.0.0.1:${unbuilt.port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ me { isSelf } }" }),
    });
    expect(await api.json()).toEqual({ data: { me: { isSelf: true } } });
  });

  it("serves no app at all with webRoot null: / is the API's 404", async () => {
    const response = await get(none, "/", { accept: HTML });
    expect(response.status).toBe(404);
    expect(response.json.errors[0].extensions.code).toBe("NOT_FOUND");
  });
});
