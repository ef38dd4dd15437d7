/**
 * vCard 3.0 (RFC 2426) and 4.0 (RFC 6350), read line by line as the text
 * arrives: folded lines (a line starting with a space or tab continues the one
 * before) are unfolded, `group.NAME;PARAM=...:value` content lines are split
 * with quoted parameter values respected, and text values are unescaped
 * (`\n`, `\,`, `\;`, `\\`). Apple's Contacts keeps labelled URLs as
 * `item1.URL` + `item1.X-ABLabel:LinkedIn`; a URL labelled LinkedIn or on
 * linkedin.com becomes the profile URL.
 */
import { contactRow, isLinkedInUrl, rejectedRow, skippedRow, type ContactRow } from "./contact-row.js";

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
const unescapeText = (value: string): string => value.replace(/\\(.)/gs, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));

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
    const values = (eq < 0 ? raw : raw.slice(eq + 1)).split(",").map((v) => v.replace(/"/g, "").trim().toLowerCase());
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  return {
    group: dot < 0 ? null : qualified.slice(0, dot).toLowerCase(),
    name: qualified.slice(dot + 1).trim().toUpperCase(),
    params,
    value: text.slice(colon + 1),
  };
}

/** Physical lines of the text (CRLF, LF or CR), numbered from 1, with folded continuations joined to the line they continue. */
async function* unfoldedLines(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<{ line: number; text: string }> {
  const state = { physical: 0, pending: null as { line: number; text: string } | null };
  /** Adds one physical line; returns the logical line it completes, if any. */
  const take = (text: string): { line: number; text: string } | null => {
    state.physical++;
    const { pending } = state;
    if (pending !== null && (text.startsWith(" ") || text.startsWith("\t"))) {
      pending.text += text.slice(1);
      return null;
    }
    state.pending = { line: state.physical, text };
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

const first = (card: Card, name: string): ContentLine | undefined => card.properties.find((p) => p.name === name);
const all = (card: Card, name: string): ContentLine[] => card.properties.filter((p) => p.name === name);

/** The LinkedIn URL of a card: a URL labelled LinkedIn (Apple's grouping) or on linkedin.com, or a LinkedIn social profile. */
function profileUrlOf(card: Card): string | null {
  const labels = new Map(all(card, "X-ABLABEL").map((p) => [p.group, unescapeText(p.value)] as const));
  for (const url of all(card, "URL")) {
    const value = unescapeText(url.value).trim();
    if (isLinkedInUrl(value) || (url.group !== null && /linkedin/i.test(labels.get(url.group) ?? ""))) return value;
  }
  for (const social of all(card, "X-SOCIALPROFILE")) {
    const value = unescapeText(social.value).trim();
    if (isLinkedInUrl(value) || (social.params.get("TYPE") ?? []).includes("linkedin")) return value;
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
  return [given, additional, family].map((p) => p.trim()).filter((p) => p !== "").join(" ");
}

function cardRow(card: Card): ContactRow {
  if (card.properties.every((p) => BOOKKEEPING.has(p.name))) return skippedRow(card.line, "empty card");
  const text = (name: string): string | null => {
    const p = first(card, name);
    return p === undefined ? null : unescapeText(p.value);
  };
  const org = first(card, "ORG");
  return contactRow(card.line, {
    name: nameOf(card),
    emails: all(card, "EMAIL").map((p) => unescapeText(p.value).replace(/^mailto:/i, "")),
    phones: all(card, "TEL").map((p) => unescapeText(p.value).replace(/^tel:/i, "")),
    profileUrl: profileUrlOf(card),
    title: text("TITLE"),
    company: org === undefined ? null : unescapeText(splitUnescaped(org.value, ";")[0] ?? ""),
    notes: text("NOTE"),
    labels: all(card, "CATEGORIES").flatMap((p) => splitUnescaped(p.value, ",").map(unescapeText)),
  });
}

/** Reads the cards of a vCard file; a card the file ends inside is rejected at its BEGIN line. */
export async function* vcardRows(text: AsyncIterable<string> | Iterable<string>): AsyncGenerator<ContactRow> {
  let card: Card | null = null;
  for await (const { line, text: raw } of unfoldedLines(text)) {
    const property = contentLine(raw);
    if (property === null) continue;
    const marker = property.name === "BEGIN" || property.name === "END" ? property.value.trim().toUpperCase() : "";
    if (property.name === "BEGIN" && marker === "VCARD") {
      if (card !== null) yield rejectedRow(card.line, "the card has no END:VCARD before the next BEGIN:VCARD");
      card = { line, properties: [] };
    } else if (property.name === "END" && marker === "VCARD") {
      if (card !== null) yield cardRow(card);
      card = null;
    } else card?.properties.push(property);
  }
  if (card !== null) yield rejectedRow(card.line, "the card has no END:VCARD (the file ends inside it)");
}
