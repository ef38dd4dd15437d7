/**
 * A sync's changed ties put into the tie table. The path index is not touched here: the
 * projection then reconciles each pair returned, which sets its edge.
 */
import type { Tie } from "../model/tie.js";
import type { PathIndex } from "../path-index/path-index.js";
import { pairKey } from "./inferred-pairs.js";
import { INFERRED } from "./projection-graph.js";
import type { TieTable } from "./tie-table.js";

/**
 * Applies the current state of changed ties (null: deleted) to `ties`, whose ends are nodes of
 * `index`. Returns the slot each touched pair's tie has now (null: none), by `pairKey`. Removals
 * go first, so a pair whose tie was replaced by another in the same change keeps the new one.
 */
export function applyTieChanges(
  ties: TieTable,
  index: PathIndex,
  changes: ReadonlyMap<string, Tie | null>,
): Map<string, number | null> {
  const stored = new Map<string, number | null>();
  for (const [id, tie] of changes) {
    if (tie !== null) continue;
    const slot = ties.slotOfId(id);
    if (slot === -1) continue;
    stored.set(pairKey(index.keys[ties.a[slot]!]!, index.keys[ties.b[slot]!]!), null);
    ties.remove(slot);
  }
  for (const [id, tie] of changes) {
    if (tie === null) continue;
    const [i, j] = [index.nodeOf(tie.personA), index.nodeOf(tie.personB)];
    if (i === undefined || j === undefined) continue;
    const edge = index.slotOf(i, j);
    const held = edge === -1 ? INFERRED : index.payloadAt(edge);
    // The pair's tie (its slot may have been freed, and even reused, earlier in this change).
    const ours = ties.has(held) && ties.a[held] === i && ties.b[held] === j;
    let slot: number;
    if (ours && ties.idAt(held) === id) ties.update((slot = held), tie);
    else {
      if (ours) ties.remove(held);
      slot = ties.add(tie, i, j);
    }
    stored.set(pairKey(tie.personA, tie.personB), slot);
  }
  return stored;
}
