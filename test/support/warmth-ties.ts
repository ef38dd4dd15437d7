/** What the warmth property tests draw ties from: any rating, context, provenance and age. */
import fc from "fast-check";
import { MIN_RATING, PROVENANCES, TIE_CONTEXTS, type Tie } from "../../src/graph/model/tie.js";

/** The fields of a tie the warmth model reads. */
export type TieFields = Pick<
  Tie,
  "strength" | "context" | "since" | "lastInteraction" | "provenance"
>;

/**
 * Any tie: rated from the floor to 1 or not, any context and provenance, started up to 20 years
 * and last in touch up to 10 years before the day `dayOf(0)`.
 */
export function tieFields(dayOf: (offset: number) => string): fc.Arbitrary<TieFields> {
  return fc.record({
    strength: fc.option(fc.double({ min: MIN_RATING, max: 1, noNaN: true }), { nil: null }),
    context: fc.option(fc.constantFrom(...TIE_CONTEXTS), { nil: null }),
    since: fc.option(fc.integer({ min: -20 * 365, max: 0 }).map(dayOf), { nil: null }),
    lastInteraction: fc.option(fc.integer({ min: -10 * 365, max: 0 }).map(dayOf), { nil: null }),
    provenance: fc.constantFrom(...PROVENANCES),
  });
}
