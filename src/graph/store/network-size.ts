/** How large an owner's network is (people and ties), from two counts: for cost estimates made before any work. */
import type { NetworkStore } from "./network-store.js";

export async function networkSize(
  store: NetworkStore,
  ownerId: string,
): Promise<{ people: number; ties: number }> {
  const [people, ties] = await Promise.all([
    store.list(ownerId, "person", undefined, { first: 1 }),
    store.list(ownerId, "tie", undefined, { first: 1 }),
  ]);
  return { people: people.totalCount, ties: ties.totalCount };
}
