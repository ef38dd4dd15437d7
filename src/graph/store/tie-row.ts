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

/** A row's fields, in the order both stores list a tie's values. */
export const TIE_ROW_FIELDS = [
  "id",
  "personA",
  "personB",
  "strength",
  "context",
  "since",
  "lastInteraction",
  "provenance",
] as const satisfies readonly (keyof TieRow)[];

/**
 * A reader of a tie's values in TIE_ROW_FIELDS order (an absent value read as null) into one
 * row, rewritten by each call: what a store hands to `onTie`.
 */
export function tieRowReader(): (values: readonly unknown[]) => TieRow {
  const row: Record<string, unknown> = {};
  return (values) => {
    for (let i = 0; i < TIE_ROW_FIELDS.length; i++) row[TIE_ROW_FIELDS[i]!] = values[i] ?? null;
    return row as unknown as TieRow;
  };
}
