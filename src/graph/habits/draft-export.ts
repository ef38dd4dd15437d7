/**
 * Exports a blanket update's copies for the owner to send from their own mail
 * client (warmpath sends no e-mail itself): one plain-text file to read or
 * paste from, or one .eml draft per copy. The .eml files follow RFC 5322 with
 * MIME (RFC 2045: quoted-printable bodies; RFC 2047: encoded words in headers)
 * and carry `X-Unsent: 1`, which Outlook and Thunderbird honour by opening the
 * message as a draft ready to send.
 */
import { badInput } from "../../errors.js";
import type { Draft } from "../model/draft.js";
import { printableText } from "../export/printable-text.js";
import type { NetworkStore } from "../store/network-store.js";
import { draftsOf } from "./blanket-update.js";

/** One file to download: its suggested name, media type and content. */
export interface ExportedDraft {
  filename: string;
  mediaType: string;
  content: string;
}

export interface EmlOptions {
  /** The owner's address for the From header; left out when unknown (the mail client fills it in). */
  from?: string | null;
  fromName?: string | null;
  /** The Date header. */
  now?: Date;
}

/** The formats a batch of update drafts exports to (exportUpdate): one text file, or one .eml per copy. */
export const DRAFT_EXPORT_FORMATS = ["text", "eml"] as const;
export type DraftExportFormat = (typeof DRAFT_EXPORT_FORMATS)[number];

const SEPARATOR = "-".repeat(72);
const CRLF = "\r\n";
const MAX_LINE = 78;

/**
 * Plain text: every copy of a batch one after another, each headed by To: and
 * Subject:, separated by a line of dashes. The header values are one line of
 * printable text each, so a name holding a line break cannot add a header
 * line; the body keeps its lines and tabs, and loses control characters.
 */
export function draftsAsText(
  drafts: readonly Draft[],
  names: ReadonlyMap<string, string>,
): ExportedDraft {
  const copies = drafts.map((d) => {
    const name = oneLine(names.get(d.personId) ?? d.personId);
    const to = d.to === null ? `${name} (no e-mail address on file)` : `${name} <${oneLine(d.to)}>`;
    return `To: ${to}\nSubject: ${oneLine(d.subject)}\n\n${printableText(d.body, "many")}\n`;
  });
  const batch = drafts[0]?.batch;
  return {
    filename: batch === undefined ? "update.txt" : `update-${batch}.txt`,
    mediaType: "text/plain; charset=utf-8",
    content: copies.join(`${SEPARATOR}\n`),
  };
}

/** One .eml per copy: an RFC 5322 message marked X-Unsent, so mail clients open it as a draft to send. */
export function draftAsEml(draft: Draft, name: string, options: EmlOptions = {}): ExportedDraft {
  const headers = [
    header("Date", [rfc5322Date(options.now ?? new Date())]),
    ...(options.from
      ? [header("From", mailbox(options.fromName ?? "", oneLine(options.from)))]
      : []),
    ...(draft.to !== null
      ? [header("To", mailbox(name, oneLine(draft.to)))]
      : [header("Comments", text(`no e-mail address on file for ${name}`))]),
    header("Subject", text(draft.subject)),
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: quoted-printable",
    "X-Unsent: 1",
  ];
  return {
    filename: `${slug(name) || draft.personId}.eml`,
    mediaType: "message/rfc822",
    content: `${headers.join(CRLF)}${CRLF}${CRLF}${quotedPrintable(draft.body)}${CRLF}`,
  };
}

/** A batch exported as one text file or as one .eml per copy (file names made unique within the batch). */
export async function exportUpdate(
  store: NetworkStore,
  ownerId: string,
  batch: string,
  format: DraftExportFormat,
  options: { now?: Date } = {},
): Promise<ExportedDraft[]> {
  if (!(DRAFT_EXPORT_FORMATS as readonly string[]).includes(format))
    throw badInput("format", `must be one of ${DRAFT_EXPORT_FORMATS.join(", ")}`);
  const drafts = await draftsOf(store, ownerId, batch);
  const people = await store.getMany(ownerId, "person", [
    ...new Set(drafts.map((d) => d.personId)),
  ]);
  const names = new Map(people.flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
  if (format === "text") return [draftsAsText(drafts, names)];
  const self = await store.getSelf(ownerId);
  const taken = new Set<string>();
  return drafts.map((d) => {
    const file = draftAsEml(d, names.get(d.personId) ?? "", {
      from: self.emails[0] ?? null,
      fromName: self.name,
      now: options.now ?? new Date(),
    });
    const stem = file.filename.replace(/\.eml$/, "");
    let filename = file.filename;
    for (let n = 2; taken.has(filename); n++) filename = `${stem}-${n}.eml`;
    taken.add(filename);
    return { ...file, filename };
  });
}

/** Header values are one logical line of printable text: a line break in stored text must never start a new header. */
const oneLine = (s: string): string => printableText(s).trim();
const isAscii = (s: string): boolean => /^[\x20-\x7e]*$/.test(s);

/** Unstructured header text as folding tokens: words when plain ASCII, else RFC 2047 encoded words. */
function text(value: string): string[] {
  const s = oneLine(value);
  return isAscii(s) && !s.includes("=?") ? s.split(/ +/).filter((w) => w !== "") : encodedWords(s);
}

/** `Name <address>`; the name quoted when it has specials, encoded when it is not ASCII. */
function mailbox(name: string, address: string): string[] {
  const n = oneLine(name);
  if (n === "") return [`<${address}>`];
  if (!isAscii(n) || n.includes("=?")) return [...encodedWords(n), `<${address}>`];
  if (/^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]+$/.test(n)) return [...n.split(/ +/), `<${address}>`];
  return [`"${n.replace(/["\\]/g, "\\$&")}"`, `<${address}>`];
}

/**
 * RFC 2047 "B" encoded words of at most 39 UTF-8 bytes each (64 characters
 * with the wrapper), split between code points so each word decodes alone,
 * and after a space where there is one: some parsers (Python's, for display
 * names) wrongly keep the folding space between words, which then falls
 * between two words of the text instead of inside one.
 */
function encodedWords(s: string): string[] {
  const words: string[] = [];
  let chunk = "";
  for (const ch of s) {
    if (Buffer.byteLength(chunk + ch, "utf8") > 39) {
      const space = chunk.lastIndexOf(" ") + 1;
      const cut =
        space > 0 && Buffer.byteLength(chunk.slice(space) + ch, "utf8") <= 39
          ? space
          : chunk.length;
      words.push(chunk.slice(0, cut));
      chunk = chunk.slice(cut);
    }
    chunk += ch;
  }
  if (chunk !== "") words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, "utf8").toString("base64")}?=`);
}

/** A header line folded (CRLF + space) between tokens so lines stay within 78 characters where the tokens allow. */
function header(name: string, tokens: readonly string[]): string {
  let line = `${name}:`;
  const lines: string[] = [];
  for (const token of tokens) {
    if (line.length + 1 + token.length > MAX_LINE && line.trim() !== `${name}:`) {
      lines.push(line);
      line = "";
    }
    line += ` ${token}`;
  }
  lines.push(line);
  return lines.join(CRLF);
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const two = (n: number): string => String(n).padStart(2, "0");

/** RFC 5322 date-time in UTC: `Sun, 22 Nov 2026 12:00:00 +0000`. */
function rfc5322Date(d: Date): string {
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${time} +0000`;
}

/**
 * Quoted-printable (RFC 2045 section 6.7) of UTF-8 text with CRLF line ends:
 * printable ASCII but "=" stays literal, trailing spaces are encoded, and soft
 * line breaks keep every encoded line within 76 characters.
 */
function quotedPrintable(body: string): string {
  return printableText(body, "many")
    .split("\n")
    .map((line) => {
      const bytes = Buffer.from(line, "utf8");
      const tokens: string[] = [];
      bytes.forEach((b, i) => {
        const last = i === bytes.length - 1;
        const literal = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
        tokens.push(
          literal ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, "0")}`,
        );
      });
      const out: string[] = [];
      let current = "";
      for (const t of tokens) {
        // 75 leaves room for the "=" of a soft line break.
        if (current.length + t.length > 75) {
          out.push(`${current}=`);
          current = "";
        }
        current += t;
      }
      out.push(current);
      return out.join(CRLF);
    })
    .join(CRLF);
}

/** A file-name stem from a person's name: ASCII letters and digits joined by dashes. */
function slug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}
