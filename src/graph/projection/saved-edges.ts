/**
 * A warm start's check of a saved path index against the saved tie table: each half-edge's
 * payload must be INFERRED or the slot of a live tie. Tight loops with no calls: they run over
 * twenty million half-edges at a million people.
 */
import type { PathIndex } from "../path-index/path-index.js";
import { pairKey } from "./inferred-pairs.js";
import { INFERRED } from "./projection-graph.js";
import type { TieTable } from "./tie-table.js";

/**
 * The pairs the saved index holds as inferred ties (a warm start infers them again), or null
 * when a payload names no live tie.
 */
export function savedInferredPairs(index: PathIndex, ties: TieTable): Set<string> | null {
  const pairs = new Set<string>();
  const { keys, starts, ends, targets, payloads } = index;
  // The slots named are marked, then checked live in slot order: a byte a slot, read in
  // order, rather than twenty million reads of the table scattered over 40 MB.
  const [tieA, size] = [ties.a, ties.size];
  const named = new Uint8Array(size);
  for (let i = 0; i < keys.length; i++)
    for (let e = starts[i]!, end = ends[i]!; e < end; e++) {
      const p = payloads[e]!;
      if (p === INFERRED) {
        const j = targets[e]!;
        if (i < j) pairs.add(pairKey(keys[i]!, keys[j]!));
      } else if (p >= 0 && p < size) named[p] = 1;
      else return null;
    }
  for (let slot = 0; slot < size; slot++) if (named[slot] === 1 && tieA[slot]! < 0) return null;
  return pairs;
}
