/**
 * The scopes an API token (and later a session) carries, from issue 13, and the two rules built on
 * them: what a scope allows, and which scopes one actor may hand to a new token.
 *
 * `admin` implies every other scope. An admin can create users and mint tokens for them, so an
 * admin token without `paths:read` could still reach everything in two steps; saying so in
 * `hasScope` keeps the rule honest instead of pretending to a limit that is not there.
 * No other scope implies another: `contacts:write` without `contacts:read` is a real least-privilege
 * token (an import script), and an implication is easy to add later but breaking to remove.
 */
import { badInput } from "../errors.js";

export const SCOPES = Object.freeze([
  "paths:read",
  "contacts:read",
  "contacts:write",
  "imports:write",
  "intros:write",
  "mcp",
  "admin",
] as const);
export type Scope = (typeof SCOPES)[number];

const KNOWN: ReadonlySet<string> = new Set(SCOPES);

export const isScope = (value: string): value is Scope => KNOWN.has(value);

/**
 * Checks a list of scope names from a caller: every name must be known, and at least one given.
 * Returns them once each, in the order of `SCOPES`, so equal sets are stored as equal lists.
 */
export function parseScopes(names: readonly string[], field = "scopes"): Scope[] {
  if (names.length === 0) throw badInput(field, "give at least one scope");
  names.forEach((name, i) => {
    if (!isScope(name))
      throw badInput(
        `${field}[${i}]`,
        `unknown scope ${JSON.stringify(name)}; known: ${SCOPES.join(", ")}`,
      );
  });
  const given = new Set(names);
  return SCOPES.filter((scope) => given.has(scope));
}

/** Every scope that `granted` allows: all of them when it holds `admin`, else exactly `granted`. */
export const effectiveScopes = (granted: readonly Scope[]): ReadonlySet<Scope> =>
  new Set(granted.includes("admin") ? SCOPES : granted);

/** Whether an actor holding `granted` may do what needs `needed`. */
export const hasScope = (granted: readonly Scope[], needed: Scope): boolean =>
  effectiveScopes(granted).has(needed);

/**
 * Whether an actor holding `granterScopes` may create a token with `requestedScopes`: only when it
 * holds every one of them, so a token can never mint a wider token than itself.
 */
export function canGrant(
  granterScopes: readonly Scope[],
  requestedScopes: readonly Scope[],
): boolean {
  const allowed = effectiveScopes(granterScopes);
  return requestedScopes.every((scope) => allowed.has(scope));
}
