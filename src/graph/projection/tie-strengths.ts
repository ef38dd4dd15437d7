/**
 * The warmth of many stored ties at one clock time, for a build or a warm start: a tie that does
 * not touch the owner has no contact evidence, so its warmth is a function of its rating,
 * context, provenance and dates alone (tie-warmth.ts), and ties that share those share it. It is
 * computed once per distinct combination (networks hold a few thousand: ratings are few, dates
 * are days) and remembered for this pass only, so the result is exactly tieWarmth's.
 */
import { NO_EVIDENCE } from "../warmth/tie-evidence.js";
import { tieWarmth } from "../warmth/tie-warmth.js";
import type { WarmthOptions } from "../warmth/warmth-options.js";
import type { TieTable } from "./tie-table.js";

/** Date codes up to this fit the combined key (a pool of more distinct dates is computed tie by tie). */
const DATE_CODES = 2 ** 22;

/** The warmth of the tie in a slot (one not touching the owner), at `now`. */
export function tieStrengths(
  ties: TieTable,
  now: Date,
  options: WarmthOptions,
): (slot: number) => number {
  const memo = new Map<number, Map<number, number>>();
  const compute = (slot: number) =>
    tieWarmth(ties.warmthInput(slot), NO_EVIDENCE, now, options).strength;
  return (slot) => {
    const [since, last] = [ties.since[slot]! + 1, ties.last[slot]! + 1];
    if (since >= DATE_CODES || last >= DATE_CODES) return compute(slot);
    // Fields side by side: context codes run to TIE_CONTEXTS.length (< 16), provenance codes below 8.
    const key =
      ((since * DATE_CODES + last) * 16 + ties.context[slot]!) * 8 + ties.provenance[slot]!;
    let byRating = memo.get(key);
    if (byRating === undefined) memo.set(key, (byRating = new Map()));
    const rating = ties.rating[slot]!;
    const r = Number.isNaN(rating) ? -1 : rating;
    let strength = byRating.get(r);
    if (strength === undefined) byRating.set(r, (strength = compute(slot)));
    return strength;
  };
}
