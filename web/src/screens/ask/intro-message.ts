/**
 * The drafted request in parts a person edits (the ask to the introducer, the forwardable
 * blurb, their pitch, the closing), put back together the way the server wrote it, and the
 * ways out of the browser: a mailto: link and an .eml draft (RFC 5322, unsent).
 */
export interface MessageParts {
  /** The paragraphs to the introducer before the blurb. */
  ask: string;
  /** The line that introduces the blurb ("Here is a short note you can forward to Lena:"). */
  blurbHeader: string;
  blurb: string;
  pitchHeader: string;
  pitch: string;
  closing: string;
}

const FORWARD = "Here is a short note you can forward";
const PITCH = "A little more about me";
const THANKS = "Thank you, and tell me";

/** Splits the server's message; a message in another shape is all "ask", and stays whole. */
export function splitMessage(message: string): MessageParts {
  const paragraphs = message.split(/\n\n/);
  const forward = paragraphs.findIndex((p) => p.startsWith(FORWARD));
  const thanks = paragraphs.findIndex((p) => p.startsWith(THANKS));
  if (forward < 0 || thanks < forward + 2)
    return { ask: message, blurbHeader: "", blurb: "", pitchHeader: "", pitch: "", closing: "" };
  const pitchAt = paragraphs.findIndex((p, i) => i > forward + 1 && p.startsWith(PITCH));
  return {
    ask: paragraphs.slice(0, forward).join("\n\n"),
    blurbHeader: paragraphs[forward]!,
    blurb: paragraphs[forward + 1]!,
    pitchHeader: pitchAt < 0 ? `${PITCH}, for context:` : paragraphs[pitchAt]!,
    pitch: pitchAt < 0 ? "" : paragraphs.slice(pitchAt + 1, thanks).join("\n\n"),
    closing: paragraphs.slice(thanks).join("\n\n"),
  };
}

export function composeMessage(parts: MessageParts): string {
  return [
    parts.ask.trim(),
    parts.blurbHeader,
    parts.blurb.trim(),
    ...(parts.pitch.trim() ? [parts.pitchHeader, parts.pitch.trim()] : []),
    parts.closing.trim(),
  ]
    .filter((p) => p !== "")
    .join("\n\n");
}

export interface MailDraft {
  to: string | null;
  subject: string;
  body: string;
}

/** A mailto: link that opens the person's mail program with the request written. */
export function mailtoHref(mail: MailDraft): string {
  const query = [
    `subject=${encodeURIComponent(mail.subject)}`,
    `body=${encodeURIComponent(mail.body.replace(/\r?\n/g, "\r\n"))}`,
  ].join("&");
  return `mailto:${mail.to ? encodeURIComponent(mail.to).replace("%40", "@") : ""}?${query}`;
}

/** An RFC 2047 encoded word when the header has anything beyond ASCII. */
function headerText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `=?UTF-8?B?${btoa(binary)}?=`;
}

/** An unsent draft (X-Unsent: 1 opens it for editing in Outlook and others), CRLF line ends, UTF-8. */
export function emlText(mail: MailDraft, from: string | null = null): string {
  const headers = [
    ...(from ? [`From: ${from}`] : []),
    ...(mail.to ? [`To: ${mail.to}`] : []),
    `Subject: ${headerText(mail.subject)}`,
    "X-Unsent: 1",
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=UTF-8",
    "Content-Transfer-Encoding: 8bit",
  ];
  return `${headers.join("\r\n")}\r\n\r\n${mail.body.replace(/\r?\n/g, "\r\n")}\r\n`;
}

/** "introduction-to-lena-fischer.eml" */
export const emlFilename = (targetName: string): string =>
  `introduction-to-${
    targetName
      .normalize("NFD")
      .replace(/\p{Mn}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "someone"
  }.eml`;
