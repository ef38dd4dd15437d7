/**
 * People search as a person types it: the text is found in a name, a title, a
 * current employer's or a current group's name (as the stores' text filter
 * finds it), ignoring case and accents (foldText: "chloe" finds
 * Chloé). The store filters (people(filter: {text})) ignore case only, and Cypher
 * has no accent folding without plugins, so this search matches in JavaScript over
 * the owner's projection (already in memory and kept in step with the store), the
 * same on every store.
 * Best first: a name starting with the text, a word of the name starting with it,
 * the name containing it, then a title, employer or group containing it; then by name.
 */
import { badInput } from "../../errors.js";
import { nameKey } from "../model/fields.js";
import type { Person } from "../model/person.js";
import { projectionFor } from "../projection/projection-registry.js";
import type { NetworkStore } from "../store/network-store.js";
import { foldText } from "../model/fold-text.js";

/** How many people an answer holds unless asked, and at most. */
export const SEARCH_PEOPLE_DEFAULTS = Object.freeze({ first: 20, maxFirst: 100, maxText: 200 });

/** The best matches, and how many matched in all. */
export interface PeopleSearch {
  totalCount: number;
  people: Person[];
}

/** 0 (best) to 3 for a match, null for none. */
function rank(
  query: string,
  person: Person,
  employers: () => readonly string[],
  inGroup: boolean,
): number | null {
  const name = foldText(person.name);
  if (name.startsWith(query)) return 0;
  if (name.split(" ").some((word) => word.startsWith(query))) return 1;
  if (name.includes(query)) return 2;
  if (inGroup) return 3;
  const others = [person.title ?? "", ...employers()];
  return others.some((text) => foldText(text).includes(query)) ? 3 : null;
}

/** The owner's people matching `text` (blank: everyone, by name), best first. */
export async function searchPeople(
  store: NetworkStore,
  ownerId: string,
  text: string,
  options: { first?: number | null } = {},
): Promise<PeopleSearch> {
  if (text.length > SEARCH_PEOPLE_DEFAULTS.maxText)
    throw badInput("text", `must be at most ${SEARCH_PEOPLE_DEFAULTS.maxText} characters`);
  const first = options.first ?? SEARCH_PEOPLE_DEFAULTS.first;
  if (!Number.isInteger(first) || first < 1 || first > SEARCH_PEOPLE_DEFAULTS.maxFirst)
    throw badInput("first", `must be a whole number from 1 to ${SEARCH_PEOPLE_DEFAULTS.maxFirst}`);
  const query = foldText(text);
  const projection = await projectionFor(store, ownerId);
  const employers = (id: string) => () =>
    projection.currentEmployersOf(id).map((organization) => organization.name);
  // Groups are few beside people: find the ones whose name matches once, then their members.
  const inGroups = new Set<string>();
  if (query !== "")
    for (const org of projection.organizations.values())
      if (foldText(org.name).includes(query))
        for (const id of projection.currentMembersOf(org.id)) inGroups.add(id);
  const matches = [...projection.people.values()].flatMap((person) => {
    const r = query === "" ? 0 : rank(query, person, employers(person.id), inGroups.has(person.id));
    return r === null ? [] : [{ person, rank: r, key: nameKey(person.name) }];
  });
  matches.sort(
    (a, b) =>
      a.rank - b.rank || a.key.localeCompare(b.key) || a.person.id.localeCompare(b.person.id),
  );
  return { totalCount: matches.length, people: matches.slice(0, first).map((m) => m.person) };
}
