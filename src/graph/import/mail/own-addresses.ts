/**
 * The user's own addresses: their profile's e-mails plus the ones given with
 * `--me`. Mail from one of them is outbound; they are never a correspondent.
 * Their non-public domains make colleagues (same-domain mail); webmail domains
 * are the team pooling's list of personal mail providers.
 */
import { badInput } from "../../../errors.js";
import { isPersonalDomain } from "../../teams/personal-mail-domains.js";
import { domainOf, normalizeAddress } from "./mail-address.js";

export interface OwnAddresses {
  addresses: ReadonlySet<string>;
  /** The own addresses' domains that are not webmail. */
  domains: ReadonlySet<string>;
}

/**
 * The user's addresses from their profile and `--me`; BAD_USER_INPUT on `me`
 * for an invalid one, or when there is none at all (nothing could tell sent
 * mail from received).
 */
export function ownAddresses(profile: readonly string[], me: readonly string[] = []): OwnAddresses {
  const addresses = new Set(profile.map((a) => a.toLowerCase()));
  for (const raw of me) {
    const address = normalizeAddress(raw);
    if (address === null) throw badInput("me", `${JSON.stringify(raw)} is not an e-mail address`);
    addresses.add(address);
  }
  if (addresses.size === 0)
    throw badInput(
      "me",
      "no address of yours is known, so sent mail cannot be told from received: add your e-mail to your profile or give --me you@example.org",
    );
  const domains = new Set(
    [...addresses].map(domainOf).filter((domain) => !isPersonalDomain(domain)),
  );
  return { addresses, domains };
}

/** True for an address in one of the user's own (non-webmail) domains: a colleague. */
export const isColleague = (address: string, own: OwnAddresses): boolean =>
  own.domains.has(domainOf(address));
