/**
 * @simplewebauthn/server, loaded on the first passkey ceremony rather than at start-up: it brings
 * X.509 and ASN.1 code for attestation formats (most of a second to load) that a server or a
 * command which never sees a passkey should not pay for.
 */
type WebAuthnLibrary = typeof import("@simplewebauthn/server");

let loading: Promise<WebAuthnLibrary> | undefined;

export const webauthn = (): Promise<WebAuthnLibrary> =>
  (loading ??= import("@simplewebauthn/server"));
