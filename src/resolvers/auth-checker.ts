/**
 * type-graphql's auth checker: runs before every root field marked `@Needs`. No identity is
 * UNAUTHENTICATED (HTTP 401); an identity without the scope is FORBIDDEN (HTTP 403), naming the
 * scope so the caller knows which token to make.
 */
import type { AuthChecker } from "type-graphql";
import { ErrorCode, WarmpathError } from "../errors.js";
import { isScope } from "../auth/index.js";
import type { WarmpathContext } from "./context.js";

export const authChecker: AuthChecker<WarmpathContext, string> = ({ context }, needs) => {
  const actor = context.actor;
  if (actor === null)
    throw new WarmpathError(ErrorCode.UNAUTHENTICATED, "Sign in, or send an API token.");
  for (const need of needs) {
    if (need === "identity") continue;
    if (!isScope(need) || !actor.scopes.has(need))
      throw new WarmpathError(ErrorCode.FORBIDDEN, `This needs the scope ${need}.`);
  }
  return true;
};
