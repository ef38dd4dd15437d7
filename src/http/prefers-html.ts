/**
 * Whether a request's Accept header asks for a page rather than data: a browser navigating
 * sends `text/html,...,*\/*;q=0.8`, while fetch sends `*\/*` and GraphQL clients send JSON
 * types. Only an explicit `text/html`, weighted at least as high as any JSON type, counts, so
 * a script that accepts anything keeps getting JSON (RFC 9110, section 12.5.1).
 */

/** The weight (q) of each media range an Accept header names; malformed weights count as 1. */
function weights(accept: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const part of accept.split(",")) {
    const [range = "", ...parameters] = part.split(";").map((s) => s.trim().toLowerCase());
    if (range === "") continue;
    const q = parameters.find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    found.set(range, Number.isFinite(weight) ? weight : 1);
  }
  return found;
}

export function prefersHtml(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  const q = weights(accept);
  const html = q.get("text/html") ?? 0;
  const json = Math.max(
    q.get("application/json") ?? 0,
    q.get("application/graphql-response+json") ?? 0,
  );
  return html > 0 && html >= json;
}
