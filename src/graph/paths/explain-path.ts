/**
 * explainPath: one given chain of people (a path the engine found, or one the user
 * proposes) told hop by hop, the same way introPaths tells its own: each tie's
 * strength and evidence in words, the chain's warmth (the product of its ties'
 * strengths), its label and its weakest link. A chain with a missing tie is refused
 * rather than guessed at.
 */
import { badInput, notFound } from "../../errors.js";
import { projectionFor } from "../projection/projection-registry.js";
import type { NetworkProjection } from "../projection/network-projection.js";
import type { NetworkStore } from "../store/network-store.js";
import { hopEvidence } from "./hop-evidence.js";
import { warmthLabel, type IntroHop, type IntroPath } from "./intro-paths.js";
import { MAX_HOPS_LIMIT } from "./warmest-paths.js";

/** The IntroPath of `people` on a projection; BAD_USER_INPUT on `field[i]` where two neighbours share no tie. */
export function describeIntroPath(
  projection: NetworkProjection,
  people: readonly string[],
  field = "people",
): IntroPath {
  if (people.length < 2) throw badInput(field, "give at least two people: a path has a tie");
  if (people.length > MAX_HOPS_LIMIT + 1)
    throw badInput(field, `at most ${MAX_HOPS_LIMIT + 1} people (${MAX_HOPS_LIMIT} ties)`);
  people.forEach((id, i) => {
    if (!projection.people.has(id)) throw notFound("person", id, `${field}[${i}]`);
    if (people.indexOf(id) !== i)
      throw badInput(`${field}[${i}]`, "a path passes each person once");
  });
  const hops: IntroHop[] = people.slice(1).map((to, i) => {
    const from = people[i]!;
    const edge = projection.edgeBetween(from, to);
    if (edge === undefined) {
      const name = (id: string) => projection.people.get(id)!.name;
      throw badInput(`${field}[${i + 1}]`, `${name(from)} and ${name(to)} have no tie`);
    }
    return {
      from,
      to,
      strength: edge.strength,
      inferred: edge.inferred,
      evidence: hopEvidence(projection, from, to, edge),
    };
  });
  const weakestLink = hops.reduce((w, h) => (h.strength < w.strength ? h : w));
  // The product of the strengths shown, as introPaths computes it.
  const warmth = hops.reduce((product, h) => product * h.strength, 1);
  return { warmth, label: warmthLabel(warmth), people: [...people], hops, weakestLink };
}

/** The explanation of the chain `people` (person ids) in the owner's network, kept in step with the store. */
export async function explainPath(
  store: NetworkStore,
  ownerId: string,
  people: readonly string[],
): Promise<IntroPath> {
  if (people.length < 2) throw badInput("people", "give at least two people: a path has a tie");
  return describeIntroPath(await projectionFor(store, ownerId), people);
}
