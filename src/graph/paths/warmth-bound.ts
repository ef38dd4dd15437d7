/**
 * The one comparison of a path's warmth with a threshold (minWarmth, reach's
 * warmThreshold), made on costs. A path's cost is a sum of -ln(strength), so
 * exp(-cost) differs from the product of its strengths in the last bits:
 * exp(-(-ln 0.3)) is 0.29999999999999993, and a path exactly as warm as the
 * threshold would be dropped. Costs within WARMTH_TOLERANCE of the bound count
 * as equal: a relative 1e-9 of warmth, far above the rounding of a sum of at
 * most 12 logarithms (about 1e-13) and far below any difference a person can
 * rate.
 */
export const WARMTH_TOLERANCE = 1e-9;

/** The largest path cost that is at least `minWarmth` warm; Infinity when every path is (minWarmth 0). */
export function costBound(minWarmth: number): number {
  return minWarmth > 0 ? -Math.log(minWarmth) + WARMTH_TOLERANCE : Number.POSITIVE_INFINITY;
}
