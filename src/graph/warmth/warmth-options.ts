/** Tunable constants of the warmth model, frozen; callers override them by passing a partial object. */
import { MIN_RATING, type TieContext, type Provenance } from "../model/tie.js";

export interface WarmthOptions {
  /** Days after which the recency factor of the last contact halves. */
  halfLifeDays: number;
  /** Interactions in the last year at which the frequency factor reaches 1 - 1/e. */
  frequencyScale: number;
  /** Favors exchanged at which the favor factor reaches 1 - 1/e. */
  favorScale: number;
  /** Two-way exchanges (the smaller of inbound and outbound contacts) at which the reciprocity factor reaches 1 - 1/e. */
  reciprocityScale: number;
  /** Years known at which the age factor reaches 1 - 1/e. */
  ageScaleYears: number;
  /** The share of the gap between a rating (or a context prior) and 1 that full evidence closes (0..1). */
  evidenceWeightRated: number;
  evidenceWeightUnrated: number;
  /** Weights of the evidence factors; they sum to 1. */
  weights: { recency: number; frequency: number; reciprocity: number; favors: number; age: number };
  /** What a tie's context suggests before any evidence. */
  contextPrior: Record<TieContext, number>;
  /** The prior of a tie with no context. */
  unknownContextPrior: number;
  /** The most a tie can be worth, by where it came from. */
  provenanceCap: Record<Provenance, number>;
  /** Strength of an inferred tie (shared employer or group) before its cap. */
  inferredBase: number;
  /** Extra strength per year two people's time at one employer overlapped. */
  inferredPerOverlapYear: number;
  /**
   * The floor of a context prior and of an inferred strength, so a tie in the graph is never worth 0
   * (strengths live in (0, 1]). Ratings are never raised to it: they are validated at input instead.
   */
  minStrength: number;
}

export const WARMTH_DEFAULTS: Readonly<WarmthOptions> = Object.freeze({
  halfLifeDays: 180,
  frequencyScale: 6,
  favorScale: 2,
  reciprocityScale: 2,
  ageScaleYears: 5,
  evidenceWeightRated: 0.3,
  evidenceWeightUnrated: 0.5,
  weights: Object.freeze({
    recency: 0.35,
    frequency: 0.25,
    reciprocity: 0.15,
    favors: 0.15,
    age: 0.1,
  }),
  contextPrior: Object.freeze({
    family: 0.9,
    friend: 0.75,
    worked_together: 0.7,
    client: 0.6,
    vendor: 0.5,
    school: 0.5,
    community: 0.45,
    other: 0.4,
    met_once: 0.2,
  }),
  unknownContextPrior: 0.35,
  provenanceCap: Object.freeze({
    manual: 1,
    introduction: 0.9,
    interaction: 0.85,
    linkedin: 0.6,
    inferred: 0.3,
  }),
  inferredBase: 0.1,
  inferredPerOverlapYear: 0.04,
  minStrength: MIN_RATING,
});

export function warmthOptions(overrides: Partial<WarmthOptions> = {}): WarmthOptions {
  return { ...WARMTH_DEFAULTS, ...overrides };
}
