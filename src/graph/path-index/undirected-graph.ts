/**
 * The library's entry check on a caller's Graphology graph. A tie is mutual,
 * so the path engine and the analytics read every edge both ways; on a
 * directed graph (or a mixed one holding directed edges) that would silently
 * change what the caller's edges mean. Such a graph is refused unless the
 * caller says, with `treatAsUndirected`, that each edge is a tie both ways.
 */
import type { AbstractGraph } from "graphology-types";
import { badInput } from "../../errors.js";

export interface UndirectedOptions {
  /** Read each directed edge as a mutual tie (parallel ties then count once, at their strongest). Default false. */
  treatAsUndirected?: boolean;
}

/** Whether the graph holds directed edges (or is declared directed). */
export const hasDirectedEdges = (graph: AbstractGraph): boolean =>
  graph.type === "directed" || graph.directedSize > 0;

/** Throws BAD_USER_INPUT on `graph` for a directed or mixed graph, unless the caller opted in. */
export function checkUndirected(graph: AbstractGraph, options: UndirectedOptions = {}): void {
  if (options.treatAsUndirected === true || !hasDirectedEdges(graph)) return;
  throw badInput(
    "graph",
    `is a ${graph.type} graph with directed edges, but ties are mutual: pass an undirected graph, or { treatAsUndirected: true } to read each edge as a tie both ways`,
  );
}
