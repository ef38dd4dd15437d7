/**
 * The WebAuthn relying party a ceremony runs for: the site's host name (the RP id, which
 * passkeys are bound to) and the origin the browser must report. The HTTP layer computes it per
 * request, since a self-hosted server may be reached under more than one name.
 */
export interface RelyingParty {
  /** The host name, without scheme or port: `warmpath.example.org`, `localhost`. */
  id: string;
  /** The full origin: `https://warmpath.example.org`, `http://localhost:4000`. */
  origin: string;
}
