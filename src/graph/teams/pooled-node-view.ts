/**
 * What the requester may see of one node of a pool (pooled-network.ts states the rules):
 * their own person; a teammate by account name; name, title, company, a strength band and
 * who knows them when a member who knows them shares `full`; else "someone at <company>,
 * via <member>". And the text a search by words matches, which is only what the view shows.
 */
import type { PoolEntry, PoolNetworks } from "./pool-entry.js";
import type { PooledNodeView } from "./pooled-graph.js";
import { strengthBand } from "./strength-bands.js";

/** The view of the node `node` made of `group` (sorted: the requester's entries first). */
export function pooledNodeView(
  node: string,
  group: readonly PoolEntry[],
  networks: PoolNetworks,
): PooledNodeView {
  const own = group.filter((e) => e.c === 0);
  const held = group.filter((e) => e.c > 0);
  if (own.length > 0) return { kind: "own", personId: own[0]!.personId };
  const member = (e: PoolEntry) => networks.member(e);
  const teammate = held.find((e) => e.personId === member(e).projection.selfId);
  if (teammate !== undefined)
    return {
      kind: "teammate",
      id: node,
      userId: member(teammate).userId,
      name: member(teammate).name,
    };
  const knowers = [...new Set(held.map(member))];
  const via = knowers.map((m) => m.name);
  const viaUserIds = knowers.map((m) => m.userId);
  const full = held.filter((e) => member(e).level === "full");
  const company = (list: PoolEntry[]) =>
    list.map((e) => networks.employerNames(e)).find((names) => names.length > 0)?.[0] ?? null;
  if (full.length === 0)
    return { kind: "opaque", id: node, company: company(held), via, viaUserIds };
  const strongest = Math.max(
    0,
    ...full.map((e) => {
      const { graph, selfId } = member(e).projection;
      const edge = graph.hasNode(selfId) ? graph.edge(selfId, e.personId) : undefined;
      return edge === undefined ? 0 : graph.getEdgeAttribute(edge, "strength");
    }),
  );
  return {
    kind: "pooled",
    id: node,
    name: full[0]!.person.name,
    title: full.map((e) => e.person.title?.trim()).find((t) => t) ?? null,
    company: company(full),
    band: strengthBand(strongest),
    via,
    viaUserIds,
  };
}

/** The words of a node a text search may match: what its view shows, and no more. */
export function visibleWords(
  view: PooledNodeView,
  own: PoolEntry | undefined,
  networks: PoolNetworks,
): string[] {
  switch (view.kind) {
    case "own":
      return [own!.person.name, own!.person.title ?? "", ...networks.employerNames(own!)];
    case "teammate":
      return [view.name];
    case "pooled":
      return [view.name, view.title ?? "", view.company ?? ""];
    case "opaque":
      return [view.company ?? ""];
    default: {
      const never: never = view;
      return never;
    }
  }
}
