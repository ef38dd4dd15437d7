/**
 * The projection's inferred ties by organization and by pair: which pairs of
 * people each organization's shared employment or membership suggests, kept so
 * that one organization's change redoes only its own pairs, and a pair's edge
 * shows its strongest inference (the longest overlap).
 */
import { longerOverlap, type InferredTie } from "./inferred-ties.js";

/** The key of an unordered pair of people: `a|b` with the smaller id first. */
export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

export class InferredPairs {
  private readonly byOrg = new Map<string, InferredTie[]>();
  private readonly byPair = new Map<string, Map<string, InferredTie>>();

  /** Replaces an organization's inferences; returns the pairs whose inference changed. */
  replace(orgId: string, inferred: InferredTie[]): string[] {
    const changed: string[] = [];
    for (const old of this.byOrg.get(orgId) ?? []) {
      const key = pairKey(old.a, old.b);
      this.byPair.get(key)?.delete(orgId);
      changed.push(key);
    }
    this.byOrg.set(orgId, inferred);
    for (const tie of inferred) {
      const key = pairKey(tie.a, tie.b);
      let byOrg = this.byPair.get(key);
      if (!byOrg) this.byPair.set(key, (byOrg = new Map()));
      byOrg.set(orgId, tie);
      changed.push(key);
    }
    return changed;
  }

  /** A pair's inferences, the longest overlap first (a total order: see longerOverlap). */
  of(pair: string): InferredTie[] {
    return [...(this.byPair.get(pair)?.values() ?? [])].sort(longerOverlap);
  }

  /** The inference a pair's edge shows when it has no stored tie: the longest overlap. */
  strongest(pair: string): InferredTie | undefined {
    return this.of(pair)[0];
  }
}
