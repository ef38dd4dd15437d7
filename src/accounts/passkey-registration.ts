/**
 * Adding a passkey to a signed-in user (the WebAuthn registration ceremony), with
 * @simplewebauthn/server: options for `navigator.credentials.create()`, then the browser's
 * answer verified and stored. User verification is required (a PIN or biometric, not a mere
 * touch), since a passkey replaces a password. Attestation is not asked for: warmpath trusts
 * any authenticator its user chooses.
 */
import type {
  PublicKeyCredentialCreationOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { badInput, isWarmpathError } from "../errors.js";
import type { NetworkStore, Passkey, User } from "../graph/index.js";
import type { PasskeyChallenges } from "./passkey-challenges.js";
import { webauthn } from "./passkey-library.js";
import type { RelyingParty } from "./passkey-relying-party.js";
import { parseCeremonyResponse } from "./passkey-response.js";

/** The purpose a registration challenge is remembered under: it is good for this user only. */
const purposeOf = (user: User): string => `registration:${user.id}`;

/** The transports WebAuthn names; anything else a client sends is dropped. */
const TRANSPORTS: ReadonlySet<string> = new Set([
  "ble",
  "cable",
  "hybrid",
  "internal",
  "nfc",
  "smart-card",
  "usb",
]);

/** The user handle the authenticator keeps with the credential: the user's id, as bytes. */
export const userHandleOf = (user: User): Uint8Array<ArrayBuffer> =>
  new Uint8Array(Buffer.from(user.id, "utf8"));

/**
 * Options for the browser to create a passkey for `user` (their existing passkeys excluded, so
 * one authenticator is not registered twice); the challenge is remembered for this user.
 */
export async function registrationOptions(
  challenges: PasskeyChallenges,
  store: NetworkStore,
  user: User,
  rp: RelyingParty,
  now: Date,
  rpName = "warmpath",
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const { generateRegistrationOptions } = await webauthn();
  const existing = await store.listPasskeys(user.id);
  const options = await generateRegistrationOptions({
    rpName,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.name,
    userID: userHandleOf(user),
    timeout: challenges.ttlMs,
    attestationType: "none",
    excludeCredentials: existing.map((passkey) => ({
      id: passkey.id,
      transports: passkey.transports,
    })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "required" },
  });
  challenges.remember(options.challenge, purposeOf(user), now);
  return options;
}

const failed = (reason: string) =>
  badInput("response", `the passkey could not be registered: ${reason}`);

/**
 * Verifies the browser's answer to `registrationOptions` (JSON text) and stores the passkey under
 * `name`. The challenge is used up even when verification fails. BAD_USER_INPUT on `response`
 * for any answer that does not verify (on `name` for a bad name, CONFLICT for a known credential).
 */
export async function verifyRegistration(
  challenges: PasskeyChallenges,
  store: NetworkStore,
  user: User,
  responseJson: string,
  name: string,
  rp: RelyingParty,
  now: Date,
): Promise<Passkey> {
  const { json, challenge } = parseCeremonyResponse(responseJson);
  if (!challenges.take(challenge, purposeOf(user), now))
    throw failed("the challenge is unknown, expired or used; ask for new options");
  const { verifyRegistrationResponse } = await webauthn();
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response: json as unknown as RegistrationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserPresence: true,
      requireUserVerification: true,
    });
  } catch (error) {
    if (isWarmpathError(error)) throw error;
    throw failed(error instanceof Error ? error.message : "it does not verify");
  }
  if (!verified.verified) throw failed("it does not verify");
  const info = verified.registrationInfo;
  const transports = [...new Set(info.credential.transports ?? [])].filter((t) =>
    TRANSPORTS.has(t),
  );
  return store.createPasskey({
    id: info.credential.id,
    userId: user.id,
    name,
    publicKey: Buffer.from(info.credential.publicKey).toString("base64url"),
    counter: info.credential.counter,
    transports,
    deviceType: info.credentialDeviceType,
    backedUp: info.credentialBackedUp,
  });
}
