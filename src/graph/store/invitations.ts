/**
 * Invitations, the way a new user joins a server that has accounts (issue 13: "sign-up by
 * invitation"). An admin creates one and hands its token over; the store keeps only the
 * token's SHA-256, as for sessions and API tokens. Using it creates the user and spends it in
 * one transaction, so one invitation makes at most one user.
 */
import { badInput, ErrorCode, WarmpathError } from "../../errors.js";
import { optionalText, requiredText } from "../model/fields.js";
import { checkTime, checkTokenHash, newUser, normalizeUserEmail, type User } from "./accounts.js";
import { newId } from "./ids.js";

/** An invitation as listed: never its token. */
export interface Invitation {
  id: string;
  /** The address the invitation is for (normalized), or null for anyone who holds the token. */
  email: string | null;
  /** Whether the user it creates is an administrator. */
  admin: boolean;
  /** The user who made it. */
  invitedBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  /** The user it created, once used. */
  usedBy: string | null;
}

export interface InvitationInput {
  tokenHash: string;
  invitedBy: string;
  expiresAt: Date;
  email?: string | null;
  admin?: boolean;
}

/** What the invited person gives when they sign up. */
export interface SignUpInput {
  email: string;
  name: string;
  passwordHash?: string | null;
}

/** A validated new invitation and its token hash, stored beside it but never listed. */
export function newInvitation(
  input: InvitationInput,
  now = new Date(),
): { invitation: Invitation; tokenHash: string } {
  if (input === null || typeof input !== "object") throw badInput("input", "must be an object");
  const email = optionalText("email", input.email, 320);
  return {
    tokenHash: checkTokenHash(input.tokenHash),
    invitation: {
      id: newId("inv", now.getTime()),
      email: email === null ? null : normalizeUserEmail(email),
      admin: input.admin === true,
      invitedBy: requiredText("invitedBy", input.invitedBy, 200),
      createdAt: now,
      expiresAt: checkTime("expiresAt", input.expiresAt),
      usedAt: null,
      usedBy: null,
    },
  };
}

/** Whether an invitation may still be used at `now`. */
export const isUsable = (invitation: Invitation, now: Date): boolean =>
  invitation.usedAt === null && now.getTime() < invitation.expiresAt.getTime();

/**
 * NOT_FOUND on `invitation`: one answer for an unknown, used or expired invitation, so a token
 * holder learns nothing about which it is.
 */
export const invitationNotFound = (): WarmpathError =>
  new WarmpathError(ErrorCode.NOT_FOUND, "invitation not found or no longer usable", {
    field: "invitation",
  });

/** The validated user a sign-up would create, with a fresh owner of their own; not yet admin. */
export function newInvitedUser(input: SignUpInput, now: Date): User {
  if (input === null || typeof input !== "object") throw badInput("input", "must be an object");
  // Only what a sign-up may say: the owner and the admin flag are never the invited person's to pick.
  return newUser({ email: input.email, name: input.name, passwordHash: input.passwordHash }, now);
}

/** The invitation when it may be used at `now`; NOT_FOUND (one answer) for none, a used or an expired one. */
export function checkUsable(invitation: Invitation | undefined, now: Date): Invitation {
  if (!invitation || !isUsable(invitation, now)) throw invitationNotFound();
  return invitation;
}

/** The user an invitation creates: BAD_USER_INPUT on `email` when it names another address. */
export function invitedUser(invitation: Invitation, user: User): User {
  if (invitation.email !== null && invitation.email !== user.email)
    throw badInput("email", "must be the address the invitation was sent to");
  return { ...user, admin: invitation.admin };
}
