/**
 * Turns what a person types after `path --to`, `tag`, `log` and the other commands into one
 * record: an e-mail, a profile URL or a name for a person, a name for an organization.
 * Names ignore case and accents; a whole name beats a whole first or last name, which beats a
 * part of one (best-name-matches.ts); several equally good matches are an error that lists
 * them, so the user can pick one more precisely. Nobody is NOT_FOUND naming the store searched.
 */
import { badInput, ErrorCode, WarmpathError } from "../errors.js";
import {
  foldText,
  listAll,
  type NetworkStore,
  type Organization,
  type Person,
  type PersonLookup,
} from "../graph/index.js";
import { bestNameMatches } from "./best-name-matches.js";

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

/** Where a command looks: the open store, whose network, and how to name the store in messages. */
export interface SearchedStore {
  store: NetworkStore;
  ownerId: string;
  /** "SQLite at ./data/warmpath.db", "a warmpath server at https://...". */
  where: string;
}

/** NOT_FOUND on `option` naming the store searched and its size, so a wrong --db shows at once. */
export function nobodyNamed(
  what: "person" | "organization",
  option: string,
  query: string,
  where: string,
  count: number | null,
): WarmpathError {
  const size =
    count === null
      ? ""
      : `, ${count.toLocaleString("en-US")} ${what === "person" ? (count === 1 ? "person" : "people") : count === 1 ? "organization" : "organizations"}`;
  const nobody = what === "person" ? "no one" : "no organization";
  return new WarmpathError(
    ErrorCode.NOT_FOUND,
    `${option}: ${nobody} named ${JSON.stringify(query)} in ${where}${size}`,
    { field: option },
  );
}

/** How many records of a kind the owner has, for the NOT_FOUND message (one count query). */
const countOf = async (
  { store, ownerId }: SearchedStore,
  kind: "person" | "organization",
): Promise<number> => (await store.list(ownerId, kind, undefined, { first: 0 })).totalCount;

/** The one person `query` names; NOT_FOUND when nobody, BAD_USER_INPUT listing them when several. */
export async function resolvePerson(
  searched: SearchedStore,
  query: string,
  option = "--to",
): Promise<Person> {
  const { store, ownerId, where } = searched;
  const q = query.trim();
  if (q === "") throw badInput(option, "must not be empty");
  const lookup = lookupOf(q);
  let matches = await store.findPeople(ownerId, lookup);
  if (matches.length === 0 && "name" in lookup)
    matches = bestNameMatches(await listAll(store, ownerId, "person", { text: q }), q);
  if (matches.length === 0)
    throw nobodyNamed("person", option, q, where, await countOf(searched, "person"));
  if (matches.length > 1) {
    throw ambiguous(option, q, matches.map(matchLabel), "Give an e-mail or profile URL instead.");
  }
  return matches[0]!;
}

/** The one organization `query` names, by its name ignoring case (exact first, then a unique partial match). */
export async function resolveOrganization(
  searched: SearchedStore,
  query: string,
  option = "--org",
): Promise<Organization> {
  const { store, ownerId, where } = searched;
  const q = query.trim();
  if (q === "") throw badInput(option, "must not be empty");
  const found = await listAll(store, ownerId, "organization", { text: q });
  if (found.length === 0)
    throw nobodyNamed("organization", option, q, where, await countOf(searched, "organization"));
  return chooseOrganization(found, q, option, where);
}

/** The one organization of a search for `q`: its exact name wins; none or several is an error. */
export function chooseOrganization<T extends { name: string }>(
  found: readonly T[],
  q: string,
  option: string,
  where: string,
): T {
  const exact = found.filter((o) => foldText(o.name) === foldText(q));
  const matches = exact.length > 0 ? exact : found;
  if (matches.length === 0) throw nobodyNamed("organization", option, q, where, null);
  if (matches.length > 1)
    throw ambiguous(
      option,
      q,
      matches.map((o) => o.name),
      "Give the full name.",
    );
  return matches[0]!;
}
