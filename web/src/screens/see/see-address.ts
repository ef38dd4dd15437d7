/**
 * What the See screen shows, held in the address so back, reload and shared links work:
 * `/see?path=a,b,c` a path's drawing, `&focus=x` stepped into someone, `&depth=2` two ties
 * out; `/see` alone the network map.
 */
export interface SeeAddress {
  path: string[];
  focus: string | null;
  depth: 1 | 2;
}

export function readSeeAddress(params: URLSearchParams): SeeAddress {
  const path = (params.get("path") ?? "").split(",").filter((id) => id !== "");
  const focus = params.get("focus") || null;
  return { path, focus, depth: params.get("depth") === "2" ? 2 : 1 };
}

export function seeHref(address: Partial<SeeAddress>): string {
  const params = new URLSearchParams();
  if (address.path && address.path.length > 0) params.set("path", address.path.join(","));
  if (address.focus) params.set("focus", address.focus);
  if (address.depth === 2) params.set("depth", "2");
  const query = params.toString().replaceAll("%2C", ",");
  return query === "" ? "/see" : `/see?${query}`;
}
