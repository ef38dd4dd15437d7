/**
 * Security headers of every response, and the Content-Security-Policy of each kind of page.
 * The policies allow only this server's own files: the web app is bundled (no CDN, no inline
 * script), so a script injected into a page, or a page that frames this one, gets nothing.
 */
import type { ServerResponse } from "node:http";

const policy = (directives: readonly string[]): string => directives.join("; ");

/** JSON answers and plain-text messages: nothing may load, and nobody may frame them. */
export const API_CSP = policy(["default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'"]);

/** The web app (web/dist/index.html and its assets). */
export const APP_CSP = policy([
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  // graphology-layout-forceatlas2's worker is built from a Blob of its own source.
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
]);

/** GraphiQL (web/dist/graphiql.html): its Monaco editor needs a little more than the app. */
export const GRAPHIQL_CSP = policy([
  "default-src 'self'",
  "script-src 'self'",
  // Monaco writes its theme and decorations into <style> elements it creates at run time.
  "style-src 'self' 'unsafe-inline'",
  // GraphiQL's stylesheet carries its fonts and icons inline, as data: URLs.
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
]);

/**
 * Headers for every response: no MIME sniffing (a JSON body is never run as a script), no
 * Referer to other sites (paths may name people), no framing (clickjacking), and a window of
 * its own (no opener from another site). `csp` is the page's policy; the API's by default.
 */
export function setSecurityHeaders(response: ServerResponse, csp: string = API_CSP): void {
  response.setHeader("content-security-policy", csp);
  response.setHeader("x-content-type-options", "nosniff");
  response.setHeader("referrer-policy", "no-referrer");
  response.setHeader("x-frame-options", "DENY");
  response.setHeader("cross-origin-opener-policy", "same-origin");
}
