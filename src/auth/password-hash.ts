/**
 * Password hashing with argon2id (RFC 9106) through `@node-rs/argon2`, with the parameters of the
 * OWASP Password Storage Cheat Sheet's first argon2id line and issue 13: m = 19 MiB, t = 2, p = 1.
 * The stored text is the PHC string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`), which carries
 * its own salt and parameters, so `needsRehash` can tell an old hash after the defaults change.
 */
import { hash, parseOptions, verify } from "@node-rs/argon2";
import type { Algorithm, Version } from "@node-rs/argon2";
import {
  PASSWORD_POLICY_DEFAULTS,
  checkPasswordPolicy,
  normalizePassword,
} from "./password-policy.js";

// The package declares these as `const enum`, which isolatedModules cannot read: the values are
// Algorithm.Argon2id = 2 and Version.V0x13 = 1 (argon2 version 19), and a test pins them.
const ARGON2ID = 2 as Algorithm;
const VERSION_19 = 1 as Version;

export const PASSWORD_HASH_DEFAULTS = Object.freeze({
  /** Memory in KiB: 19 MiB. */
  memoryCost: 19_456,
  /** Passes over the memory. */
  timeCost: 2,
  /** Lanes; 1 keeps a sign-in to one core, so a burst of sign-ins cannot take every core. */
  parallelism: 1,
});

/** Hashes a new password after checking the policy (BAD_USER_INPUT on `password`). */
export async function hashPassword(password: string): Promise<string> {
  checkPasswordPolicy(password);
  return hash(normalizePassword(password), {
    ...PASSWORD_HASH_DEFAULTS,
    algorithm: ARGON2ID,
    version: VERSION_19,
  });
}

/**
 * Whether `password` matches the stored hash. Never throws for a wrong password or a malformed
 * stored hash: both are `false`, so a sign-in answers the same way whatever went wrong.
 * A password over the maximum length is `false` before any hashing: no policy could have set it.
 */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const normalized = normalizePassword(password);
  if ([...normalized].length > PASSWORD_POLICY_DEFAULTS.maxLength) return false;
  try {
    return await verify(stored, normalized);
  } catch {
    return false;
  }
}

/**
 * Whether a stored hash was made with other parameters than today's (or is not an argon2id hash
 * at all), so the caller rehashes the password it has just verified.
 */
export function needsRehash(stored: string): boolean {
  try {
    const used = parseOptions(stored);
    return (
      used.algorithm !== ARGON2ID ||
      used.version !== VERSION_19 ||
      used.memoryCost !== PASSWORD_HASH_DEFAULTS.memoryCost ||
      used.timeCost !== PASSWORD_HASH_DEFAULTS.timeCost ||
      used.parallelism !== PASSWORD_HASH_DEFAULTS.parallelism
    );
  } catch {
    return true;
  }
}
