/** Names for the person ids a list or a path returns, fetched in one call, and how to describe their role. */
import type { Person } from "./model/person.js";
import type { NetworkStore } from "./store/network-store.js";

/** Each person by id, for the ids given; ids of people deleted meanwhile are left out. */
export async function peopleById(
  store: NetworkStore,
  ownerId: string,
  ids: Iterable<string>,
): Promise<Map<string, Person>> {
  const unique = [...new Set(ids)];
  const people = await store.getMany(ownerId, "person", unique);
  return new Map(people.filter((p): p is Person => p !== null).map((p) => [p.id, p]));
}

/** "VP Engineering at Fabrikam", "VP Engineering", "at Fabrikam", or "". */
export function roleLine(title: string | null, employers: readonly string[]): string {
  const at = employers.length > 0 ? `at ${employers.join(", ")}` : "";
  return [title ?? "", at].filter((s) => s !== "").join(" ");
}
