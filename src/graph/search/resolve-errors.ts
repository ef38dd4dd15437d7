/**
 * The two ways resolving a typed person or organization fails, worded the same wherever it
 * runs (the store, a server through the command line, the MCP tools): several matches is
 * BAD_USER_INPUT listing them, nobody is NOT_FOUND naming the store searched and its size.
 */
import { badInput, ErrorCode, WarmpathError } from "../../errors.js";
import type { NetworkStore } from "../store/network-store.js";

/** How many matches an ambiguity error names before "and N more". */
const LISTED = 10;

/** BAD_USER_INPUT on `option` naming the first matches, and how to pick one. */
export function ambiguous(option: string, query: string, names: string[], hint: string): Error {
  const listed =
    names.slice(0, LISTED).join("; ") +
    (names.length > LISTED ? `; and ${names.length - LISTED} more` : "");
  return badInput(option, `${JSON.stringify(query)} matches ${names.length}: ${listed}. ${hint}`);
}

/** NOT_FOUND on `option` naming the store searched and its size, so a wrong store shows at once. */
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

/** nobodyNamed with the size of the owner's store, read in one count query. */
export async function nobodyIn(
  searched: { store: NetworkStore; ownerId: string; where: string },
  what: "person" | "organization",
  option: string,
  query: string,
): Promise<WarmpathError> {
  const { store, ownerId, where } = searched;
  const count = (await store.list(ownerId, what, undefined, { first: 0 })).totalCount;
  return nobodyNamed(what, option, query, where, count);
}
