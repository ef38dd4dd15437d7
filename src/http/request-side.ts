/**
 * The HTTP side of a request as the sign-in operations see it (RequestSide): the client's
 * address, the WebAuthn relying party, and the session cookie to set or clear, collected here
 * and written by the handler after the operation ran.
 */
import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import type { RequestSide } from "../resolvers/index.js";
import { hostName } from "./host-guard.js";
import { clearedSessionCookie, sessionCookie } from "./session-cookie.js";

export interface ProxySettings {
  /** Believe X-Forwarded-For and X-Forwarded-Proto (set only behind a proxy that writes them). */
  trustProxy: boolean;
  /** The public address of the server (https://warmpath.example.com), for passkeys. */
  publicUrl: URL | null;
}

/** The last address X-Forwarded-For names, which the proxy in front of us appended. */
function clientAddress(request: IncomingMessage, o: ProxySettings): string {
  const forwarded = o.trustProxy ? request.headers["x-forwarded-for"] : undefined;
  const last = (Array.isArray(forwarded) ? forwarded.join(",") : forwarded)
    ?.split(",")
    .pop()
    ?.trim();
  return last || request.socket.remoteAddress || "unknown";
}

function relyingParty(request: IncomingMessage, o: ProxySettings): { id: string; origin: string } {
  if (o.publicUrl) return { id: o.publicUrl.hostname, origin: o.publicUrl.origin };
  const host = (request.headers.host ?? "localhost").trim().toLowerCase();
  const forwardedProto = o.trustProxy ? request.headers["x-forwarded-proto"] : undefined;
  const tls = (request.socket as TLSSocket).encrypted === true || forwardedProto === "https";
  return { id: hostName(host) ?? "localhost", origin: `${tls ? "https" : "http"}://${host}` };
}

/** The request's side, and the Set-Cookie values it asked for. */
export function requestSide(
  request: IncomingMessage,
  sessionToken: string | null,
  now: Date,
  o: ProxySettings,
): { side: RequestSide; setCookies: string[] } {
  const setCookies: string[] = [];
  const userAgent = request.headers["user-agent"];
  return {
    setCookies,
    side: {
      sessionToken,
      setSessionCookie: (token, expiresAt) => setCookies.push(sessionCookie(token, expiresAt, now)),
      clearSessionCookie: () => setCookies.push(clearedSessionCookie()),
      userAgent: userAgent === undefined ? null : userAgent.slice(0, 500),
      address: clientAddress(request, o),
      relyingParty: relyingParty(request, o),
    },
  };
}
