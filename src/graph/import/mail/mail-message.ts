/**
 * The headers of one message that warmpath reads, and nothing else: From, To,
 * Cc, Date, Message-ID, In-Reply-To, References, the subject (kept only when
 * asked), the bulk markers and Gmail's labels. The body is never looked at.
 */
import { addressParser } from "postal-mime";
import { normalizeAddress, type MailAddress } from "./mail-address.js";
import { headerText, oneLine } from "./mail-text.js";

export interface MailMessage {
  messageId: string | null;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  /** When it was sent (ISO instant): the Date header, else the mbox "From " line; null when neither parses. */
  date: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string | null;
  listId: string | null;
  listUnsubscribe: string | null;
  precedence: string | null;
  autoSubmitted: string | null;
  /** Gmail's labels (X-Gmail-Labels in a Takeout export). */
  labels: string[];
}

type Headers = ReadonlyMap<string, readonly string[]>;

const first = (headers: Headers, name: string): string | null => {
  const value = headers.get(name)?.[0];
  return value === undefined ? null : headerText(value).trim();
};

/** Every address of the header's lines, groups flattened, invalid ones left out, in order. */
function addresses(headers: Headers, name: string): MailAddress[] {
  const out: MailAddress[] = [];
  for (const line of headers.get(name) ?? []) {
    for (const box of addressParser(headerText(line), { flatten: true })) {
      const address = normalizeAddress("address" in box ? box.address : null);
      if (address !== null) out.push({ address, name: oneLine(box.name, 200) });
    }
  }
  return out;
}

const MESSAGE_ID = /<[^<>\s]+>/g;

/** The message ids of a header (`<a@b>` each), in order. */
function messageIds(value: string | null): string[] {
  return value === null ? [] : (value.match(MESSAGE_ID) ?? []);
}

function dateOf(value: string | null, fromLine: Date | false): string | null {
  if (value !== null) {
    // RFC 5322 dates may end in a comment ("(UTC)") that Date.parse does not take.
    const ms = Date.parse(value.replace(/\([^)]*\)/g, "").trim());
    if (!Number.isNaN(ms)) return new Date(ms).toISOString();
  }
  return fromLine === false || Number.isNaN(fromLine.getTime()) ? null : fromLine.toISOString();
}

/** The message's headers as warmpath reads them (header names lower-case, values as mbox-reader gives them). */
export function mailMessageOf(
  headers: Headers,
  labels: readonly string[],
  fromLine: Date | false = false,
): MailMessage {
  const id = messageIds(first(headers, "message-id"))[0] ?? null;
  return {
    messageId: id,
    from: addresses(headers, "from")[0] ?? null,
    to: addresses(headers, "to"),
    cc: addresses(headers, "cc"),
    date: dateOf(first(headers, "date"), fromLine),
    inReplyTo: messageIds(first(headers, "in-reply-to"))[0] ?? null,
    references: messageIds(first(headers, "references")),
    subject: first(headers, "subject"),
    listId: first(headers, "list-id"),
    listUnsubscribe: first(headers, "list-unsubscribe"),
    precedence: first(headers, "precedence"),
    autoSubmitted: first(headers, "auto-submitted"),
    labels: [...labels],
  };
}
