/**
 * Signing in with a passkey (the WebAuthn authentication ceremony), with @simplewebauthn/server.
 * The options name no credentials, so the browser offers the user's discoverable passkeys and the
 * server learns who signs in from the credential id in the answer. User verification is
 * required. Every failure past reading the text gets one message, so a caller learns nothing of
 * which credentials exist, whose they are, or which check refused them.
 */
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { ErrorCode, WarmpathError } from "../errors.js";
import type { NetworkStore, User } from "../graph/index.js";
import type { PasskeyChallenges } from "./passkey-challenges.js";
import { webauthn } from "./passkey-library.js";
import { userHandleOf } from "./passkey-registration.js";
import type { RelyingParty } from "./passkey-relying-party.js";
import { parseCeremonyResponse } from "./passkey-response.js";

const PURPOSE = "authentication";

/** The one answer to a sign-in that did not verify, whatever the reason. */
export const PASSKEY_SIGN_IN_FAILED = "Passkey sign-in failed.";

const failed = (cause: unknown) =>
  new WarmpathError(ErrorCode.UNAUTHENTICATED, PASSKEY_SIGN_IN_FAILED, { cause });

/** Options for the browser to sign in with any passkey of this site; the challenge is remembered. */
export async function authenticationOptions(
  challenges: PasskeyChallenges,
  rp: RelyingParty,
  now: Date,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const { generateAuthenticationOptions } = await webauthn();
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    timeout: challenges.ttlMs,
    userVerification: "required",
  });
  challenges.remember(options.challenge, PURPOSE, now);
  return options;
}

/**
 * The user whose passkey signed the browser's answer (JSON text) to `authenticationOptions`,
 * after recording the authenticator's new counter. BAD_USER_INPUT on `response` for text that is
 * not a WebAuthn response; UNAUTHENTICATED "Passkey sign-in failed." for anything that does not
 * verify: an unknown, expired or used challenge, an unknown credential, a disabled user, another
 * origin or RP id, no user verification, a bad signature, a counter that went back.
 */
export async function verifyAuthentication(
  challenges: PasskeyChallenges,
  store: NetworkStore,
  responseJson: string,
  rp: RelyingParty,
  now: Date,
): Promise<User> {
  const { json, challenge } = parseCeremonyResponse(responseJson);
  // Taken first, so that it is used up whatever fails next.
  if (!challenges.take(challenge, PURPOSE, now)) throw failed("unknown challenge");
  const found = await store.findPasskey(json.id);
  if (found === null) throw failed("unknown credential");
  const { passkey, user } = found;
  if (user.disabledAt !== null) throw failed("disabled user");
  const userHandle = json.response.userHandle;
  if (
    typeof userHandle === "string" &&
    userHandle !== "" &&
    userHandle !== Buffer.from(userHandleOf(user)).toString("base64url")
  )
    throw failed("user handle of another user");
  const { verifyAuthenticationResponse } = await webauthn();
  let verified;
  try {
    verified = await verifyAuthenticationResponse({
      response: json as unknown as AuthenticationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: passkey.id,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey, "base64url")),
        counter: passkey.counter,
        transports: passkey.transports,
      },
      requireUserVerification: true,
    });
  } catch (error) {
    throw failed(error);
  }
  if (!verified.verified) throw failed("signature does not verify");
  await store.usePasskey(passkey.id, verified.authenticationInfo.newCounter, now);
  return user;
}
