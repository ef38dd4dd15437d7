/**
 * The owner's contacts as a spreadsheet: one row per person (the owner is not
 * a contact), the columns people expect from an address-book export. UTF-8
 * with a byte-order mark, because Excel reads a CSV without one as the
 * system's ANSI code page and garbles every accent; CRLF line ends per RFC 4180.
 */
import { isCurrentEmployment } from "../model/employment.js";
import { nameKey } from "../model/fields.js";
import type { Person } from "../model/person.js";
import type { NetworkSnapshot } from "../store/network-snapshot.js";
import { csvCell } from "./csv-cell.js";
import { printableText } from "./printable-text.js";

const HEADER = [
  "Name",
  "E-mails",
  "Phones",
  "Profile URL",
  "Title",
  "Company",
  "Categories",
  "Tags",
  "Location",
] as const;
const LIST_SEPARATOR = "; ";
const BOM = "\uFEFF";
const CRLF = "\r\n";

/** The names of each person's current employers (stints with no end date), by person id. */
export function currentEmployerNames(snapshot: NetworkSnapshot): Map<string, string[]> {
  const orgNames = new Map(snapshot.organizations.map((o) => [o.id, o.name]));
  const out = new Map<string, string[]>();
  for (const stint of snapshot.employments) {
    const name = orgNames.get(stint.organizationId);
    if (!isCurrentEmployment(stint) || name === undefined) continue;
    const names = out.get(stint.personId) ?? [];
    if (!names.includes(name)) names.push(name);
    out.set(stint.personId, names);
  }
  return out;
}

/** The owner's contacts, sorted by name, so two exports of one network are the same file. */
export function contactsOf(snapshot: NetworkSnapshot): Person[] {
  return snapshot.people
    .filter((p) => p.id !== snapshot.selfId && !p.isSelf)
    .sort((a, b) =>
      nameKey(a.name) < nameKey(b.name)
        ? -1
        : nameKey(a.name) > nameKey(b.name)
          ? 1
          : a.id < b.id
            ? -1
            : a.id > b.id
              ? 1
              : 0,
    );
}

/**
 * The owner's contacts as CSV text, every cell one line of printable text
 * (no field is multi-line once notes are left out, and a one-line cell is what
 * every CSV reader and warmpath's own import read back alike), escaped against
 * formula injection.
 */
export function networkCsv(snapshot: NetworkSnapshot): string {
  const employers = currentEmployerNames(snapshot);
  const rows: string[][] = [[...HEADER]];
  for (const p of contactsOf(snapshot)) {
    rows.push([
      p.name,
      p.emails.join(LIST_SEPARATOR),
      p.phones.join(LIST_SEPARATOR),
      p.profileUrl ?? "",
      p.title ?? "",
      (employers.get(p.id) ?? []).join(LIST_SEPARATOR),
      p.categories.join(LIST_SEPARATOR),
      p.tags.join(LIST_SEPARATOR),
      p.location ?? "",
    ]);
  }
  return (
    BOM +
    rows.map((row) => row.map((cell) => csvCell(printableText(cell))).join(",") + CRLF).join("")
  );
}
