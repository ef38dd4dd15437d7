/**
 * Communities (Louvain modularity, Blondel et al. 2008, via
 * graphology-communities-louvain, weighted by tie strength and seeded so the
 * answer is stable) and the weak-tie bridges between them: the few ties that
 * connect otherwise separate groups (Granovetter 1973; Burt 2004 on brokers).
 * Parallel edges of a multigraph are one tie at their strongest, as everywhere
 * in the path engine.
 */
import { createRequire } from "node:module";
import { UndirectedGraph } from "graphology";
import type { AbstractGraph } from "graphology-types";
import {
  checkUndirected,
  hasDirectedEdges,
  type UndirectedOptions,
} from "../path-index/undirected-graph.js";
import { rngFrom } from "./seeded-rng.js";

// A CommonJS package whose typings declare an ES default export: loaded the way Node loads it.
const louvain = createRequire(import.meta.url)(
  "graphology-communities-louvain",
) as typeof import("graphology-communities-louvain").default;

export interface Community {
  id: number;
  members: string[];
}

export interface Bridge {
  a: string;
  b: string;
  strength: number;
  communities: [number, number];
  /** How many ties join these two communities in all; 1 means this tie alone. */
  tiesBetween: number;
}

export interface CommunitiesOptions extends UndirectedOptions {
  /** Seed of Louvain's random order, so an answer repeats. Default 1. */
  seed?: number;
}

/** One undirected edge per pair of people, at its strongest: what Louvain and the bridges read. */
function simpleTies(graph: AbstractGraph): AbstractGraph {
  if (!graph.multi && !hasDirectedEdges(graph)) return graph;
  const ties = new UndirectedGraph();
  graph.forEachNode((node) => void ties.addNode(node));
  graph.forEachEdge((_edge, attributes, a, b) => {
    if (a === b) return;
    const strength = Number(attributes.strength);
    if (!ties.hasEdge(a, b)) ties.addEdge(a, b, { strength });
    else if (strength > Number(ties.getEdgeAttribute(a, b, "strength")))
      ties.setEdgeAttribute(a, b, "strength", strength);
  });
  return ties;
}

export function communities(
  input: AbstractGraph,
  options: CommunitiesOptions = {},
): { communities: Community[]; bridges: Bridge[] } {
  checkUndirected(input, options);
  const seed = options.seed ?? 1;
  const graph = simpleTies(input);
  if (graph.order === 0) return { communities: [], bridges: [] };
  const assignment = louvain(graph, { getEdgeWeight: "strength", rng: rngFrom(seed) }) as Record<
    string,
    number
  >;
  const byId = new Map<number, string[]>();
  for (const [node, id] of Object.entries(assignment)) {
    let list = byId.get(id);
    if (!list) byId.set(id, (list = []));
    list.push(node);
  }
  // Renumber by size so ids read as "the largest community is 0".
  const ordered = [...byId.values()]
    .map((m) => m.sort())
    .sort((x, y) => y.length - x.length || (x[0]! < y[0]! ? -1 : 1));
  const renumber = new Map<string, number>();
  ordered.forEach((members, id) => members.forEach((m) => renumber.set(m, id)));
  const crossing: Omit<Bridge, "tiesBetween">[] = [];
  graph.forEachEdge((_edge, attributes, a, b) => {
    const [x, y] = [renumber.get(a)!, renumber.get(b)!];
    if (x !== y)
      crossing.push({
        a,
        b,
        strength: Number(attributes.strength),
        communities: x < y ? [x, y] : [y, x],
      });
  });
  const between = new Map<string, number>();
  for (const c of crossing)
    between.set(c.communities.join("-"), (between.get(c.communities.join("-")) ?? 0) + 1);
  const bridges = crossing
    .map((c) => ({ ...c, tiesBetween: between.get(c.communities.join("-"))! }))
    .sort((p, q) => p.tiesBetween - q.tiesBetween || q.strength - p.strength);
  return { communities: ordered.map((members, id) => ({ id, members })), bridges };
}
