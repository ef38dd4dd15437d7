/** A pooled node's view as a value of the HopPerson union: one's own people are loaded whole. */
import type { Person, PooledNodeView } from "../graph/index.js";
import type { HopPersonValue } from "../schema/team-path.type.js";
import type { Loaders } from "./loaders.js";
import { personOf } from "./load-people.js";

export async function hopPerson(
  loaders: Loaders,
  view: PooledNodeView | { kind: "own"; person: Person },
): Promise<HopPersonValue> {
  if (view.kind !== "own") return view as HopPersonValue;
  const person = "person" in view ? view.person : await personOf(loaders, view.personId);
  return person as HopPersonValue;
}
