/**
 * Strength bands: what a teammate may learn of another member's tie. Pooling products show
 * "strong / good / weak", never the number (the pooling rules of the product brief), so a
 * pooled tie is shown, and its path warmth computed, at its band's midpoint. The bands split
 * (0, 1] at 0.4 and 0.6, which puts the midpoints at round numbers: weak (0, 0.4) reads 0.2,
 * good [0.4, 0.6) reads 0.5, strong [0.6, 1] reads 0.8.
 */

export const STRENGTH_BANDS = ["strong", "good", "weak"] as const;
export type StrengthBand = (typeof STRENGTH_BANDS)[number];

/** Where the bands start: a tie this strong or stronger is in the band. */
export const BAND_FLOORS = Object.freeze({ strong: 0.6, good: 0.4 });

/** The strength shown for a pooled tie of each band: the band's midpoint. */
export const BAND_MIDPOINTS: Readonly<Record<StrengthBand, number>> = Object.freeze({
  strong: 0.8,
  good: 0.5,
  weak: 0.2,
});

/**
 * The strength of the tie between two members of a team, whatever their own records say
 * (interactions between members never count): the requester can simply ask a teammate,
 * which is about as warm as a strong personal tie, and no private history is revealed.
 */
export const TEAMMATE_STRENGTH = 0.9;

/** The band a tie strength falls in. */
export function strengthBand(strength: number): StrengthBand {
  if (strength >= BAND_FLOORS.strong) return "strong";
  if (strength >= BAND_FLOORS.good) return "good";
  return "weak";
}
