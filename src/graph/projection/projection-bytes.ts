/**
 * What one owner's projection is estimated to hold in memory, for the LRU budget of
 * projection-registry.ts, per record as measured on the column projection: heap retained by
 * NetworkProjection.load (people, side tables, node keys: 640 to 770 bytes a person) and the tie
 * columns and path index (108 bytes a tie, off the heap, growth room included), at 30,001 people
 * and 300,650 ties, cold and warm; plus the Graphology view once something has built it. Reads
 * only what is already built: never builds the view.
 */
import type { NetworkProjection } from "./network-projection.js";

/** Bytes per person and per tie (explicit or inferred; its index slots included) as measured. */
export const PROJECTION_SIZE_ESTIMATE = Object.freeze({
  personBytes: 800,
  tieBytes: 110,
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
