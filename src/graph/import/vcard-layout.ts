/**
 * vCard 2.1, 3.0 (RFC 2426) and 4.0 (RFC 6350), read line by line as the text
 * arrives: folded lines (a line starting with a space or tab continues the one
 * before) are unfolded, `group.NAME;PARAM=...:value` content lines are split
 * with quoted parameter values respected, and text values are unescaped
 * (`\n`, `\,`, `\;`, `\\`). Apple's Contacts keeps labelled URLs as
 * `item1.URL` + `item1.X-ABLabel:LinkedIn`; a URL labelled LinkedIn or on
 * linkedin.com becomes the profile URL.
 *
 * vCard 2.1 (what many phones and old Outlook write): a value with
 * `ENCODING=QUOTED-PRINTABLE` is decoded in its `CHARSET`, its soft line
 * breaks (`=` at the end of a line) joined; a value with `ENCODING=BASE64`
 * (or `b`) is a photo, logo or key and is skipped with its continuation lines
 * (a text property in base64 is decoded). A line outside any card is rejected
 * with its line number; a line inside one that is not a property is left out
 * with a warning on the card.
 */
import {
  contactRow,
  isLinkedInUrl,
  rejectedRow,
  skippedRow,
  withWarnings,
  type ContactRow,
  type ImportWarning,
} from "./contact-row.js";
import { withoutControlCharacters } from "../model/control-characters.js";
import { base64Bytes, bytesInCharset, quotedPrintableBytes } from "./vcard-value.js";

/** One unfolded content line. */
interface ContentLine {
  group: string | null;
  /** Upper-case property name: FN, EMAIL, X-ABLABEL. */
  name: string;
  /** Upper-case parameter names; lower-case values (`type=WORK,pref` gives TYPE: ["work", "pref"]). */
  params: Map<string, string[]>;
  value: string;
}

/** A card being read, from its BEGIN line. */
interface Card {
  line: number;
  properties: ContentLine[];
  warnings: ImportWarning[];
}

/** Properties that say nothing about the person: a card with only these is empty. */
const BOOKKEEPING = new Set(["VERSION", "PRODID", "UID", "REV"]);

/** Splits at `separator` characters that are not escaped with a backslash (nor inside double quotes when `quotes`). */
function splitUnescaped(text: string, separator: string, quotes = false): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\\" && !quotes && i + 1 < text.length) {
      current += c + text[++i]!;
    } else if (c === '"' && quotes) {
      quoted = !quoted;
      current += c;
    } else if (c === separator && !quoted) {
      parts.push(current);
      current = "";
    } else current += c;
  }
  parts.push(current);
  return parts;
}

/** RFC 6350 text unescaping: `\n` (or `\N`) is a line break, a backslash before any other character keeps that character. */
const unescapeText = (value: string): string =>
  value.replace(/\\(.)/gs, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));

/** Parses `[group.]NAME[;PARAM=VALUE...]:value`; null for a line with no colon outside quotes. */
function contentLine(text: string): ContentLine | null {
  let colon = -1;
  let quoted = false;
  for (let i = 0; i < text.length && colon < 0; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === ":" && !quoted) colon = i;
  }
  if (colon < 0) return null;
  const [qualified = "", ...rawParams] = splitUnescaped(text.slice(0, colon), ";", true);
  const dot = qualified.lastIndexOf(".");
  const params = new Map<string, string[]>();
  for (const raw of rawParams) {
    const eq = raw.indexOf("=");
    // vCard 2.1 writes bare types (`TEL;WORK;VOICE:`).
    const key = eq < 0 ? "TYPE" : raw.slice(0, eq).trim().toUpperCase();
    const values = (eq < 0 ? raw : raw.slice(eq + 1))
      .split(",")
      .map((v) => v.replace(/"/g, "").trim().toLowerCase());
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  return {
    group: dot < 0 ? null : qualified.slice(0, dot).toLowerCase(),
    name: qualified
      .slice(dot + 1)
      .trim()
      .toUpperCase(),
    params,
    value: text.slice(colon + 1),
  };
}

/** A quoted-printable property line ending in a soft line break: the next physical line continues it. */
const endsInSoftBreak = (text: string): boolean =>
  text.endsWith("=") && /^[^:]*QUOTED-PRINTABLE/i.test(text);

/** Physical lines of the text (CRLF, LF or CR), numbered from 1, with folded continuations and quoted-printable soft line breaks joined to the line they continue. */
async function* unfoldedLines(
  chunks: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<{ line: number; text: string }> {
  const state = {
    physical: 0,
    pending: null as { line: number; text: string } | null,
    soft: false,
  };
  /** Adds one physical line; returns the logical line it completes, if any. */
  const take = (text: string): { line: number; text: string } | null => {
    state.physical++;
    const { pending } = state;
    if (pending !== null && state.soft) {
      pending.text = pending.text.slice(0, -1) + text;
      state.soft = endsInSoftBreak(pending.text);
      return null;
    }
    if (pending !== null && (text.startsWith(" ") || text.startsWith("\t"))) {
      pending.text += text.slice(1);
      state.soft = endsInSoftBreak(pending.text);
      return null;
    }
    state.pending = { line: state.physical, text };
    state.soft = endsInSoftBreak(text);
    return pending;
  };
  let rest = "";
  for await (const chunk of chunks) {
    let data = rest + chunk;
    // A CR at the end of a chunk may be the first half of a CRLF.
    const heldCr = data.endsWith("\r");
    if (heldCr) data = data.slice(0, -1);
    const lines = data.split(/\r\n|\n|\r/);
    rest = lines.pop()! + (heldCr ? "\r" : "");
    for (const text of lines) {
      const done = take(text);
      if (done !== null) yield done;
    }
  }
  if (rest !== "") {
    const done = take(rest.replace(/\r$/, ""));
    if (done !== null) yield done;
  }
  if (state.pending !== null) yield state.pending;
}

const first = (card: Card, name: string): ContentLine | undefined =>
  card.properties.find((p) => p.name === name);
const all = (card: Card, name: string): ContentLine[] =>
  card.properties.filter((p) => p.name === name);

/** The LinkedIn URL of a card: a URL labelled LinkedIn (Apple's grouping) or on linkedin.com, or a LinkedIn social profile. */
function profileUrlOf(card: Card): string | null {
  const labels = new Map(
    all(card, "X-ABLABEL").map((p) => [p.group, unescapeText(p.value)] as const),
  );
  for (const url of all(card, "URL")) {
    const value = unescapeText(url.value).trim();
    if (
      isLinkedInUrl(value) ||
      (url.group !== null && /linkedin/i.test(labels.get(url.group) ?? ""))
    )
      return value;
  }
  for (const social of all(card, "X-SOCIALPROFILE")) {
    const value = unescapeText(social.value).trim();
    if (isLinkedInUrl(value) || (social.params.get("TYPE") ?? []).includes("linkedin"))
      return value;
  }
  return null;
}

/** The name: FN, else the given, additional and family names of N. */
function nameOf(card: Card): string {
  const fn = first(card, "FN");
  if (fn !== undefined && unescapeText(fn.value).trim() !== "") return unescapeText(fn.value);
  const n = first(card, "N");
  if (n === undefined) return "";
  const [family = "", given = "", additional = ""] = splitUnescaped(n.value, ";").map(unescapeText);
  return [given, additional, family]
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .join(" ");
}

function cardRow(card: Card): ContactRow {
  if (card.properties.every((p) => BOOKKEEPING.has(p.name)))
    return withWarnings(skippedRow(card.line, "empty card"), card.warnings);
  const text = (name: string): string | null => {
    const p = first(card, name);
    return p === undefined ? null : unescapeText(p.value);
  };
  const org = first(card, "ORG");
  const row = contactRow(card.line, {
    name: nameOf(card),
    emails: all(card, "EMAIL").map((p) => unescapeText(p.value).replace(/^mailto:/i, "")),
    phones: all(card, "TEL").map((p) => unescapeText(p.value).replace(/^tel:/i, "")),
    profileUrl: profileUrlOf(card),
    title: text("TITLE"),
    company: org === undefined ? null : unescapeText(splitUnescaped(org.value, ";")[0] ?? ""),
    notes: text("NOTE"),
    labels: all(card, "CATEGORIES").flatMap((p) => splitUnescaped(p.value, ",").map(unescapeText)),
  });
  return card.warnings.length === 0
    ? row
    : { ...row, warnings: [...card.warnings, ...(row.warnings ?? [])] };
}

/** The model's field for the properties warmpath reads, for warnings. */
const FIELD_OF: Readonly<Record<string, string>> = Object.freeze({
  FN: "name",
  N: "name",
  EMAIL: "emails",
  TEL: "phones",
  URL: "profileUrl",
  "X-SOCIALPROFILE": "profileUrl",
  TITLE: "title",
  ORG: "company",
  NOTE: "notes",
  CATEGORIES: "categories",
});

const encodingOf = (p: ContentLine): "quoted-printable" | "base64" | null => {
  const values = [...(p.params.get("ENCODING") ?? []), ...(p.params.get("TYPE") ?? [])];
  if (values.includes("quoted-printable")) return "quoted-printable";
  return values.includes("base64") || values.includes("b") ? "base64" : null;
};

/**
 * A property as text: quoted-printable and base64 values decoded in their
 * CHARSET. Null for a binary value (a PHOTO in base64), which is skipped.
 */
function decoded(p: ContentLine, warnings: ImportWarning[]): ContentLine | null {
  const encoding = encodingOf(p);
  if (encoding === null) return p;
  const field = FIELD_OF[p.name];
  let bytes: Uint8Array | null;
  if (encoding === "quoted-printable") bytes = quotedPrintableBytes(p.value);
  else if (field === undefined) return null;
  else if ((bytes = base64Bytes(p.value)) === null) {
    warnings.push({ field, reason: `${p.name} says BASE64 but is not; left out` });
    return null;
  }
  const { text, warning } = bytesInCharset(bytes, p.params.get("CHARSET")?.[0]);
  if (warning !== null) warnings.push({ field: field ?? p.name, reason: warning });
  return { ...p, value: text };
}

/** A base64 line of a 2.1 block whose continuation lines are not indented. */
const BASE64_LINE = /^[A-Za-z0-9+/]+={0,2}$/;
/** A line quoted in a reason: short, and without control characters (a reason may be printed to a terminal). */
const shown = (raw: string): string => {
  const text = withoutControlCharacters(raw).text;
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}...` : text);
};

/** Reads the cards of a vCard file; a card the file ends inside is rejected at its BEGIN line. */
export async function* vcardRows(
  text: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<ContactRow> {
  let card: Card | null = null;
  /** After a base64 value: 2.1 writers may put its data on lines of their own, up to a blank line. */
  let inBase64 = false;
  for await (const { line, text: raw } of unfoldedLines(text)) {
    if (raw.trim() === "") {
      inBase64 = false;
      continue;
    }
    const property = contentLine(raw);
    if (property === null) {
      if (inBase64 && BASE64_LINE.test(raw.trim())) continue;
      if (card !== null)
        card.warnings.push({
          field: "vcard",
          reason: `line ${line} is not a vCard property and was left out: ${shown(raw)}`,
        });
      else
        yield rejectedRow(
          line,
          `a line outside any card (before BEGIN:VCARD or after END:VCARD): ${shown(raw)}`,
        );
      continue;
    }
    inBase64 = encodingOf(property) === "base64";
    const marker =
      property.name === "BEGIN" || property.name === "END"
        ? property.value.trim().toUpperCase()
        : "";
    if (property.name === "BEGIN" && marker === "VCARD") {
      if (card !== null)
        yield rejectedRow(card.line, "the card has no END:VCARD before the next BEGIN:VCARD");
      card = { line, properties: [], warnings: [] };
    } else if (property.name === "END" && marker === "VCARD") {
      if (card !== null) yield cardRow(card);
      else yield rejectedRow(line, "END:VCARD without a BEGIN:VCARD before it");
      card = null;
    } else if (card === null) {
      yield rejectedRow(
        line,
        `a line outside any card (before BEGIN:VCARD or after END:VCARD): ${shown(raw)}`,
      );
    } else {
      const value = decoded(property, card.warnings);
      if (value !== null) card.properties.push(value);
    }
  }
  if (card !== null)
    yield rejectedRow(card.line, "the card has no END:VCARD (the file ends inside it)");
}
