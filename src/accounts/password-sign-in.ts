/**
 * Signing in with an e-mail and a password. Every failure answers the same words, whether the
 * address is unknown, the user has no password, is disabled, or the password is wrong, and
 * takes about the same time (an unknown address is checked against a stand-in hash), so the
 * answer does not tell which addresses have accounts.
 */
import { ErrorCode, WarmpathError } from "../errors.js";
import type { NetworkStore, User } from "../graph/index.js";
import { hashPassword, needsRehash, verifyPassword } from "../auth/index.js";
import { signInKeys, type SignInLimiter } from "./sign-in-limiter.js";

export interface PasswordSignIn {
  email: string;
  password: string;
  /** The client's address, counted by the limiter. */
  address: string;
}

let standIn: Promise<string> | undefined;
/** A real hash of a password nobody knows, verified in place of a missing user's. */
const standInHash = (): Promise<string> =>
  (standIn ??= hashPassword(`stand-in ${Math.random()} ${Date.now()} never a password`));

export const signInFailed = (): WarmpathError =>
  new WarmpathError(ErrorCode.UNAUTHENTICATED, "The e-mail address or the password is wrong.");

async function userByEmail(store: NetworkStore, email: string): Promise<User | null> {
  try {
    return await store.findUserByEmail(email);
  } catch {
    return null; // a malformed address is just another wrong one
  }
}

/** The user, when the password is theirs; RATE_LIMITED while the account or address must wait. */
export async function signInWithPassword(
  store: NetworkStore,
  limiter: SignInLimiter,
  attempt: PasswordSignIn,
): Promise<User> {
  const keys = signInKeys(attempt.email, attempt.address);
  await limiter.check(keys);
  const user = await userByEmail(store, attempt.email);
  const hash = user?.passwordHash ?? (await standInHash());
  const matches = await verifyPassword(hash, attempt.password);
  if (!matches || !user || user.passwordHash === null || user.disabledAt !== null) {
    await limiter.fail(keys);
    throw signInFailed();
  }
  await limiter.succeed(keys[0]!);
  // Parameters raised since this hash was made: the password is at hand, so store a new one.
  if (needsRehash(user.passwordHash))
    await store.setUserPassword(user.id, await hashPassword(attempt.password));
  return user;
}
