/**
 * Accounts, the service layer of issue 13: who a request is (actors), signing up and in,
 * sessions, API tokens and passkeys, on top of the store port and the primitives of src/auth.
 * Knows nothing of HTTP or GraphQL.
 */
export {
  accountOf,
  ownerActor,
  sessionActor,
  tokenActor,
  userScopes,
  type Actor,
} from "./actor.js";
export {
  authenticateSession,
  endSession,
  startSession,
  type AuthenticatedSession,
  type StartedSession,
} from "./sessions.js";
export {
  SIGN_IN_LIMIT_DEFAULTS,
  SignInLimiter,
  signInKeys,
  type SignInLimitOptions,
} from "./sign-in-limiter.js";
export { signInFailed, signInWithPassword, type PasswordSignIn } from "./password-sign-in.js";
export { changePassword, type PasswordChange } from "./change-password.js";
export {
  INVITATION_DEFAULTS,
  createInvitation,
  signUp,
  type InvitationRequest,
  type SignUp,
} from "./invitations.js";
export { SetupToken, type FirstAccount } from "./setup-token.js";
export {
  createAccount,
  setPassword,
  type AccountInput,
  type CreateAccountOptions,
} from "./create-account.js";
export {
  API_TOKEN_DEFAULTS,
  authenticateApiToken,
  listApiTokens,
  mintApiToken,
  revokeApiToken,
  type MintApiTokenInput,
  type MintedApiToken,
  type TokenGrantor,
} from "./api-tokens.js";
export {
  PASSKEY_CHALLENGE_DEFAULTS,
  PasskeyChallenges,
  type PasskeyChallengeOptions,
} from "./passkey-challenges.js";
export { PasskeyCeremonies, type PasskeyCeremonyOptions } from "./passkey-ceremonies.js";
export { registrationOptions, verifyRegistration } from "./passkey-registration.js";
export {
  PASSKEY_SIGN_IN_FAILED,
  authenticationOptions,
  verifyAuthentication,
} from "./passkey-authentication.js";
export { MAX_RESPONSE_BYTES, parseCeremonyResponse } from "./passkey-response.js";
export type { RelyingParty } from "./passkey-relying-party.js";
export { createAccountServices, type AccountServices } from "./account-services.js";
