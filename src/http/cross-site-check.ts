/**
 * Cross-site request refusal for requests that ride on the browser's ambient credentials (the
 * session cookie), on top of Apollo's CSRF prevention: a browser says where a request comes
 * from in `Sec-Fetch-Site` (every current browser) and `Origin` (every browser, on POST).
 * Requests with a Bearer token skip this check: a page on another site cannot attach one.
 * Clients that send neither header are not browsers (curl, scripts) and carry no ambient
 * credentials the user did not give them.
 */
export interface CrossSiteHeaders {
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
}

function originHost(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.host === "" ? undefined : url.host.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * Whether a state-changing request is allowed: same-origin or user-typed (`none`) by
 * Sec-Fetch-Site, or an Origin that is this server's own (its host equals the Host header)
 * or one of `allowedOrigins`.
 */
export function isSameSiteRequest(
  headers: CrossSiteHeaders,
  allowedOrigins: ReadonlySet<string>,
): boolean {
  const site = headers.secFetchSite?.toLowerCase();
  if (site === "same-origin" || site === "none") return true;
  const { origin, host } = headers;
  if (origin !== undefined && allowedOrigins.has(origin.toLowerCase())) return true;
  // cross-site or same-site (a sibling subdomain): only the origins named in the settings.
  if (site !== undefined) return false;
  // An older browser sends Origin without Sec-Fetch-Site; a non-browser client sends neither.
  if (origin === undefined) return true;
  const fromHost = originHost(origin);
  return fromHost !== undefined && host !== undefined && fromHost === host.trim().toLowerCase();
}
