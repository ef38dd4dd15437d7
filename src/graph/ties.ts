/** Operations on a tie named by its two ends rather than by its id. */
import { badInput, notFound } from "../errors.js";
import type { NetworkStore } from "./store/network-store.js";
import type { Tie } from "./model/tie.js";

/** The tie between two people, or null when they are not connected. */
export async function findTie(
  store: NetworkStore,
  ownerId: string,
  personA: string,
  personB: string,
): Promise<Tie | null> {
  if (personA === personB) throw badInput("personB", "a person cannot know themselves");
  const ties = await store.listByRefs(ownerId, "tie", "person", [personA]);
  return ties.find((t) => t.personA === personB || t.personB === personB) ?? null;
}

/** Removes the tie between two people; NOT_FOUND when there is none. Returns the removed tie. */
export async function disconnect(
  store: NetworkStore,
  ownerId: string,
  personA: string,
  personB: string,
): Promise<Tie> {
  const tie = await findTie(store, ownerId, personA, personB);
  if (tie === null) throw notFound("tie", `${personA}|${personB}`, "personB");
  await store.delete(ownerId, "tie", tie.id);
  return tie;
}
