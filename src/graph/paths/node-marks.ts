/**
 * A reusable per-node flag array for an index: a search on a million-person
 * network should not allocate and zero a million bytes per query. The array
 * is zeroed when handed out; whoever marks nodes clears them before returning.
 */
import type { PathIndex } from "../path-index/path-index.js";

const marks = new WeakMap<PathIndex, Uint8Array>();

export function nodeMarks(index: PathIndex): Uint8Array {
  let array = marks.get(index);
  if (!array || array.length < index.size) marks.set(index, (array = new Uint8Array(index.size)));
  return array;
}
