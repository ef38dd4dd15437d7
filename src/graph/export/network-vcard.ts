/**
 * The owner's contacts as vCard 4.0 (RFC 6350), one card per person, for any
 * address book. Notes are private to the owner and never leave in a card.
 * Every value is one line of printable text (`printableText`: no exported
 * field is multi-line once notes are left out, so no `\n` escape is needed);
 * text values then escape backslash, comma and semicolon (section 3.4);
 * content lines are folded at 75 octets without splitting a character
 * (section 3.2); lines end in CRLF.
 */
import type { Person } from "../model/person.js";
import type { NetworkSnapshot } from "../store/network-snapshot.js";
import { contactsOf, currentEmployerNames } from "./network-csv.js";
import { printableText } from "./printable-text.js";

const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** A one-line text value with RFC 6350's escapes. */
const text = (value: string): string =>
  printableText(value).replace(/\\/g, "\\\\").replace(/,/g, "\\,").replace(/;/g, "\\;");

const utf8Length = (codePoint: number): number =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

/** Splits a content line into physical lines of at most 75 octets; continuations start with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

/** N: family name last, as most address books expect for Western names; a single word is a given name. */
function structuredName(name: string): string {
  const words = printableText(name).split(/\s+/);
  const family = words.length > 1 ? words.pop()! : "";
  return `${text(family)};${text(words.join(" "))};;;`;
}

function card(person: Person, employers: readonly string[]): string[] {
  const lines = [
    "BEGIN:VCARD",
    "VERSION:4.0",
    `FN:${text(person.name)}`,
    `N:${structuredName(person.name)}`,
  ];
  for (const email of person.emails) lines.push(`EMAIL:${text(email)}`);
  for (const phone of person.phones) lines.push(`TEL:${text(phone)}`);
  for (const org of employers) lines.push(`ORG:${text(org)}`);
  if (person.title !== null) lines.push(`TITLE:${text(person.title)}`);
  // A URI value, not text: its commas are part of the address and stay as they are.
  if (person.profileUrl !== null) lines.push(`URL:${printableText(person.profileUrl)}`);
  // Address books keep labels in CATEGORIES, so warmpath's tags travel there with its categories.
  const labels = [...person.categories, ...person.tags];
  if (labels.length > 0) lines.push(`CATEGORIES:${labels.map(text).join(",")}`);
  lines.push("END:VCARD");
  return lines;
}

/** The owner's contacts as one vCard 4.0 file. */
export function networkVcard(snapshot: NetworkSnapshot): string {
  const employers = currentEmployerNames(snapshot);
  return contactsOf(snapshot)
    .flatMap((p) => card(p, employers.get(p.id) ?? []))
    .map((line) => foldLine(line) + CRLF)
    .join("");
}
