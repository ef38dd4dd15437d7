/**
 * Passkeys for one server process: its pending challenges and the two WebAuthn ceremonies
 * (registration in passkey-registration.ts, sign-in in passkey-authentication.ts). The HTTP
 * server makes one and hands it to every request's context; without one, passkeys are off.
 */
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import type { NetworkStore, Passkey, User } from "../graph/index.js";
import { authenticationOptions, verifyAuthentication } from "./passkey-authentication.js";
import { PasskeyChallenges, type PasskeyChallengeOptions } from "./passkey-challenges.js";
import { webauthn } from "./passkey-library.js";
import { registrationOptions, verifyRegistration } from "./passkey-registration.js";
import type { RelyingParty } from "./passkey-relying-party.js";

export interface PasskeyCeremonyOptions extends PasskeyChallengeOptions {
  /** The site's name as authenticators show it. Default: "warmpath". */
  rpName?: string;
}

/** The passkey ceremonies of one server process, sharing its pending challenges. */
export class PasskeyCeremonies {
  readonly challenges: PasskeyChallenges;
  readonly rpName: string;

  constructor(options: PasskeyCeremonyOptions = {}) {
    const { rpName = "warmpath", ...challengeOptions } = options;
    this.challenges = new PasskeyChallenges(challengeOptions);
    this.rpName = rpName;
    // Load the WebAuthn library now, in the background, so the first ceremony does not wait for
    // it; a failure to load is reported by that ceremony.
    webauthn().catch(() => {});
  }

  /** See `registrationOptions`. */
  registrationOptions(
    store: NetworkStore,
    user: User,
    rp: RelyingParty,
    now: Date,
  ): Promise<PublicKeyCredentialCreationOptionsJSON> {
    return registrationOptions(this.challenges, store, user, rp, now, this.rpName);
  }

  /** See `verifyRegistration`. */
  verifyRegistration(
    store: NetworkStore,
    user: User,
    responseJson: string,
    name: string,
    rp: RelyingParty,
    now: Date,
  ): Promise<Passkey> {
    return verifyRegistration(this.challenges, store, user, responseJson, name, rp, now);
  }

  /** See `authenticationOptions`. */
  authenticationOptions(
    rp: RelyingParty,
    now: Date,
  ): Promise<PublicKeyCredentialRequestOptionsJSON> {
    return authenticationOptions(this.challenges, rp, now);
  }

  /** See `verifyAuthentication`. */
  verifyAuthentication(
    store: NetworkStore,
    responseJson: string,
    rp: RelyingParty,
    now: Date,
  ): Promise<User> {
    return verifyAuthentication(this.challenges, store, responseJson, rp, now);
  }
}
