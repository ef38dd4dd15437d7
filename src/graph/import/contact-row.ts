/**
 * What reading a contact file produces: one `ContactRow` per record, mapped to
 * the domain but not validated or stored (the import engine does that, so a bad
 * value is rejected with the model's own field and message).
 */
import { firstControlCharacter, withoutControlCharacters } from "../model/control-characters.js";
import type { FollowUpList } from "../model/follow-up.js";
import type { PersonInput } from "../model/person.js";
import { categoryNames } from "./category-names.js";
import type { CsvRecord } from "./csv-records.js";

/** The contact-file layouts warmpath reads. */
export const IMPORT_LAYOUTS = ["linkedin", "google", "outlook", "vcard", "warmpath_csv"] as const;
export type ImportLayout = (typeof IMPORT_LAYOUTS)[number];

/** Something changed or left out of a row that was kept: a value dropped, control characters stripped. */
export interface ImportWarning {
  /** The field as the model names it: `emails[1]`, `connectedOn`, `name`. */
  field: string;
  reason: string;
}

/** One record of a contact file, read and mapped to the domain, not yet stored. */
export interface ContactRow {
  /** 1-based physical line of the file where the record starts (after a preamble, counting every line). */
  line: number;
  /** Set for a blank record ("skipped") or one that cannot be read at all ("rejected", e.g. a vCard with no END:VCARD); then `person` is absent. */
  outcome?: "skipped" | "rejected";
  reason?: string;
  /** For a readable record: the person as the store takes it (name required; emails, phones, profileUrl, title, categories, tags, notes as found). Field values are NOT validated here beyond what the layout needs (the engine validates with the model and rejects with the field). */
  person?: PersonInput;
  /** Current employer's name, when the file has one. */
  company?: string | null;
  /** Further current employers (warmpath's CSV export lists every current one); absent when none. */
  moreCompanies?: string[];
  /** What was changed or left out while reading the row; absent when nothing was. */
  warnings?: ImportWarning[];
  /** LinkedIn "Connected On" as YYYY-MM-DD ("15 Mar 2024" and "2024-02-29" both read). Present on LinkedIn rows only. */
  connectedOn?: string | null;
  /** Outlook categories "Next Contact" / "Immediate Follow-up" (any case; the same labels in Google or vCard files too): the lists the person should be put on. */
  lists?: FollowUpList[];
}

/** Maps one readable CSV record (after the header; blank and unreadable records are dealt with before) to a row; built by a layout from the header it recognized. */
export type CsvRowReader = (record: CsvRecord) => ContactRow;

/** What a layout found in one record, before the common rules (labels, empty values) apply. */
export interface FoundContact {
  name: string;
  emails?: readonly string[];
  phones?: readonly string[];
  profileUrl?: string | null;
  title?: string | null;
  location?: string | null;
  notes?: string | null;
  /** Labels, groups or categories as the file writes them; mapped by `categoryNames`. */
  labels?: readonly string[];
  /** Tags taken as they are (warmpath's own export), not mapped to categories. */
  tags?: readonly string[];
  /** Current employers; the first is the one matched by name with the person. */
  company?: string | null;
  moreCompanies?: readonly string[];
  /** Only LinkedIn rows carry it (the engine makes a KNOWS tie from the owner for those). */
  connectedOn?: string | null;
  lists?: readonly FollowUpList[];
}

/** The reason given for a record that has data but no name: it cannot become a person. */
export const NO_NAME_REASON =
  "the record has no name (an address without a person, such as an auto-saved e-mail contact, is not imported)";

/** A record with no data at all. */
export const skippedRow = (line: number, reason = "blank record"): ContactRow => ({
  line,
  outcome: "skipped",
  reason,
});

/** A record that cannot be read as a person. */
export const rejectedRow = (line: number, reason: string): ContactRow => ({
  line,
  outcome: "rejected",
  reason,
});

/** True when every cell of a CSV record is empty or blank (`,,,,,,` and empty lines). */
export const isBlankRecord = (cells: readonly string[]): boolean =>
  cells.every((cell) => cell.trim() === "");

/** LinkedIn profile URLs, written with or without scheme and `www.`: the best identity key a file can give. */
export const isLinkedInUrl = (url: string): boolean =>
  /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)*linkedin\.com(?:[/?#]|$)/i.test(url.trim());

/** Line breaks and tabs in a one-line field (a name across two lines of a cell) are a space. */
const oneLine = (value: string): string =>
  /[\t\n\r]/.test(value) ? value.replace(/\s*[\t\n\r]+\s*/g, " ") : value;

/**
 * Reads a file's text values for one row: control characters are stripped
 * (a warning names the field), one-line fields get line breaks as spaces, and
 * blank values are left out.
 */
class RowText {
  readonly warnings: ImportWarning[] = [];

  /** One value, or null when blank. */
  one(
    field: string,
    value: string | null | undefined,
    lines: "one" | "many" = "one",
  ): string | null {
    if (value === null || value === undefined) return null;
    const control = firstControlCharacter(value);
    let text = value;
    if (control !== null) {
      const cleaned = withoutControlCharacters(value);
      text = cleaned.text;
      this.warnings.push({
        field,
        reason: `${cleaned.removed} control character${cleaned.removed === 1 ? "" : "s"} removed (the first ${control})`,
      });
    }
    text = (lines === "one" ? oneLine(text) : text.replace(/\r\n?/g, "\n")).trim();
    return text === "" ? null : text;
  }

  /** The non-blank values of a list, each cleaned as `one`. */
  all(field: string, values: readonly string[] | undefined): string[] {
    const out: string[] = [];
    for (const value of values ?? []) {
      const text = this.one(field, value);
      if (text !== null) out.push(text);
    }
    return out;
  }
}

const NO_LABELS = Object.freeze({ categories: [], tags: [], lists: [] });

/**
 * The common end of every layout: a nameless record is rejected, labels become
 * categories, tags and lists, and empty values are left out so that an import
 * never blanks what the store already holds.
 */
export function contactRow(line: number, found: FoundContact): ContactRow {
  const read = new RowText();
  const name = read.one("name", found.name) ?? "";
  if (name === "") return withWarnings(rejectedRow(line, NO_NAME_REASON), read.warnings);
  const labels = read.all("categories", found.labels);
  const { categories, tags, lists } = labels.length === 0 ? NO_LABELS : categoryNames(labels);
  const person: PersonInput = { name };
  const emails = read.all("emails", found.emails);
  const phones = read.all("phones", found.phones);
  if (emails.length > 0) person.emails = emails;
  if (phones.length > 0) person.phones = phones;
  const profileUrl = read.one("profileUrl", found.profileUrl);
  const title = read.one("title", found.title);
  const location = read.one("location", found.location);
  const notes = read.one("notes", found.notes, "many");
  const allTags = [...new Set([...tags, ...read.all("tags", found.tags)])];
  if (profileUrl !== null) person.profileUrl = profileUrl;
  if (title !== null) person.title = title;
  if (location !== null) person.location = location;
  if (categories.length > 0) person.categories = categories;
  if (allTags.length > 0) person.tags = allTags;
  if (notes !== null) person.notes = notes;

  const row: ContactRow = { line, person, company: read.one("company", found.company) };
  const moreCompanies = read.all("company", found.moreCompanies);
  if (moreCompanies.length > 0) row.moreCompanies = moreCompanies;
  if (found.connectedOn !== undefined) row.connectedOn = read.one("connectedOn", found.connectedOn);
  const allLists =
    found.lists === undefined || found.lists.length === 0
      ? lists
      : [...new Set([...found.lists, ...lists])];
  if (allLists.length > 0) row.lists = allLists;
  return withWarnings(row, read.warnings);
}

/** The row with `warnings` added to its own, when there are any. */
export function withWarnings(row: ContactRow, warnings: readonly ImportWarning[]): ContactRow {
  if (warnings.length > 0) row.warnings = [...(row.warnings ?? []), ...warnings];
  return row;
}
