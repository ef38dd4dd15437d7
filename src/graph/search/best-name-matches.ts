/**
 * Which of the people a text search found the user meant by a name, as people type names:
 * ignoring case and accents (foldText), a whole name beats a whole first or last name,
 * which beats a part of a name. So "Lena" picks Lena Ørsted over Elena Diaz, and
 * "chloe" finds Chloé. People found only by title, employer or group are not named by it.
 */
import { foldText } from "../model/fold-text.js";

/** 0 the whole name, 1 whole words of it, 2 a part of it; null when the name does not contain the text. */
function nameRank(name: string, query: string): number | null {
  const folded = foldText(name);
  const q = foldText(query);
  if (q === "" || !folded.includes(q)) return null;
  if (folded === q) return 0;
  const words = new Set(folded.split(/[\s,.'-]+/));
  return q.split(" ").every((word) => words.has(word)) ? 1 : 2;
}

/** The matches of the best rank there is (all of them when several share it), in their order. */
export function bestNameMatches<T extends { name: string }>(
  found: readonly T[],
  query: string,
): T[] {
  const ranked = found.flatMap((p) => {
    const rank = nameRank(p.name, query);
    return rank === null ? [] : [{ p, rank }];
  });
  const best = Math.min(...ranked.map((r) => r.rank));
  return ranked.filter((r) => r.rank === best).map((r) => r.p);
}
