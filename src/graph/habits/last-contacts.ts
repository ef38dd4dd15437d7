/** When the owner last had contact with each person. */
import { listAll } from "../store/list-all.js";
import type { NetworkStore } from "../store/network-store.js";

/** A date-only value is the start of its day, so an instant on the same day is later. */
const later = (a: string | undefined, b: string): string => (a === undefined || b > a ? b : a);

/**
 * The owner's latest contact with each person: the newest interaction `at` (any
 * direction) or the owner's tie lastInteraction, whichever is later; one pass over
 * the owner's interactions and the owner's ties.
 */
export async function lastContacts(
  store: NetworkStore,
  ownerId: string,
): Promise<Map<string, string>> {
  const self = await store.getSelf(ownerId);
  const [interactions, ties] = await Promise.all([
    listAll(store, ownerId, "interaction"),
    listAll(store, ownerId, "tie", { personId: self.id }),
  ]);
  const out = new Map<string, string>();
  for (const i of interactions) {
    if (i.personId !== self.id) out.set(i.personId, later(out.get(i.personId), i.at));
  }
  for (const t of ties) {
    if (t.lastInteraction === null) continue;
    const other = t.personA === self.id ? t.personB : t.personA;
    out.set(other, later(out.get(other), t.lastInteraction));
  }
  return out;
}
