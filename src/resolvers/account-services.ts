import { accountOf, type AccountServices } from "../accounts/index.js";
import { ErrorCode, WarmpathError } from "../errors.js";
import type { User } from "../graph/index.js";
import type { WarmpathContext } from "./context.js";

/** The server's account services; UNAVAILABLE when the schema runs without accounts (embedded). */
export function accountServices(ctx: WarmpathContext): AccountServices {
  if (!ctx.accounts)
    throw new WarmpathError(ErrorCode.UNAVAILABLE, "This server does not manage accounts.");
  return ctx.accounts;
}

/** The signed-in user (checked by @Needs already, so the actor is there). */
export const signedInUser = (ctx: WarmpathContext): User => accountOf(ctx.actor!);

/** The client's address for rate limits; one shared bucket when the schema runs without HTTP. */
export const clientAddress = (ctx: WarmpathContext): string => ctx.http?.address ?? "local";
