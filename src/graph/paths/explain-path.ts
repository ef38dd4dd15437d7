/**
 * explainPath: one given chain of people (a path the engine found, or one the user
 * proposes) told hop by hop, the same way introPaths tells its own (introPathOf): each tie's
 * strength and evidence in words, the chain's warmth (the product of its ties'
 * strengths), its label and its weakest link. A chain with a missing tie is refused
 * rather than guessed at.
 */
import { badInput, notFound } from "../../errors.js";
import { projectionFor } from "../projection/projection-registry.js";
import type { NetworkProjection } from "../projection/network-projection.js";
import type { NetworkStore } from "../store/network-store.js";
import { introPathOf, type IntroPath } from "./intro-path.js";
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
  people.slice(1).forEach((to, i) => {
    const from = people[i]!;
    if (projection.edgeBetween(from, to) === undefined) {
      const name = (id: string) => projection.people.get(id)!.name;
      throw badInput(`${field}[${i + 1}]`, `${name(from)} and ${name(to)} have no tie`);
    }
  });
  return introPathOf(projection, people);
}

/** The explanation of the chain `people` (person ids) in the owner's network, kept in step with the store. */
export async function explainPath(
  store: NetworkStore,
  ownerId: string,
  people: readonly string[],
): Promise<IntroPath> {
  // Checked again by describeIntroPath; here so a one-person chain costs no projection.
  if (people.length < 2) throw badInput("people", "give at least two people: a path has a tie");
  return describeIntroPath(await projectionFor(store, ownerId), people);
}
