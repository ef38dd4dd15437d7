/**
 * An introduction path as every path query tells it: the chain of people, each hop's
 * strength and evidence in words (hopEvidence), the warmth (the product of the hops'
 * strengths), its label and the weakest link. introPaths tells the chains it finds this
 * way, explainPath the chains a user proposes, so the two always read alike.
 */
import { invariant } from "../../errors.js";
import type { NetworkProjection } from "../projection/network-projection.js";
import { hopEvidence } from "./hop-evidence.js";

export interface IntroHop {
  from: string;
  to: string;
  strength: number;
  inferred: boolean;
  evidence: string[];
}

export interface IntroPath {
  /** The product of the hops' strengths, 0-1. */
  warmth: number;
  label: string;
  /** Person ids from the start to the target. */
  people: string[];
  hops: IntroHop[];
  weakestLink: IntroHop;
}

/** Words for a path's warmth, so a 0.12 reads as what it means. */
export function warmthLabel(warmth: number): string {
  if (warmth >= 0.5) return "warm";
  if (warmth >= 0.2) return "lukewarm";
  if (warmth >= 0.05) return "cool";
  return "cold";
}

/** The IntroPath of `people` (at least two), every two neighbours of which share a tie on `projection`. */
export function introPathOf(projection: NetworkProjection, people: readonly string[]): IntroPath {
  const hops = people.slice(1).map((to, i): IntroHop => {
    const from = people[i]!;
    const edge = projection.edgeBetween(from, to);
    invariant(edge !== undefined, `${from} and ${to} share a tie`);
    return {
      from,
      to,
      strength: edge.strength,
      inferred: edge.inferred,
      evidence: hopEvidence(projection, from, to, edge),
    };
  });
  const weakestLink = hops.reduce((w, h) => (h.strength < w.strength ? h : w));
  // The product of the strengths shown, so a single 0.3 tie reads 0.3 (exp(-cost) reads 0.29999999999999993).
  const warmth = hops.reduce((product, h) => product * h.strength, 1);
  return { warmth, label: warmthLabel(warmth), people: [...people], hops, weakestLink };
}
