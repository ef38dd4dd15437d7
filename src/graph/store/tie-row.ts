/**
 * One stored tie as a whole-network read streams it (`loadNetwork` with `onTie`): the fields the
 * in-memory projection keeps, with the same values the `Tie` record would carry, and no record
 * made. A reader of ten million ties then makes no object per tie that outlives its row.
 */
import type { Tie } from "../model/tie.js";

/**
 * The projection's fields of a stored tie. The store may hand the same object to every call,
 * its fields rewritten: copy what you keep before the call returns.
 */
export type TieRow = Readonly<
  Pick<
    Tie,
    | "id"
    | "personA"
    | "personB"
    | "strength"
    | "context"
    | "since"
    | "lastInteraction"
    | "provenance"
  >
>;

/** The object a store rewrites for each tie it streams. */
export type MutableTieRow = { -readonly [K in keyof TieRow]: TieRow[K] };

/** A row to rewrite, its fields empty. */
export const emptyTieRow = (): MutableTieRow => ({
  id: "",
  personA: "",
  personB: "",
  strength: null,
  context: null,
  since: null,
  lastInteraction: null,
  provenance: "manual",
});

/** Options of a whole-network read. */
export interface LoadNetworkOptions {
  /**
   * Called once per stored tie, from the same snapshot as the rest of the network, instead of
   * returning the ties: the snapshot's `ties` is then empty. The row may be reused between calls.
   */
  onTie?: (row: TieRow) => void;
}
