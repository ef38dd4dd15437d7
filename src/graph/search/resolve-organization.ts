/**
 * The one organization a typed name means, by the rules of resolve-person.ts: case and
 * accents ignored, the exact name first, then a unique partial match; none or several is
 * an error naming the store searched or the matches.
 */
import { badInput } from "../../errors.js";
import { foldText } from "../model/fold-text.js";
import type { Organization } from "../model/organization.js";
import { listAll } from "../store/list-all.js";
import { ambiguous, nobodyIn, nobodyNamed } from "./resolve-errors.js";
import type { SearchedStore } from "./resolve-person.js";

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
  if (found.length === 0) throw await nobodyIn(searched, "organization", option, q);
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
