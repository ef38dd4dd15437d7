/**
 * Turns what a person types after `path --to` or `path --org` into one record:
 * an e-mail, a profile URL or a name for a person, a name for an organization.
 * Exact matches win; a unique partial name match is taken; several matches are
 * an error that lists them, so the user can pick one more precisely.
 */
import { badInput, notFound } from "../errors.js";
import {
  listAll,
  nameKey,
  type NetworkStore,
  type Organization,
  type Person,
  type PersonLookup,
} from "../graph/index.js";

/** How many matches an ambiguity error names before "and N more". */
const LISTED = 10;

/** Which kind of lookup a typed target is: an e-mail, a profile URL, else a name. */
export function lookupOf(query: string): PersonLookup {
  if (/^[^\s@/]+@[^\s@/]+$/.test(query)) return { email: query };
  if (/^https?:\/\//i.test(query) || /^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\S/i.test(query))
    return { profileUrl: query };
  return { name: query };
}

/** BAD_USER_INPUT on `option` naming the first matches, and how to pick one. */
export function ambiguous(option: string, query: string, names: string[], hint: string): Error {
  const listed =
    names.slice(0, LISTED).join("; ") +
    (names.length > LISTED ? `; and ${names.length - LISTED} more` : "");
  return badInput(option, `${JSON.stringify(query)} matches ${names.length}: ${listed}. ${hint}`);
}

/** A person among several matches, told apart by an e-mail, a profile URL or a title. */
export function matchLabel(p: Pick<Person, "name" | "emails" | "profileUrl" | "title">): string {
  const which = p.emails[0] ?? p.profileUrl ?? p.title;
  return which ? `${p.name} <${which}>` : p.name;
}

/** The one person `query` names; NOT_FOUND when nobody, BAD_USER_INPUT listing them when several. */
export async function resolvePerson(
  store: NetworkStore,
  ownerId: string,
  query: string,
  option = "--to",
): Promise<Person> {
  const q = query.trim();
  if (q === "") throw badInput(option, "must not be empty");
  const lookup = lookupOf(q);
  let matches = await store.findPeople(ownerId, lookup);
  if (matches.length === 0 && "name" in lookup) {
    const key = nameKey(q);
    matches = (await listAll(store, ownerId, "person", { text: q })).filter((p) =>
      nameKey(p.name).includes(key),
    );
  }
  if (matches.length === 0) throw notFound("person", q, option);
  if (matches.length > 1) {
    throw ambiguous(option, q, matches.map(matchLabel), "Give an e-mail or profile URL instead.");
  }
  return matches[0]!;
}

/** The one organization `query` names, by its name ignoring case (exact first, then a unique partial match). */
export async function resolveOrganization(
  store: NetworkStore,
  ownerId: string,
  query: string,
  option = "--org",
): Promise<Organization> {
  const q = query.trim();
  if (q === "") throw badInput(option, "must not be empty");
  return chooseOrganization(await listAll(store, ownerId, "organization", { text: q }), q, option);
}

/** The one organization of a search for `q`: its exact name wins; none or several is an error. */
export function chooseOrganization<T extends { name: string }>(
  found: readonly T[],
  q: string,
  option: string,
): T {
  const exact = found.filter((o) => nameKey(o.name) === nameKey(q));
  const matches = exact.length > 0 ? exact : found;
  if (matches.length === 0) throw notFound("organization", q, option);
  if (matches.length > 1)
    throw ambiguous(
      option,
      q,
      matches.map((o) => o.name),
      "Give the full name.",
    );
  return matches[0]!;
}
