/**
 * What a query or mutation needs of its caller, declared on each root field (issue 13).
 * `@Needs(scope)` is type-graphql's `@Authorized` (enforced by the auth checker) plus the
 * same scope in the field's extensions, so the built schema says it and a test can walk the
 * schema to prove that no root field was left without one.
 */
import { Authorized, Extensions } from "type-graphql";
import type { Scope } from "../auth/index.js";

/** `identity`: anyone signed in, whatever their scopes (their own account, their sessions). */
export type Need = Scope | "identity";

/** The extensions key that holds a root field's need, or "public" for the sign-in operations. */
export const NEED_EXTENSION = "needs";

export function Needs(need: Need): MethodDecorator {
  return (target, key, descriptor) => {
    Authorized(need)(target, key, descriptor);
    Extensions({ [NEED_EXTENSION]: need })(target, key, descriptor);
  };
}

/** An operation anyone may call without an identity: signing up and in. */
export function Public(): MethodDecorator {
  return (target, key, descriptor) => {
    Extensions({ [NEED_EXTENSION]: "public" })(target, key, descriptor);
  };
}
