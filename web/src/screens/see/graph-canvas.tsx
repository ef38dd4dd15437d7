/**
 * A graph drawn by sigma (WebGL) and laid out by ForceAtlas2 in its web worker (Barnes-Hut from
 * about 1,000 people), for a time that grows with the graph, then stopped. Hovering a person
 * reports them (the caller shows their card), clicking one steps into them. The canvas is a
 * picture for sighted mouse users: every action and fact it offers is also in the text beside
 * it, so the figure carries a label and points to that text.
 */
import { useEffect, useRef } from "react";
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import Sigma from "sigma";
import type { DrawingGraph } from "./drawing-graph";

/** From this many people, ForceAtlas2 uses the Barnes-Hut approximation. */
export const BARNES_HUT_FROM = 1_000;

/** How long the worker lays out: enough to settle, short enough to stay under 3 s at 2,000. */
export const layoutMs = (order: number): number => Math.min(1_800, 500 + order * 0.6);

export interface Drawn {
  /** From the data to a settled, drawn layout. */
  ms: number;
  nodes: number;
  edges: number;
}

export function GraphCanvas({
  graph,
  label,
  describedBy,
  marked = [],
  onHover,
  onStep,
  onDrawn,
}: {
  graph: DrawingGraph;
  label: string;
  describedBy: string;
  /** People whose on-screen position the figure records (data-positions), for tests and tools. */
  marked?: readonly string[];
  onHover: (id: string | null) => void;
  onStep: (id: string) => void;
  onDrawn?: (drawn: Drawn) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const callbacks = useRef({ onHover, onStep, onDrawn });
  callbacks.current = { onHover, onStep, onDrawn };
  const markedKey = marked.join(",");

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const started = performance.now();
    const renderer = new Sigma(graph, element, {
      zIndex: true,
      labelDensity: 0.5,
      labelRenderedSizeThreshold: graph.order > 300 ? 12 : 5,
      labelFont: "system-ui, sans-serif",
      defaultEdgeColor: "#d6d3d1",
    });
    renderer.on("enterNode", ({ node }) => {
      element.style.cursor = "pointer";
      callbacks.current.onHover(node);
    });
    renderer.on("leaveNode", () => {
      element.style.cursor = "";
      callbacks.current.onHover(null);
    });
    renderer.on("clickNode", ({ node }) => callbacks.current.onStep(node));

    const settings = {
      ...forceAtlas2.inferSettings(graph),
      barnesHutOptimize: graph.order >= BARNES_HUT_FROM,
      edgeWeightInfluence: 1,
      adjustSizes: false,
    };
    const layout = new FA2Layout(graph, {
      settings,
      getEdgeWeight: "weight",
    });
    const positions = () => {
      const out: Record<string, [number, number]> = {};
      for (const id of markedKey.split(",")) {
        if (!id || !graph.hasNode(id)) continue;
        const { x, y } = renderer.graphToViewport(graph.getNodeAttributes(id));
        out[id] = [Math.round(x), Math.round(y)];
      }
      return JSON.stringify(out);
    };
    layout.start();
    const stop = window.setTimeout(() => {
      layout.stop();
      renderer.refresh();
      // The frame after the refresh is the one on screen.
      requestAnimationFrame(() => {
        const ms = Math.round(performance.now() - started);
        element.dataset.drawnMs = String(ms);
        element.dataset.positions = positions();
        callbacks.current.onDrawn?.({ ms, nodes: graph.order, edges: graph.size });
      });
    }, layoutMs(graph.order));
    return () => {
      window.clearTimeout(stop);
      layout.kill();
      renderer.kill();
    };
  }, [graph, markedKey]);

  return (
    <div
      ref={container}
      className="graph-canvas"
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
    />
  );
}
