/**
 * A recurring series says a relationship is regular, not that it is 52 times
 * as warm: of a series' past occurrences, at most one a week counts (the first
 * of each week, weeks starting Monday, UTC), and at most `max` in all, the
 * most recent ones.
 */

export const SERIES_DEFAULTS = Object.freeze({ maxOccurrences: 12 });

const WEEK = 7 * 86_400_000;
// 1970-01-05 was a Monday: weeks counted from it start on Mondays.
const MONDAY = 4 * 86_400_000;

/** The week an instant falls in, as a number. */
export const weekOf = (ms: number): number => Math.floor((ms - MONDAY) / WEEK);

/**
 * The occurrences that count, in time order: `starts` in time order (ms), those
 * after `now` dropped, one per week, the last `max`.
 */
export function capSeries<T extends { start: number }>(
  occurrences: Iterable<T>,
  now: number,
  max = SERIES_DEFAULTS.maxOccurrences,
): T[] {
  const kept: T[] = [];
  let lastWeek = Number.NEGATIVE_INFINITY;
  for (const occurrence of occurrences) {
    if (occurrence.start > now) break;
    const week = weekOf(occurrence.start);
    if (week === lastWeek) continue;
    lastWeek = week;
    kept.push(occurrence);
    if (kept.length > max) kept.shift();
  }
  return kept;
}
