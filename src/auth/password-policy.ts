/**
 * What a new password must satisfy, after NIST SP 800-63B-4 (2025), section 3.1.1.2 "Password
 * Verifiers": at least 15 characters when the password is a single-factor authenticator (8 is
 * only allowed when it is one factor of several), a maximum of at least 64, every Unicode
 * character counts as one, and no composition rules (no "one digit, one symbol").
 * A warmpath password signs in on its own (a passkey is an alternative, not a second factor),
 * so the minimum is 15. The maximum of 256 guards the hasher against huge inputs.
 * Not done here (for issue 13 proper): the SHALL check against a blocklist of breached and common
 * passwords, and the context words (e-mail, "warmpath").
 */
import { badInput } from "../errors.js";

export const PASSWORD_POLICY_DEFAULTS = Object.freeze({
  minLength: 15,
  maxLength: 256,
});

/**
 * The form a password is hashed and verified in: Unicode NFKC, as 800-63B-4 advises, so the same
 * password typed on two keyboards (composed or decomposed accents) is the same password.
 */
export const normalizePassword = (password: string): string => password.normalize("NFKC");

/** Length in Unicode code points, so an emoji or an accented letter counts as one character. */
export const passwordLength = (password: string): number => [...normalizePassword(password)].length;

/** Refuses a new password that breaks the policy, with BAD_USER_INPUT on `field`. */
export function checkPasswordPolicy(password: string, field = "password"): void {
  const length = passwordLength(password);
  const { minLength, maxLength } = PASSWORD_POLICY_DEFAULTS;
  if (length < minLength) throw badInput(field, `must be at least ${minLength} characters`);
  if (length > maxLength) throw badInput(field, `must be at most ${maxLength} characters`);
}
