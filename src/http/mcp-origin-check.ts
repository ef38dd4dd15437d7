/**
 * The Origin rule of /mcp (the MCP transport spec asks servers to validate Origin, against DNS
 * rebinding and pages calling a local server): a request that names an Origin must come from
 * this server itself (the Origin's host is the Host header) or from one of `allowedOrigins`.
 * Clients that are not browsers send no Origin and pass. Unlike /graphql, a Bearer token does
 * not skip it: an assistant's page on another site has no business calling /mcp.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  host: string | undefined,
  allowedOrigins: ReadonlySet<string>,
): boolean {
  if (origin === undefined) return true;
  if (allowedOrigins.has(origin.toLowerCase())) return true;
  let fromHost: string;
  try {
    fromHost = new URL(origin).host.toLowerCase();
  } catch {
    return false;
  }
  return fromHost !== "" && host !== undefined && fromHost === host.trim().toLowerCase();
}
