/**
 * The built web app (web/dist, written by `vite build`) over HTTP. Files are served as they
 * are on disk, read per request so a rebuild shows without a restart; hashed assets
 * (/assets/name-hash.js) are cached for a year, everything else revalidated. A GET that
 * prefers HTML and names no file gets index.html, so the app's own routes (/find) survive a
 * reload. Nothing outside the folder is ever read: the decoded path must stay inside it and
 * no segment may start with a dot.
 */
import { createReadStream, type Stats } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { contentTypeOf } from "./content-types.js";
import { prefersHtml } from "./prefers-html.js";
import { APP_CSP, GRAPHIQL_CSP, setSecurityHeaders } from "./security-headers.js";

/** web/dist of this package: two folders up from src/http (and from dist/http once built). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../../web/dist/", import.meta.url));

/** What a server whose app is not built answers, instead of a crash or a bare 404. */
export const NOT_BUILT_MESSAGE =
  "The warmpath web app is not built yet. Run `npm run build:web` (or `npm install`, which " +
  "builds it) in the warmpath folder, then reload this page. The GraphQL API works meanwhile: " +
  "POST /graphql.\n";

/** Hashed file names never change content, so browsers keep them; the rest is revalidated. */
const IMMUTABLE = "public, max-age=31536000, immutable";

export interface WebApp {
  /** A file of the app, or index.html for an app route; false: the request is not the app's. */
  page(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean>;
  /** GraphiQL's page (web/dist/graphiql.html), for a browser that opens /graphql. */
  graphiql(request: IncomingMessage, response: ServerResponse): Promise<void>;
}

/** The file a URL path names inside `root`, or null when it would leave the folder or is hidden. */
export function fileInside(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  const segments = decoded.split("/").filter((s) => s !== "");
  if (segments.some((s) => s.startsWith("."))) return null;
  const file = resolve(root, ...segments);
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : null;
}

async function fileStats(file: string): Promise<Stats | null> {
  try {
    const found = await stat(file);
    return found.isFile() ? found : null;
  } catch {
    return null;
  }
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "cache-control": "no-store",
  });
  response.end(text);
}

/** Streams one file with its type, caching headers and validator; 304 when the browser has it. */
function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  file: string,
  stats: Stats,
  cacheControl: string,
  csp: string,
): Promise<void> {
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  setSecurityHeaders(response, csp);
  response.setHeader("cache-control", cacheControl);
  response.setHeader("etag", etag);
  if (request.headers["if-none-match"] === etag) {
    response.writeHead(304);
    response.end();
    return Promise.resolve();
  }
  response.writeHead(200, {
    "content-type": contentTypeOf(file),
    "content-length": stats.size,
  });
  if (request.method === "HEAD") {
    response.end();
    return Promise.resolve();
  }
  return new Promise((done, fail) => {
    const stream = createReadStream(file);
    stream.on("error", (error) => {
      response.destroy();
      fail(error);
    });
    response.on("close", () => {
      stream.destroy();
      done();
    });
    stream.pipe(response);
  });
}

/** The web app served from `root` (a folder holding index.html and assets/). */
export function createWebApp(root: string): WebApp {
  const folder = resolve(root);
  const html = async (
    request: IncomingMessage,
    response: ServerResponse,
    name: string,
    csp: string,
  ) => {
    const file = resolve(folder, name);
    const stats = await fileStats(file);
    if (stats === null) return sendText(response, 503, NOT_BUILT_MESSAGE);
    return sendFile(request, response, file, stats, "no-cache", csp);
  };
  return {
    async page(request, response, url) {
      if (request.method !== "GET" && request.method !== "HEAD") return false;
      const path = url.pathname;
      if (path === "/" || path === "/index.html") {
        await html(request, response, "index.html", APP_CSP);
        return true;
      }
      const file = fileInside(folder, path);
      if (file === null) {
        sendText(response, 404, "Not found.\n");
        return true;
      }
      const stats = await fileStats(file);
      if (stats !== null) {
        const graphiql = path === "/graphiql.html";
        const cache = path.startsWith("/assets/") ? IMMUTABLE : "no-cache";
        await sendFile(request, response, file, stats, cache, graphiql ? GRAPHIQL_CSP : APP_CSP);
        return true;
      }
      // A missing script or stylesheet must not be answered with a page.
      if (path.startsWith("/assets/")) {
        sendText(response, 404, "Not found.\n");
        return true;
      }
      if (!prefersHtml(request.headers.accept)) return false;
      await html(request, response, "index.html", APP_CSP);
      return true;
    },
    graphiql: (request, response) => html(request, response, "graphiql.html", GRAPHIQL_CSP),
  };
}
