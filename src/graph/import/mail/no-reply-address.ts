/**
 * Addresses no person reads: no-reply senders, bounces and notification
 * robots. Mail from them is automated, and no contact is ever made from one.
 */
import { normalizeAddress } from "./mail-address.js";

const ROBOT =
  /^(no[-_.]?reply|do[-_.]?not[-_.]?reply|mailer[-_.]?daemon|postmaster|bounces?|notifications?|notify|alerts?|automated|auto[-_.]?confirm)([-+._].*)?$/i;

/** True for a no-reply or robot address (local part such as noreply, no-reply+x, donotreply, mailer-daemon, bounce). */
export function isNoReplyAddress(address: string): boolean {
  const normalized = normalizeAddress(address) ?? address.toLowerCase();
  return ROBOT.test(normalized.slice(0, normalized.lastIndexOf("@")));
}
