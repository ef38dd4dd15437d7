/**
 * The foundation of accounts (issue 13): secret tokens, password hashing and policy, scopes and
 * session lifetime. Pure primitives with no store, HTTP or GraphQL; not yet part of the public API.
 */
export {
  SECRET_TOKEN_DEFAULTS,
  generateApiToken,
  generateSessionToken,
  generateTeamInvitationToken,
  hashToken,
  lastFour,
  sameHash,
  tokenPrefix,
} from "./secret-token.js";
export {
  PASSWORD_POLICY_DEFAULTS,
  checkPasswordPolicy,
  normalizePassword,
  passwordLength,
} from "./password-policy.js";
export {
  PASSWORD_HASH_DEFAULTS,
  hashPassword,
  needsRehash,
  verifyPassword,
} from "./password-hash.js";
export { SCOPES, canGrant, effectiveScopes, hasScope, isScope, parseScopes } from "./scopes.js";
export type { Scope } from "./scopes.js";
export {
  SESSION_LIFETIME_DEFAULTS,
  extendedExpiry,
  isExpired,
  newSessionExpiry,
  shouldTouch,
} from "./session-lifetime.js";
