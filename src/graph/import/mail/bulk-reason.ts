/**
 * Bulk and automated mail, which says nothing about a relationship: mailing
 * lists (List-Id, List-Unsubscribe), Precedence bulk, list or junk,
 * Auto-Submitted other than "no" (RFC 3834), and no-reply senders.
 */
import type { MailMessage } from "./mail-message.js";
import { isNoReplyAddress } from "./no-reply-address.js";

export type BulkReason = "mailing_list" | "bulk_precedence" | "auto_submitted" | "no_reply_sender";

/** Why a message is bulk or automated, or null when a person wrote it. */
export function bulkReason(message: MailMessage): BulkReason | null {
  if (message.listId !== null || message.listUnsubscribe !== null) return "mailing_list";
  const precedence = message.precedence?.toLowerCase();
  if (precedence === "bulk" || precedence === "list" || precedence === "junk")
    return "bulk_precedence";
  const auto = message.autoSubmitted?.toLowerCase().split(";")[0]?.trim();
  if (auto !== undefined && auto !== "" && auto !== "no") return "auto_submitted";
  if (message.from !== null && isNoReplyAddress(message.from.address)) return "no_reply_sender";
  return null;
}
