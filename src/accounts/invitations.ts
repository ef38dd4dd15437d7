/**
 * Joining a server that has accounts: an administrator makes an invitation (a token shown
 * once, valid 7 days by default, for one address or for whoever holds it), and the invited
 * person signs up with it. Only the token's SHA-256 is stored; the store spends the invitation
 * and creates the user in one transaction.
 */
import { badInput } from "../errors.js";
import type { Invitation, NetworkStore, User } from "../graph/index.js";
import {
  checkPasswordPolicy,
  generateSessionToken,
  hashPassword,
  hashToken,
} from "../auth/index.js";
import { accountOf, type Actor } from "./actor.js";

const DAY = 24 * 60 * 60 * 1000;

export const INVITATION_DEFAULTS = Object.freeze({ expiresInDays: 7, longestDays: 90 });

export interface InvitationRequest {
  email?: string | null;
  admin?: boolean;
  expiresInDays?: number;
}

/** The invitation and its token, which is shown once and never stored. */
export async function createInvitation(
  store: NetworkStore,
  actor: Actor,
  request: InvitationRequest,
  now: Date,
): Promise<{ token: string; invitation: Invitation }> {
  const user = accountOf(actor);
  const days = request.expiresInDays ?? INVITATION_DEFAULTS.expiresInDays;
  if (!Number.isInteger(days) || days < 1 || days > INVITATION_DEFAULTS.longestDays)
    throw badInput(
      "expiresInDays",
      `must be a whole number from 1 to ${INVITATION_DEFAULTS.longestDays}`,
    );
  const token = generateSessionToken();
  const invitation = await store.createInvitation({
    tokenHash: hashToken(token),
    invitedBy: user.id,
    expiresAt: new Date(now.getTime() + days * DAY),
    email: request.email ?? null,
    admin: request.admin === true,
  });
  return { token, invitation };
}

export interface SignUp {
  invitation: string;
  email: string;
  name: string;
  password: string;
}

/** A new user with a network of their own; NOT_FOUND on `invitation` for a token that is not (or no longer) good. */
export async function signUp(store: NetworkStore, request: SignUp, now: Date): Promise<User> {
  checkPasswordPolicy(request.password);
  const invitation = typeof request.invitation === "string" ? request.invitation.trim() : "";
  if (invitation === "" || invitation.length > 200) throw badInput("invitation", "is required");
  return store.signUpByInvitation(
    hashToken(invitation),
    {
      email: request.email,
      name: request.name,
      passwordHash: await hashPassword(request.password),
    },
    now,
  );
}
