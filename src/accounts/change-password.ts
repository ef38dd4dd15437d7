/**
 * Changing one's own password. The current password is asked again (a browser left open must
 * not be enough), checked under the same limits as a sign-in; then every session of the user
 * ends, the caller's included: the caller gets a new one (the resolver rotates the cookie).
 */
import type { NetworkStore, User } from "../graph/index.js";
import { checkPasswordPolicy, hashPassword } from "../auth/index.js";
import { signInWithPassword } from "./password-sign-in.js";
import type { SignInLimiter } from "./sign-in-limiter.js";

export interface PasswordChange {
  current: string;
  next: string;
  address: string;
}

export async function changePassword(
  store: NetworkStore,
  limiter: SignInLimiter,
  user: User,
  change: PasswordChange,
): Promise<User> {
  checkPasswordPolicy(change.next, "newPassword");
  await signInWithPassword(store, limiter, {
    email: user.email,
    password: change.current,
    address: change.address,
  });
  await store.setUserPassword(user.id, await hashPassword(change.next));
  await store.deleteUserSessions(user.id);
  return store.getUser(user.id);
}
