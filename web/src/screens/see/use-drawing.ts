/** A drawing's graph, how many ties each person has in it, and who is shown on the card. */
import { useMemo, useState } from "react";
import { buildDrawingGraph, type DrawingGraph, type DrawingInput } from "./drawing-graph";
import type { DrawnPerson } from "./see.documents";

export interface Drawing {
  graph: DrawingGraph;
  byId: ReadonlyMap<string, DrawnPerson>;
  degree: ReadonlyMap<string, number>;
  shown: DrawnPerson | null;
  show: (id: string | null) => void;
}

export function useDrawing(input: DrawingInput | null): Drawing | null {
  const graph = useMemo(() => (input ? buildDrawingGraph(input) : null), [input]);
  const byId = useMemo(() => new Map((input?.nodes ?? []).map((p) => [p.id, p])), [input]);
  const degree = useMemo(() => {
    const out = new Map<string, number>();
    graph?.forEachNode((id) => out.set(id, graph.degree(id)));
    return out;
  }, [graph]);
  const [shownId, show] = useState<string | null>(null);
  if (!graph) return null;
  return { graph, byId, degree, shown: shownId ? (byId.get(shownId) ?? null) : null, show };
}
