/** What a server with accounts holds for its whole life and hands to each request. */
import type { SetupToken } from "./setup-token.js";
import { SignInLimiter } from "./sign-in-limiter.js";

export interface AccountServices {
  limiter: SignInLimiter;
  /** Set while the server is in setup mode and the token is unspent. */
  setup: SetupToken | null;
  /** The network the first account adopts (the single-user install's owner). */
  adoptOwner: string;
}

export const createAccountServices = (
  adoptOwner: string,
  setup: SetupToken | null = null,
): AccountServices => ({ limiter: new SignInLimiter(), setup, adoptOwner });
