/** An e-mail address as warmpath compares it: lower-case, checked by the model's own rule. */
import * as f from "../../model/fields.js";

/** A correspondent: a normalized address and the display name given with it, if any. */
export interface MailAddress {
  address: string;
  name: string | null;
}

/** The address lower-cased, or null when it is not a valid e-mail address. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  try {
    return f.email(raw, "address");
  } catch {
    return null;
  }
}

/** The domain of a normalized address. */
export const domainOf = (address: string): string => address.slice(address.lastIndexOf("@") + 1);
