/**
 * A software WebAuthn authenticator for tests: it answers the options warmpath sends the way a
 * browser and a platform authenticator would, as the JSON that @simplewebauthn/browser posts
 * back (RegistrationResponseJSON, AuthenticationResponseJSON).
 *
 * One instance is one credential: a P-256 key pair (COSE ES256) made with node:crypto, a random
 * credential id and a signature counter. Registration answers with attestation "none"
 * (attestationObject = CBOR {fmt: "none", attStmt: {}, authData}); sign-in answers with an
 * ECDSA-SHA256 signature (DER) over authenticatorData || SHA-256(clientDataJSON). Layouts from
 * the WebAuthn Level 3 spec, sections 6.1 (authenticator data), 6.5.4 (attestation object) and
 * 5.8.1 (client data).
 *
 * Each call can be bent to make a response a server must refuse: no user verification, another
 * origin or RP id, a chosen challenge, a chosen (lower) counter.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { encodeCBOR, type CBORType } from "@levischuck/tiny-cbor";
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/server";

/** Authenticator data flags (WebAuthn 6.1). */
const FLAG = { UP: 0x01, UV: 0x04, BE: 0x08, BS: 0x10, AT: 0x40 } as const;

/** COSE key parameters for an EC2 P-256 ES256 key (RFC 9053). */
const COSE = { kty: 1, alg: 3, crv: -1, x: -2, y: -3, EC2: 2, ES256: -7, P256: 1 } as const;

const b64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string): Buffer => createHash("sha256").update(data).digest();

export interface SoftwareAuthenticatorOptions {
  /** Backup eligible and backed up (a synced, multi-device passkey). Default: false. */
  synced?: boolean;
  /** Transports reported at registration. Default: ["internal"]. */
  transports?: string[];
}

/** How to bend one response; by default it is what an honest browser would send. */
export interface CeremonyTweaks {
  /** The origin the browser reports (clientDataJSON.origin). */
  origin: string;
  /** The RP id hashed into authenticatorData. Default: the options' RP id. */
  rpId?: string;
  /** Whether the user was verified (PIN, biometric). Default: true. */
  userVerified?: boolean;
  /** The challenge signed. Default: the options' challenge. */
  challenge?: string;
}

export interface SignInTweaks extends CeremonyTweaks {
  /** The counter to report, instead of the next one. */
  counter?: number;
  /** The user handle to report, instead of the one stored at registration (null: none). */
  userHandle?: string | null;
}

type Options<T> = T | string;
const parse = <T>(options: Options<T>): T =>
  typeof options === "string" ? (JSON.parse(options) as T) : options;

export class SoftwareAuthenticator {
  /** The credential id, base64url. */
  readonly credentialId: string;
  readonly #rawId: Buffer;
  readonly #privateKey: KeyObject;
  readonly #publicKey: KeyObject;
  readonly #synced: boolean;
  readonly #transports: string[];
  /** The signature counter: the last value reported. */
  counter = 0;
  /** The user handle (base64url) stored at registration, returned at sign-in. */
  userHandle: string | null = null;

  constructor(options: SoftwareAuthenticatorOptions = {}) {
    this.#rawId = randomBytes(32);
    this.credentialId = b64url(this.#rawId);
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.#privateKey = privateKey;
    this.#publicKey = publicKey;
    this.#synced = options.synced ?? false;
    this.#transports = options.transports ?? ["internal"];
  }

  /** The public key as a COSE_Key (CBOR map), as authenticators put it in authenticatorData. */
  cosePublicKey(): Uint8Array {
    const jwk = this.#publicKey.export({ format: "jwk" });
    return encodeCBOR(
      new Map<number, number | Uint8Array>([
        [COSE.kty, COSE.EC2],
        [COSE.alg, COSE.ES256],
        [COSE.crv, COSE.P256],
        [COSE.x, Buffer.from(jwk.x!, "base64url")],
        [COSE.y, Buffer.from(jwk.y!, "base64url")],
      ]),
    );
  }

  /** Answers `navigator.credentials.create()`; refuses, as a real one does, when excluded. */
  register(
    options: Options<PublicKeyCredentialCreationOptionsJSON>,
    tweaks: CeremonyTweaks,
  ): RegistrationResponseJSON {
    const opts = parse(options);
    if (opts.excludeCredentials?.some((c) => c.id === this.credentialId))
      throw new Error("InvalidStateError: this authenticator is already registered");
    this.userHandle = opts.user.id;
    const clientDataJSON = this.#clientData("webauthn.create", opts.challenge, tweaks);
    const attested = Buffer.concat([
      Buffer.alloc(16), // AAGUID: zeros, as with attestation "none"
      u16(this.#rawId.length),
      this.#rawId,
      this.cosePublicKey(),
    ]);
    const authData = this.#authData(tweaks.rpId ?? opts.rp.id ?? "", tweaks, FLAG.AT, this.counter);
    const attestationObject = encodeCBOR(
      new Map<string, CBORType>([
        ["fmt", "none"],
        ["attStmt", new Map<string, CBORType>()],
        ["authData", Buffer.concat([authData, attested])],
      ]),
    );
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: "public-key",
      response: {
        clientDataJSON: b64url(clientDataJSON),
        attestationObject: b64url(attestationObject),
        transports: this.#transports as RegistrationResponseJSON["response"]["transports"],
        publicKeyAlgorithm: COSE.ES256,
        publicKey: b64url(this.#publicKey.export({ format: "der", type: "spki" })),
        authenticatorData: b64url(Buffer.concat([authData, attested])),
      },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
  }

  /** Answers `navigator.credentials.get()`, counting one more use (unless told the counter). */
  authenticate(
    options: Options<PublicKeyCredentialRequestOptionsJSON>,
    tweaks: SignInTweaks,
  ): AuthenticationResponseJSON {
    const opts = parse(options);
    const counter = tweaks.counter ?? this.counter + 1;
    this.counter = Math.max(this.counter, counter);
    const clientDataJSON = this.#clientData("webauthn.get", opts.challenge, tweaks);
    const authData = this.#authData(tweaks.rpId ?? opts.rpId ?? "", tweaks, 0, counter);
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientDataJSON)]), {
      key: this.#privateKey,
      dsaEncoding: "der",
    });
    const userHandle = tweaks.userHandle === undefined ? this.userHandle : tweaks.userHandle;
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: "public-key",
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        ...(userHandle === null ? {} : { userHandle }),
      },
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
    };
  }

  #clientData(type: string, challenge: string, tweaks: CeremonyTweaks): Buffer {
    return Buffer.from(
      JSON.stringify({
        type,
        challenge: tweaks.challenge ?? challenge,
        origin: tweaks.origin,
        crossOrigin: false,
      }),
    );
  }

  /** rpIdHash (32) | flags (1) | signCount (4, big-endian); attested data is appended by the caller. */
  #authData(rpId: string, tweaks: CeremonyTweaks, extraFlags: number, counter: number): Buffer {
    let flags = FLAG.UP | extraFlags;
    if (tweaks.userVerified ?? true) flags |= FLAG.UV;
    if (this.#synced) flags |= FLAG.BE | FLAG.BS;
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), count]);
  }
}

function u16(value: number): Buffer {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16BE(value);
  return bytes;
}
