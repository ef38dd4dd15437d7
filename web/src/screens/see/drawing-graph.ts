/**
 * The graphology graph a drawing shows: people as nodes (the path's people large, dark and
 * always labelled; others by how far they are, or by community on the map), ties as edges
 * whose width and layout weight follow their warmth. Starting positions are rings by distance
 * with a golden-angle spread, so ForceAtlas2 starts untangled and every drawing repeats.
 */
import Graph from "graphology";
import type { DrawnPerson, DrawnTie } from "./see.documents";

export interface NodeLook {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  forceLabel: boolean;
  zIndex: number;
}

export interface EdgeLook {
  size: number;
  color: string;
  /** ForceAtlas2's edge weight: warmer ties pull harder. */
  weight: number;
  zIndex: number;
}

export type DrawingGraph = Graph<NodeLook, EdgeLook>;

/** Colours of the map's communities, in order of size; the legend names each in words. */
export const COMMUNITY_COLOURS = [
  "#1d4ed8",
  "#b45309",
  "#047857",
  "#7e22ce",
  "#be123c",
  "#0e7490",
  "#4d7c0f",
  "#a21caf",
  "#9a3412",
  "#334155",
] as const;

export const PATH_COLOUR = "#9a3412";
const NEAR_COLOUR = "#57534e";
const FAR_COLOUR = "#a8a29e";
const OTHER_COMMUNITY = "#d6d3d1";
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

export interface DrawingInput {
  nodes: readonly DrawnPerson[];
  edges: readonly DrawnTie[];
  /** The path, in order: drawn on top, labelled, its ties thick. */
  path?: readonly string[];
  /** The person stepped into, when any. */
  focus?: string | null;
  /** For the map: each person's community index (0 = biggest) and who to mark. */
  communityOf?: ReadonlyMap<string, number>;
  brokers?: ReadonlySet<string>;
  bridges?: ReadonlySet<string>;
}

export const edgeKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function communityColour(index: number | undefined): string {
  return index === undefined || index >= COMMUNITY_COLOURS.length
    ? OTHER_COMMUNITY
    : COMMUNITY_COLOURS[index]!;
}

export function buildDrawingGraph(input: DrawingInput): DrawingGraph {
  const graph: DrawingGraph = new Graph({ type: "undirected", multi: false });
  const onPath = new Set(input.path ?? []);
  const pathTies = new Set(
    (input.path ?? []).slice(1).map((id, i) => edgeKey(input.path![i]!, id)),
  );
  const big = input.nodes.length > 300;
  input.nodes.forEach((person, i) => {
    const ring = person.depth + 1 + (i % 7) / 7;
    const angle = i * GOLDEN_ANGLE;
    const marked = onPath.has(person.id) || person.id === input.focus;
    const broker = input.brokers?.has(person.id) ?? false;
    const color = marked
      ? PATH_COLOUR
      : input.communityOf
        ? communityColour(input.communityOf.get(person.id))
        : person.depth <= 1
          ? NEAR_COLOUR
          : FAR_COLOUR;
    graph.addNode(person.id, {
      x: Math.cos(angle) * ring * 10,
      y: Math.sin(angle) * ring * 10,
      size: marked ? 12 : broker ? 10 : big ? 3 : 6,
      color,
      label: broker ? `${person.name} (broker)` : person.isSelf ? "You" : person.name,
      forceLabel: marked || broker,
      zIndex: marked ? 2 : broker ? 1 : 0,
    });
  });
  for (const tie of input.edges) {
    if (!graph.hasNode(tie.source) || !graph.hasNode(tie.target)) continue;
    if (tie.source === tie.target || graph.hasEdge(tie.source, tie.target)) continue;
    const key = edgeKey(tie.source, tie.target);
    const path = pathTies.has(key);
    const bridge = input.bridges?.has(key) ?? false;
    graph.addEdge(tie.source, tie.target, {
      size: path ? 5 : bridge ? 3 : 0.5 + tie.warmth * 2.5,
      color: path ? PATH_COLOUR : bridge ? "#1c1917" : tie.inferred ? "#e7e5e4" : "#d6d3d1",
      weight: Math.max(0.05, tie.warmth),
      zIndex: path ? 2 : bridge ? 1 : 0,
    });
  }
  return graph;
}
