/**
 * The words typed for the schema's team enums (`full`, `admin`), checked here so a typo is a
 * usage error naming the choices before anything is sent, and the words shown back for them.
 */
import { oneOf } from "./cli-args.js";

/** What a member lets the team use, as typed. */
export const SHARING_LEVELS = Object.freeze(["off", "company", "full"] as const);
/** A member's role, as typed. */
export const TEAM_ROLES = Object.freeze(["owner", "admin", "member", "guest"] as const);
/** The roles an invitation may give. */
export const INVITED_ROLES = Object.freeze(["member", "admin", "guest"] as const);

/** The schema's spelling (FULL) of a word typed for `option`; BAD_USER_INPUT listing the choices. */
export function enumValue(option: string, value: string, allowed: readonly string[]): string {
  return oneOf(option, value, allowed).toUpperCase();
}

/** An enum value as shown: FULL is full, AWAITING_APPROVAL is awaiting approval. */
export const enumWord = (value: string): string => value.toLowerCase().replace(/_/g, " ");
