/**
 * Turns what a person types for someone (`path --to` on the command line, an MCP tool's
 * argument) into one record: an e-mail, a profile URL or a name. Names ignore case and
 * accents; a whole name beats a whole first or last name, which beats a part of one
 * (best-name-matches.ts); several equally good matches are an error that lists them, so the
 * user can pick one more precisely. Nobody is NOT_FOUND naming the store searched.
 */
import { badInput } from "../../errors.js";
import type { Person } from "../model/person.js";
import { listAll } from "../store/list-all.js";
import type { NetworkStore, PersonLookup } from "../store/network-store.js";
import { bestNameMatches } from "./best-name-matches.js";
import { ambiguous, nobodyIn } from "./resolve-errors.js";

/** Where a lookup runs: the open store, whose network, and how to name the store in messages. */
export interface SearchedStore {
  store: NetworkStore;
  ownerId: string;
  /** "SQLite at ./data/warmpath.db", "your network". */
  where: string;
}

/** Which kind of lookup a typed target is: an e-mail, a profile URL, else a name. */
export function lookupOf(query: string): PersonLookup {
  if (/^[^\s@/]+@[^\s@/]+$/.test(query)) return { email: query };
  if (/^https?:\/\//i.test(query) || /^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\S/i.test(query))
    return { profileUrl: query };
  return { name: query };
}

/** A person among several matches, told apart by an e-mail, a profile URL or a title. */
export function matchLabel(p: Pick<Person, "name" | "emails" | "profileUrl" | "title">): string {
  const which = p.emails[0] ?? p.profileUrl ?? p.title;
  return which ? `${p.name} <${which}>` : p.name;
}

/** The one person `query` names; NOT_FOUND when nobody, BAD_USER_INPUT listing them when several. */
export async function resolvePerson(
  searched: SearchedStore,
  query: string,
  option = "--to",
): Promise<Person> {
  const { store, ownerId } = searched;
  const q = query.trim();
  if (q === "") throw badInput(option, "must not be empty");
  const lookup = lookupOf(q);
  let matches = await store.findPeople(ownerId, lookup);
  if (matches.length === 0 && "name" in lookup)
    matches = bestNameMatches(await listAll(store, ownerId, "person", { text: q }), q);
  if (matches.length === 0) throw await nobodyIn(searched, "person", option, q);
  if (matches.length > 1)
    throw ambiguous(option, q, matches.map(matchLabel), "Give an e-mail or profile URL instead.");
  return matches[0]!;
}
