/**
 * What one message counts for. In order: chat transcripts and bulk or automated
 * mail are dropped, then messages without a date, then messages with more than
 * `maxRecipients` recipients (To and Cc). A message from one of the user's
 * addresses is outbound to every other recipient; any other message in the
 * user's mailbox is inbound from its sender. No-reply addresses are never
 * correspondents.
 */
import type { MailAddress } from "./mail-address.js";
import { bulkReason, type BulkReason } from "./bulk-reason.js";
import { isChatTranscript } from "./chat-transcript.js";
import type { MailMessage } from "./mail-message.js";
import { isNoReplyAddress } from "./no-reply-address.js";
import type { OwnAddresses } from "./own-addresses.js";

export type SkipReason =
  | "chat_transcript"
  | BulkReason
  | "no_date"
  | "too_many_recipients"
  | "no_sender"
  | "no_correspondent";

/** Every reason, in the order the summary lists them. */
export const SKIP_REASONS: readonly SkipReason[] = [
  "mailing_list",
  "bulk_precedence",
  "auto_submitted",
  "no_reply_sender",
  "chat_transcript",
  "too_many_recipients",
  "no_date",
  "no_sender",
  "no_correspondent",
];

export type MessageOutcome =
  | {
      counted: true;
      direction: "inbound" | "outbound";
      at: string;
      /** The other people on it: the sender of inbound mail, the recipients of outbound mail. */
      correspondents: MailAddress[];
    }
  | { counted: false; reason: SkipReason };

/** More recipients than this and a message is a broadcast, not a conversation. */
export const MAX_RECIPIENTS = 20;

export function classifyMessage(
  message: MailMessage,
  own: OwnAddresses,
  maxRecipients = MAX_RECIPIENTS,
): MessageOutcome {
  if (isChatTranscript(message)) return { counted: false, reason: "chat_transcript" };
  const bulk = bulkReason(message);
  if (bulk !== null) return { counted: false, reason: bulk };
  if (message.date === null) return { counted: false, reason: "no_date" };
  const recipients = [...message.to, ...message.cc];
  if (recipients.length > maxRecipients) return { counted: false, reason: "too_many_recipients" };
  if (message.from === null) return { counted: false, reason: "no_sender" };
  const mine = (a: MailAddress) => own.addresses.has(a.address);
  if (mine(message.from)) {
    const seen = new Set<string>();
    const correspondents = recipients.filter((r) => {
      if (mine(r) || isNoReplyAddress(r.address) || seen.has(r.address)) return false;
      seen.add(r.address);
      return true;
    });
    return correspondents.length === 0
      ? { counted: false, reason: "no_correspondent" }
      : { counted: true, direction: "outbound", at: message.date, correspondents };
  }
  return {
    counted: true,
    direction: "inbound",
    at: message.date,
    correspondents: [message.from],
  };
}
