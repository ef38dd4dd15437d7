/**
 * "Why not warmer?" for a cool or cold path, from the path's own numbers (the API offers no
 * such field): a path's warmth is the product of its ties' strengths, so the answer is always
 * some mix of too many ties, one weak tie, and ties that are only guessed. Each reason comes
 * with what would warm it.
 */
import type { PathView } from "./path-view";

const decimal = (n: number): string => n.toFixed(2);

export function whyNotWarmer(path: PathView): string[] {
  const reasons: string[] = [];
  const hops = path.hops;
  if (hops.length >= 3) {
    const product = hops.map((h) => decimal(h.strength)).join(" × ");
    reasons.push(
      `It takes ${hops.length} ties, and every tie must pass the request on: ${product} = ${decimal(path.warmth)}. ` +
        "A shorter chain, even through a weaker tie, may be warmer: try fewer ties in the options.",
    );
  }
  const weakest = hops.find((h) => h.weakest);
  if (weakest) {
    const strength = weakest.band ? weakest.band.toLowerCase() : decimal(weakest.strength);
    reasons.push(
      weakest.from.kind === "you"
        ? `Your own tie to ${weakest.to.name} is the weakest link (${strength}). A recent conversation with ${weakest.to.name}, logged in warmpath, warms it.`
        : `The weakest link is ${weakest.from.name} → ${weakest.to.name} (${strength}). Ask ${weakest.from.name} how well they know ${weakest.to.name} before you rely on it.`,
    );
  }
  for (const hop of hops.filter((h) => h.inferred))
    reasons.push(
      `${hop.from.name} → ${hop.to.name} is only inferred from a shared employer or group, so it counts for little. If you know they are in touch, record the tie.`,
    );
  return reasons;
}
