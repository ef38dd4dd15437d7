/**
 * The browser half of the passkey ceremonies, with @simplewebauthn/browser (the same major as
 * the server's @simplewebauthn/server, so their JSON matches): the server's options (JSON text)
 * go to navigator.credentials, and the answer goes back as JSON text. What the browser or the
 * authenticator refuses is said in words, with what to do next.
 */
import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";

/** Whether this browser can use passkeys at all (WebAuthn, in a secure context). */
export const passkeysSupported = (): boolean => browserSupportsWebAuthn();

/** Creates a passkey for the options of passkeyRegistrationOptions; the answer, as JSON text. */
export async function createPasskey(optionsJson: string): Promise<string> {
  const optionsJSON = JSON.parse(optionsJson) as PublicKeyCredentialCreationOptionsJSON;
  return JSON.stringify(await startRegistration({ optionsJSON }));
}

/** Signs with a passkey for the options of passkeySignInOptions; the answer, as JSON text. */
export async function signWithPasskey(optionsJson: string): Promise<string> {
  const optionsJSON = JSON.parse(optionsJson) as PublicKeyCredentialRequestOptionsJSON;
  return JSON.stringify(await startAuthentication({ optionsJSON }));
}

/** What the browser said, when it said it with a name and a code (WebAuthnError) or a name. */
function nameAndCode(error: unknown): { name: string; code: string; message: string } {
  if (!(error instanceof Error)) return { name: "", code: "", message: String(error) };
  const code = "code" in error && typeof error.code === "string" ? error.code : "";
  return { name: error.name, code, message: error.message };
}

const NOT_SUPPORTED =
  "This browser cannot use passkeys here. Passkeys need a recent browser and the server’s own " +
  "address over https (or localhost on this computer).";

/**
 * Why adding (`"add"`) or signing in with (`"sign-in"`) a passkey did not happen, in words. A
 * cancelled prompt is the common case: nothing is wrong, and it says so.
 */
export function passkeyProblem(error: unknown, purpose: "add" | "sign-in"): string {
  if (!passkeysSupported()) return NOT_SUPPORTED;
  const { name, code, message } = nameAndCode(error);
  if (name === "NotAllowedError" || name === "AbortError" || code === "ERROR_CEREMONY_ABORTED")
    return purpose === "add"
      ? "No passkey was added: the prompt was cancelled or timed out. Try again when you are ready."
      : "No passkey was used: the prompt was cancelled or timed out, or this device holds no " +
          "passkey for this site. Try again, or sign in with your password.";
  if (code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED")
    return "This device already holds a passkey for your account: it is in the list. Use another device or security key to add one more.";
  if (
    code === "ERROR_AUTHENTICATOR_MISSING_USER_VERIFICATION_SUPPORT" ||
    code === "ERROR_AUTHENTICATOR_MISSING_DISCOVERABLE_CREDENTIAL_SUPPORT"
  )
    return "This device cannot keep a passkey that warmpath accepts: it needs one that asks for your PIN, fingerprint or face. Try another device or security key.";
  if (
    name === "NotSupportedError" ||
    code === "ERROR_AUTHENTICATOR_NO_SUPPORTED_PUBKEYCREDPARAMS_ALG"
  )
    return "No authenticator on this device supports the kind of key warmpath asks for. Try another device or security key.";
  if (name === "SecurityError" || code === "ERROR_INVALID_DOMAIN" || code === "ERROR_INVALID_RP_ID")
    return "Passkeys work only at the address the server is set up for (WARMPATH_PUBLIC_URL, or localhost on this computer): open warmpath there and try again.";
  if (message.startsWith("WebAuthn is not supported")) return NOT_SUPPORTED;
  return `The browser could not ${purpose === "add" ? "create" : "use"} the passkey${message ? ` (${message})` : ""}. Try again, or try another device.`;
}
