/**
 * The warmth model: how likely a person is to pass an introduction request on,
 * as a tie strength w in (0, 1]. A path's warmth is the product of its ties'
 * strengths, so the search runs on cost -ln w.
 *
 *   evidence e = sum of weight_i * factor_i, each factor in [0, 1]:
 *     recency     2^(-days since the last contact / halfLifeDays)        (0 with no contact)
 *     frequency   1 - exp(-contacts in the last year / frequencyScale)
 *     reciprocity 1 - exp(-min(inbound, outbound) / reciprocityScale)    (two-way contact)
 *     favors      1 - exp(-favors exchanged / favorScale)
 *     age         1 - exp(-years since `since` / ageScaleYears)
 *   base b = the user's rating (exactly), or max(minStrength, the prior of the tie's context)
 *   w = b                                  when the user rated it and nothing else is known
 *   w = b + (1 - b) * a * e                otherwise (a = evidenceWeightRated or ...Unrated)
 *   w = min(w, provenanceCap[provenance])
 *
 * Guarantees (property-tested in test/graph/warmth/warmth-monotone.test.ts):
 * - Positive evidence never cools a tie: every factor is non-decreasing in what
 *   is logged (a later contact, one more contact, one more two-way exchange, one
 *   more favor), and evidence only closes part of the gap between b and 1, so
 *   logging an interaction (any kind, date or direction) or a favor never lowers
 *   w at that moment. Reciprocity counts two-way exchanges (the smaller of the
 *   two directions) rather than their balance, because a balance falls when one
 *   more one-way message is logged.
 * - Recency decays: as time passes with nothing new, recency and frequency fall
 *   back, and w with them, towards b (never below it: absence of news is not
 *   evidence against a tie the user rated).
 * - A rating is taken exactly: ratings are validated at input (MIN_RATING to 1,
 *   src/graph/model/tie.ts) and never raised or rounded here; only the
 *   provenance cap can lower one.
 *
 * Grounding: Granovetter (1973) and Gilbert & Karahalios (2009) on recency,
 * frequency and reciprocity as the strongest predictors of tie strength; the
 * provenance cap ranks confirmed ties over imported and inferred ones.
 */
import type { Tie } from "../model/tie.js";
import { hasEvidence, type TieEvidence, NO_EVIDENCE } from "./tie-evidence.js";
import { WARMTH_DEFAULTS, type WarmthOptions } from "./warmth-options.js";

const DAY = 86_400_000;

export interface WarmthFactors {
  base: number;
  recency: number;
  frequency: number;
  reciprocity: number;
  favors: number;
  age: number;
  evidence: number;
  cap: number;
}

export interface TieWarmth {
  strength: number;
  factors: WarmthFactors;
}

const saturate = (x: number, scale: number): number => 1 - Math.exp(-x / scale);

export function tieWarmth(
  tie: Pick<Tie, "strength" | "context" | "since" | "lastInteraction" | "provenance">,
  evidence: TieEvidence = NO_EVIDENCE,
  now: Date = new Date(),
  options: WarmthOptions = WARMTH_DEFAULTS,
): TieWarmth {
  const lastContact =
    [evidence.lastContact, tie.lastInteraction]
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1) ?? null;
  const days =
    lastContact === null ? null : Math.max(0, (now.getTime() - Date.parse(lastContact)) / DAY);
  const years =
    tie.since === null ? 0 : Math.max(0, (now.getTime() - Date.parse(tie.since)) / (365.25 * DAY));
  const factors = {
    recency: days === null ? 0 : Math.pow(2, -days / options.halfLifeDays),
    frequency: saturate(evidence.contactsLastYear, options.frequencyScale),
    reciprocity: saturate(Math.min(evidence.inbound, evidence.outbound), options.reciprocityScale),
    favors: saturate(evidence.favors, options.favorScale),
    age: saturate(years, options.ageScaleYears),
  };
  const w = options.weights;
  const e =
    w.recency * factors.recency +
    w.frequency * factors.frequency +
    w.reciprocity * factors.reciprocity +
    w.favors * factors.favors +
    w.age * factors.age;
  const rated = tie.strength !== null;
  // A rating is the user's word: never raised to a floor (input validation keeps it in range).
  const base =
    tie.strength ??
    Math.max(
      options.minStrength,
      tie.context === null ? options.unknownContextPrior : options.contextPrior[tie.context],
    );
  const known = hasEvidence(evidence) || tie.lastInteraction !== null;
  // A rating the user gave, with nothing else known, is taken exactly: known weights give predictable paths.
  // Evidence only closes part of the gap to 1, so logging more of it can never cool a tie.
  const a = rated ? options.evidenceWeightRated : options.evidenceWeightUnrated;
  const warmed = rated && !known ? base : base + (1 - base) * a * e;
  const cap = options.provenanceCap[tie.provenance];
  const strength = Math.min(cap, warmed);
  return { strength, factors: { base, ...factors, evidence: e, cap } };
}

/** The strength of an inferred tie: two people whose time at one employer overlapped, or who share a group. */
export function inferredWarmth(
  overlapYears: number,
  options: WarmthOptions = WARMTH_DEFAULTS,
): number {
  const raw = options.inferredBase + options.inferredPerOverlapYear * Math.max(0, overlapYears);
  return Math.min(options.provenanceCap.inferred, Math.max(options.minStrength, raw));
}
