/**
 * People search as a person types it (the web app's search box): the text is found in a
 * name, a title, a current employer's or a current group's name, ignoring case and accents
 * (foldText: "chloe" finds Chloé), as the stores' text filter finds it. This one runs in
 * JavaScript over the owner's projection (in memory, kept in step with the store), so that
 * it can rank, the same on every store. Best first: a name starting with the text, a word
 * of the name starting with it, the name containing it, then a title, employer or group
 * containing it; then by name.
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

/** A person record's name and title folded once: records are replaced, never changed, on update. */
const foldedOf = new WeakMap<Person, { name: string; title: string }>();

function folded(person: Person): { name: string; title: string } {
  let f = foldedOf.get(person);
  if (f === undefined)
    foldedOf.set(
      person,
      (f = { name: foldText(person.name), title: foldText(person.title ?? "") }),
    );
  return f;
}

/** Orders names as `localeCompare` does, without making a collator per comparison. */
const byName = new Intl.Collator().compare;

/** 0 (best) to 3 for a match, null for none; `atMatch`: a current employer or group matches. */
function rank(query: string, person: Person, atMatch: boolean): number | null {
  const { name, title } = folded(person);
  if (name.startsWith(query)) return 0;
  // A later word starts with the text (foldText leaves single spaces between words).
  if (name.includes(` ${query}`)) return 1;
  if (name.includes(query)) return 2;
  return atMatch || title.includes(query) ? 3 : null;
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
  // Organizations are few beside people: find the ones whose name matches once, then the people
  // now working there or in the group.
  const atMatching = new Set<string>();
  if (query !== "")
    for (const org of projection.organizations.values())
      if (foldText(org.name).includes(query))
        for (const id of [
          ...projection.currentlyAt(org.id),
          ...projection.currentMembersOf(org.id),
        ])
          atMatching.add(id);
  const matches = [...projection.people.values()].flatMap((person) => {
    const r = query === "" ? 0 : rank(query, person, atMatching.has(person.id));
    return r === null ? [] : [{ person, rank: r, key: nameKey(person.name) }];
  });
  matches.sort(
    (a, b) => a.rank - b.rank || byName(a.key, b.key) || byName(a.person.id, b.person.id),
  );
  return { totalCount: matches.length, people: matches.slice(0, first).map((m) => m.person) };
}
