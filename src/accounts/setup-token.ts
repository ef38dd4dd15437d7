/**
 * The one-time setup token (issue 13, bootstrap): a server started in setup mode on a store
 * with no users prints this token once, and whoever holds it may create the first account, an
 * administrator who adopts the existing network. It lives in memory only and is spent by the
 * first exchange; a server restarted before that prints a new one.
 */
import { ErrorCode, WarmpathError } from "../errors.js";
import type { NetworkStore, User } from "../graph/index.js";
import {
  checkPasswordPolicy,
  generateSessionToken,
  hashPassword,
  hashToken,
  sameHash,
} from "../auth/index.js";

export interface FirstAccount {
  token: string;
  email: string;
  name: string;
  password: string;
}

export class SetupToken {
  /** Shown once, at start; null once spent. */
  readonly token: string = generateSessionToken();
  private hash: string | null = hashToken(this.token);

  get spent(): boolean {
    return this.hash === null;
  }

  /** Creates the first user, an admin owning `adoptOwner`'s network. One answer for every refusal. */
  async exchange(store: NetworkStore, account: FirstAccount, adoptOwner: string): Promise<User> {
    const refused = new WarmpathError(ErrorCode.UNAUTHENTICATED, "The setup token is not valid.");
    const given = typeof account.token === "string" ? account.token : "";
    if (this.hash === null || !sameHash(hashToken(given), this.hash)) throw refused;
    checkPasswordPolicy(account.password);
    const passwordHash = await hashPassword(account.password);
    if (this.hash === null) throw refused;
    // Spent before anything is awaited: of two exchanges at once, only one gets past here.
    this.hash = null;
    try {
      if ((await store.countUsers()) > 0) throw refused;
      return await store.createUser({
        email: account.email,
        name: account.name,
        passwordHash,
        ownerId: adoptOwner,
        admin: true,
      });
    } catch (error) {
      // A typo in the address must not burn the only way in; once a user exists it stays spent.
      if (error !== refused) this.hash = hashToken(this.token);
      throw error;
    }
  }
}
