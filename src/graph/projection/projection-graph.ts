/**
 * The Graphology view of a projection (people by id with their name, ties with their
 * attributes), for analytics, exports and the library API. The search never reads it: the
 * projection builds it from the path index on first use and keeps it in step after.
 */
import { UndirectedGraph } from "graphology";
import type { PathIndex } from "../path-index/path-index.js";
import type { InferredTie } from "./inferred-ties.js";
import { pairKey } from "./inferred-pairs.js";
import type { ProjectedTie } from "./tie-table.js";

/** What an edge of the projection carries (made on demand from the tie table). */
export interface EdgeAttributes {
  strength: number;
  inferred: boolean;
  /** The stored tie, for explicit edges (without the owner's notes and the record's timestamps). */
  tie?: ProjectedTie;
  /** The shared context, for inferred edges. */
  shared?: InferredTie;
}

/** The path index payload of an inferred tie (an explicit tie's is its slot in the tie table). */
export const INFERRED = -1;

/** The Graphology view of a projection: people by id with their name, ties with their attributes. */
export type ProjectionGraph = UndirectedGraph<{ name: string }, EdgeAttributes>;

/** The attributes of the edge between index nodes i and j whose payload is `payload`. */
export type AttributesOf = (i: number, j: number, payload: number) => EdgeAttributes;

/** The key of a tie's edge in the Graphology view: the tie's id, or `inferred:a|b`. */
const edgeKey = (attributes: EdgeAttributes, a: string, b: string) =>
  attributes.tie?.id ?? `inferred:${pairKey(a, b)}`;

/** The view of `people` and every edge of `index`. */
export function graphOf(
  people: ReadonlyMap<string, { name: string }>,
  index: PathIndex,
  attributesOf: AttributesOf,
): ProjectionGraph {
  const graph: ProjectionGraph = new UndirectedGraph();
  for (const [id, person] of people) graph.addNode(id, { name: person.name });
  const { keys, targets, starts, ends } = index;
  for (let i = 0; i < keys.length; i++)
    for (let e = starts[i]!; e < ends[i]!; e++) {
      const j = targets[e]!;
      if (j < i) continue;
      const [a, b] = [keys[i]!, keys[j]!];
      const attributes = attributesOf(i, j, index.payloadAt(e));
      graph.addUndirectedEdgeWithKey(edgeKey(attributes, a, b), a, b, attributes);
    }
  return graph;
}

/** Puts the edge of people a and b in the view (none: removes it). */
export function setViewEdge(
  graph: ProjectionGraph,
  a: string,
  b: string,
  attributes: EdgeAttributes | null,
): void {
  const old = graph.edge(a, b);
  if (old !== undefined) graph.dropEdge(old);
  if (attributes) graph.addUndirectedEdgeWithKey(edgeKey(attributes, a, b), a, b, attributes);
}
