/**
 * A drawable piece of the owner's network: the people asked for (and the people of the
 * communities named), then their ego networks ring by ring (breadth-first, Wasserman & Faust
 * 1994 on ego networks), warmest ties first within a ring, until `maxNodes`; and every tie
 * among the people kept, with its warmth. What a browser can lay out and draw (the web app's
 * "See it" drawing and network map): the cap keeps a large network to a drawable size and the
 * answer says how many more there were.
 */
import { badInput, notFound } from "../../errors.js";
import { checkLimit } from "../paths/limits.js";
import { projectionFor } from "../projection/projection-registry.js";
import type { NetworkStore } from "../store/network-store.js";
import { keptCommunities } from "./kept-analytics.js";

export const NETWORK_GRAPH_DEFAULTS = Object.freeze({
  depth: 1,
  /** The most ties out from the people asked for. */
  maxDepth: 2,
  maxNodes: 2_000,
  /** The most people a browser is asked to draw. */
  maxNodesLimit: 2_000,
  /**
   * The most ties per person drawn, warmest kept: a dense network's every tie would neither
   * fit one response (the server's field cap) nor read on screen.
   */
  edgesPerNode: 4,
});

export interface NetworkGraphOptions {
  /** The people to draw around: the ego networks' centres, in order of importance. Default: the owner, when no community is named either. */
  around?: readonly string[] | null;
  /** Communities (ids from `communities`) whose people are drawn too, after `around`. */
  communities?: readonly number[] | null;
  /** How many ties out from those people: 0 (just them), 1 or 2. */
  depth?: number | null;
  /** The most people in the answer, up to 2,000. */
  maxNodes?: number | null;
}

export interface GraphNode {
  id: string;
  name: string;
  title: string | null;
  isSelf: boolean;
  /** Ties from the nearest person asked for: 0 for them. */
  depth: number;
  /** Names of current employers, for a person's card. */
  employers: string[];
}

export interface GraphEdge {
  source: string;
  target: string;
  /** The warmth model's strength of the tie (0-1). */
  warmth: number;
  inferred: boolean;
}

export interface NetworkGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** How many people the request reaches without the cap; more than nodes.length when capped. */
  reachable: number;
  /** How many ties join the people kept; more than edges.length when the weakest were left out. */
  tiesAmong: number;
}

export async function networkGraph(
  store: NetworkStore,
  ownerId: string,
  options: NetworkGraphOptions = {},
): Promise<NetworkGraph> {
  const o = NETWORK_GRAPH_DEFAULTS;
  const depth = options.depth ?? o.depth;
  if (!Number.isInteger(depth) || depth < 0 || depth > o.maxDepth)
    throw badInput("depth", `from 0 to ${o.maxDepth}`);
  const maxNodes = checkLimit("maxNodes", options.maxNodes ?? o.maxNodes, o.maxNodesLimit);
  const wanted = options.communities ?? [];
  const projection = await projectionFor(store, ownerId);
  const graph = projection.graph;
  // Nobody and no community named: the owner's own ego network, where a drawing starts.
  const around =
    options.around?.length || wanted.length ? (options.around ?? []) : [projection.selfId];
  for (const id of around) if (!graph.hasNode(id)) throw notFound("person", id, "around");
  const seeds = [...around];
  if (wanted.length > 0) {
    const found = keptCommunities(projection).communities;
    for (const id of wanted) {
      const community = found.find((c) => c.id === id);
      if (!community) throw notFound("community", String(id), "communities");
      seeds.push(...community.members);
    }
  }

  // Breadth-first from every seed at once: ring by ring, the warmest tie into a person first.
  const ring = new Map<string, number>();
  let frontier: string[] = [];
  for (const id of seeds)
    if (!ring.has(id)) {
      ring.set(id, 0);
      frontier.push(id);
    }
  for (let d = 1; d <= depth && frontier.length > 0; d++) {
    const reached = new Map<string, number>();
    for (const id of frontier)
      graph.forEachNeighbor(id, (neighbor) => {
        if (ring.has(neighbor)) return;
        const warmth = Number(graph.getEdgeAttribute(id, neighbor, "strength"));
        reached.set(neighbor, Math.max(reached.get(neighbor) ?? 0, warmth));
      });
    frontier = [...reached.entries()]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([id]) => id);
    for (const id of frontier) ring.set(id, d);
  }

  const kept = [...ring.keys()].slice(0, maxNodes);
  const keep = new Set(kept);
  const nodes = kept.map((id): GraphNode => {
    const person = projection.people.get(id);
    return {
      id,
      name: person?.name ?? id,
      title: person?.title ?? null,
      isSelf: id === projection.selfId,
      depth: ring.get(id)!,
      employers: projection.currentEmployersOf(id).map((org) => org.name),
    };
  });
  const edges: GraphEdge[] = [];
  graph.forEachEdge((_edge, attributes, a, b) => {
    if (a === b || !keep.has(a) || !keep.has(b)) return;
    edges.push({
      source: a,
      target: b,
      warmth: attributes.strength,
      inferred: attributes.inferred,
    });
  });
  const tiesAmong = edges.length;
  edges.sort((x, y) => y.warmth - x.warmth);
  edges.length = Math.min(edges.length, o.edgesPerNode * nodes.length);
  return { nodes, edges, reachable: ring.size, tiesAmong };
}
