/**
 * What one owner's projection is estimated to hold in memory, for the LRU budget of
 * projection-registry.ts. A projection that can tell (`estimatedBytes()`) is asked; otherwise
 * the estimate is per record, measured on the index-first projection (records, path index,
 * edge payloads): heap retained by NetworkProjection.load at 20,000 people / 200,000 ties
 * (150 MB) and 40,000 / 100,000 (138 MB), solved for the two costs; plus the Graphology view
 * once something has built it. Reads only what is already built: never builds the view.
 */
import type { NetworkProjection } from "./network-projection.js";

/** Bytes per person and per tie (explicit or inferred; its index slots included) as measured. */
export const PROJECTION_SIZE_ESTIMATE = Object.freeze({
  personBytes: 2_200,
  tieBytes: 570,
  /** What the Graphology view adds, once built: a node and an edge entry (graphology's own cost). */
  viewPersonBytes: 300,
  viewTieBytes: 250,
});

export function projectionBytes(projection: NetworkProjection): number {
  const { people, ties, viewBuilt } = projection.counts();
  const e = PROJECTION_SIZE_ESTIMATE;
  const view = viewBuilt ? people * e.viewPersonBytes + ties * e.viewTieBytes : 0;
  return Math.round(people * e.personBytes + ties * e.tieBytes + view);
}
