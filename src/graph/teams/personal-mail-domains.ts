/**
 * Personal mail domains (gmail.com, outlook.com, gmx.de, ...): a contact reached only at
 * such addresses is most likely a private acquaintance, so team pooling hides them by default
 * (TeamLink and WhoKnows do the same). The list is HubSpot's free-mail list as the npm package
 * `free-email-domains-typescript` ships it. Not `free-email-domains`: that package rewrites its
 * list from the network in a postinstall script, which fails `npm ci` on a machine without it.
 */
import { freeEmailDomains } from "free-email-domains-typescript";

/** Free providers the shipped list lacks (checked 2026-11): added here, not guessed elsewhere. */
const MISSING_FROM_LIST = ["proton.me", "pm.me", "tutanota.com", "hey.com"];

const PERSONAL_DOMAINS: ReadonlySet<string> = new Set(
  [...freeEmailDomains, ...MISSING_FROM_LIST].map((d) => d.toLowerCase()),
);

/** Whether a domain (any case, trailing dot allowed) is a personal mail provider's. */
export function isPersonalDomain(domain: string): boolean {
  return PERSONAL_DOMAINS.has(domain.trim().toLowerCase().replace(/\.$/, ""));
}

/** Whether an e-mail address is at a personal mail domain; an address without "@" is not. */
export function isPersonalAddress(address: string): boolean {
  const at = address.lastIndexOf("@");
  return at !== -1 && isPersonalDomain(address.slice(at + 1));
}
