/** The pieces of the HTTP edge that src/http-server.ts composes. */
export { checkReadiness, type Readiness } from "./check-readiness.js";
export {
  CONNECTION_TIMEOUT_DEFAULTS,
  connectionTimeouts,
  type ConnectionTimeouts,
} from "./connection-timeouts.js";
export { createGraphqlHandler, type GraphqlHandlerOptions } from "./graphql-handler.js";
export { createHostGuard } from "./host-guard.js";
export { readJsonBody } from "./read-json-body.js";
export { sendError, sendJson } from "./send-json.js";
export { prefersHtml } from "./prefers-html.js";
export { setSecurityHeaders } from "./security-headers.js";
export { createWebApp, DEFAULT_WEB_ROOT, type WebApp } from "./static-files.js";
