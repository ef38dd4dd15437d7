/**
 * Creating a user and resetting a password. The first user of a store that has served one owner
 * without accounts can adopt that owner's network, so turning accounts on moves no data.
 */
import type { NetworkStore, User } from "../graph/index.js";
import { hashPassword } from "../auth/index.js";

export interface AccountInput {
  email: string;
  name: string;
  /** Null or absent for a user who signs in another way (a passkey); else checked by the policy. */
  password?: string | null;
  /** Default false. */
  admin?: boolean;
}

export interface CreateAccountOptions {
  /**
   * The owner whose network the first user takes over (a single-user install's, "me" by
   * default). Ignored once any user exists: later users start a network of their own.
   */
  adoptOwner?: string;
  /** The time of the request; the store stamps `createdAt` itself today, so it is not used yet. */
  now?: Date;
}

/**
 * Creates a user; BAD_USER_INPUT on `password` when it breaks the policy, CONFLICT on `email` when
 * the address is taken. Counting and creating are two steps: when two first users race, the store
 * refuses the second adoption (CONFLICT on `ownerId`), so a network never gets two owners.
 */
export async function createAccount(
  store: NetworkStore,
  input: AccountInput,
  options: CreateAccountOptions = {},
): Promise<User> {
  const passwordHash =
    input.password === undefined || input.password === null
      ? null
      : await hashPassword(input.password);
  const adopt = options.adoptOwner !== undefined && (await store.countUsers()) === 0;
  return store.createUser({
    email: input.email,
    name: input.name,
    passwordHash,
    admin: input.admin === true,
    ...(adopt ? { ownerId: options.adoptOwner } : {}),
  });
}

/**
 * Sets a new password (BAD_USER_INPUT on `password` when it breaks the policy) and ends every
 * session of the user: a reset is what someone does after a password leaked, so a session opened
 * with the old one must not outlive it. Returns how many sessions ended.
 */
export async function setPassword(
  store: NetworkStore,
  userId: string,
  password: string,
): Promise<number> {
  await store.setUserPassword(userId, await hashPassword(password));
  return store.deleteUserSessions(userId);
}
