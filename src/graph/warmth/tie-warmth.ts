/**
 * The warmth model: how likely a person is to pass an introduction request on,
 * as a tie strength w in (0, 1]. A path's warmth is the product of its ties'
 * strengths, so the search runs on cost -ln w.
 *
 *   evidence e = sum of weight_i * factor_i, each factor in [0, 1]:
 *     recency     2^(-days since the last contact / halfLifeDays)        (0 with no contact)
 *     frequency   1 - exp(-contacts in the last year / frequencyScale)
 *     reciprocity min(inbound, outbound) / max(inbound, outbound)          (two-way contact)
 *     favors      1 - exp(-favors exchanged / favorScale)
 *     age         1 - exp(-years since `since` / ageScaleYears)
 *   base b = the user's rating, or the prior of the tie's context
 *   w = b                                  when the user rated it and nothing else is known
 *   w = (1 - a) * b + a * e                otherwise (a = evidenceWeightRated or ...Unrated)
 *   w = clamp(w, minStrength, provenanceCap[provenance])
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
  const lastContact = [evidence.lastContact, tie.lastInteraction].filter((d): d is string => d !== null).sort().at(-1) ?? null;
  const days = lastContact === null ? null : Math.max(0, (now.getTime() - Date.parse(lastContact)) / DAY);
  const years = tie.since === null ? 0 : Math.max(0, (now.getTime() - Date.parse(tie.since)) / (365.25 * DAY));
  const factors = {
    recency: days === null ? 0 : Math.pow(2, -days / options.halfLifeDays),
    frequency: saturate(evidence.contactsLastYear, options.frequencyScale),
    reciprocity: Math.max(evidence.inbound, evidence.outbound) === 0 ? 0 : Math.min(evidence.inbound, evidence.outbound) / Math.max(evidence.inbound, evidence.outbound),
    favors: saturate(evidence.favors, options.favorScale),
    age: saturate(years, options.ageScaleYears),
  };
  const w = options.weights;
  const e = w.recency * factors.recency + w.frequency * factors.frequency + w.reciprocity * factors.reciprocity + w.favors * factors.favors + w.age * factors.age;
  const rated = tie.strength !== null;
  const base = tie.strength ?? (tie.context === null ? options.unknownContextPrior : options.contextPrior[tie.context]);
  const known = hasEvidence(evidence) || tie.lastInteraction !== null;
  // A rating the user gave, with nothing else known, is taken exactly: known weights give predictable paths.
  const blended = rated && !known ? base : (1 - (rated ? options.evidenceWeightRated : options.evidenceWeightUnrated)) * base + (rated ? options.evidenceWeightRated : options.evidenceWeightUnrated) * e;
  const cap = options.provenanceCap[tie.provenance];
  const strength = Math.min(cap, Math.max(options.minStrength, blended));
  return { strength, factors: { base, ...factors, evidence: e, cap } };
}

/** The strength of an inferred tie: two people whose time at one employer overlapped, or who share a group. */
export function inferredWarmth(overlapYears: number, options: WarmthOptions = WARMTH_DEFAULTS): number {
  const raw = options.inferredBase + options.inferredPerOverlapYear * Math.max(0, overlapYears);
  return Math.min(options.provenanceCap.inferred, Math.max(options.minStrength, raw));
}
