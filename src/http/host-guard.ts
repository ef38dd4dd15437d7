/**
 * The DNS-rebinding guard. A page on any site can make a browser send requests
 * to a name it controls that it has rebound to 127.0.0.1, so a loopback server
 * reached through such a name must refuse to answer: the Host header is the one
 * thing the attacker's page cannot set to a loopback name.
 */
import { badInput } from "../errors.js";

const LOOPBACK_V4 =
  /^127\.(25[0-5]|2[0-4]\d|1?\d?\d)\.(25[0-5]|2[0-4]\d|1?\d?\d)\.(25[0-5]|2[0-4]\d|1?\d?\d)$/;
/** Addresses that mean "every interface": they name no host a client could use. */
const WILDCARDS = new Set(["", "0.0.0.0", "::", "0:0:0:0:0:0:0:0"]);

/**
 * The host name of a Host header (or a configured name): lower case, port and
 * IPv6 brackets removed, one trailing dot dropped; undefined when malformed.
 */
export function hostName(value: string): string | undefined {
  const text = value.trim().toLowerCase();
  let name: string;
  let port: string | undefined;
  if (text.startsWith("[")) {
    const end = text.indexOf("]");
    if (end < 0) return undefined;
    name = text.slice(1, end);
    const rest = text.slice(end + 1);
    if (rest !== "" && !rest.startsWith(":")) return undefined;
    port = rest === "" ? undefined : rest.slice(1);
  } else {
    const parts = text.split(":");
    // An IPv6 address without brackets is ambiguous with a port: browsers never send one.
    if (parts.length > 2) return undefined;
    name = parts[0] ?? "";
    port = parts[1];
  }
  if (port !== undefined && !/^\d{1,5}$/.test(port)) return undefined;
  if (name.endsWith(".")) name = name.slice(0, -1);
  return name === "" || /[\s/@]/.test(name) ? undefined : name;
}

/**
 * Returns the check for one server: true when a request's Host header names
 * localhost, a loopback address, the specific host the server is bound to, or
 * one of `allowedHosts`. A missing header (HTTP/1.0) is refused.
 */
export function createHostGuard(
  boundHost: string,
  allowedHosts: readonly string[],
): (hostHeader: string | undefined) => boolean {
  const allowed = new Set(["localhost", "::1"]);
  const bound = hostName(
    boundHost.includes(":") && !boundHost.startsWith("[") ? `[${boundHost}]` : boundHost,
  );
  if (bound !== undefined && !WILDCARDS.has(bound)) allowed.add(bound);
  allowedHosts.forEach((entry, i) => {
    const name = hostName(entry);
    if (name === undefined)
      throw badInput(`allowedHosts[${i}]`, `${JSON.stringify(entry)} is not a host name`);
    allowed.add(name);
  });
  return (hostHeader) => {
    if (hostHeader === undefined) return false;
    const name = hostName(hostHeader);
    return name !== undefined && (allowed.has(name) || LOOPBACK_V4.test(name));
  };
}

/** Whether a server bound to `host` is reachable from this machine only (issue 13's modes). */
export function isLoopbackHost(host: string): boolean {
  const name = hostName(host.includes(":") && !host.startsWith("[") ? `[${host}]` : host);
  return name === "localhost" || name === "::1" || (name !== undefined && LOOPBACK_V4.test(name));
}
