/** How a whole-network read (`NetworkStore.loadNetwork`) hands over its ties. */
import type { TiePage } from "./tie-page.js";
import type { TieRow } from "./tie-row.js";

/** Options of a whole-network read. */
export interface LoadNetworkOptions {
  /**
   * Called once per stored tie, from the same snapshot as the rest of the network, instead of
   * returning the ties: the snapshot's `ties` is then empty. The row may be reused between calls.
   */
  onTie?: (row: TieRow) => void;
  /**
   * With `onTie`: a store that reads ties as columns may hand runs of them here instead, each
   * run in its place in the order (tie-page.ts). Without it, such a store hands rows to `onTie`.
   */
  onTiePage?: (page: TiePage) => void;
}
