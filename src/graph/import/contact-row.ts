/**
 * What reading a contact file produces: one `ContactRow` per record, mapped to
 * the domain but not validated or stored (the import engine does that, so a bad
 * value is rejected with the model's own field and message).
 */
import type { FollowUpList } from "../model/follow-up.js";
import type { PersonInput } from "../model/person.js";
import { categoryNames } from "./category-names.js";
import type { CsvRecord } from "./csv-records.js";

/** The contact-file layouts warmpath reads. */
export const IMPORT_LAYOUTS = ["linkedin", "google", "outlook", "vcard"] as const;
export type ImportLayout = (typeof IMPORT_LAYOUTS)[number];

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
  notes?: string | null;
  /** Labels, groups or categories as the file writes them; mapped by `categoryNames`. */
  labels?: readonly string[];
  company?: string | null;
  /** Only LinkedIn rows carry it (the engine makes a KNOWS tie from the owner for those). */
  connectedOn?: string | null;
  lists?: readonly FollowUpList[];
}

/** The reason given for a record that has data but no name: it cannot become a person. */
export const NO_NAME_REASON = "the record has no name (an address without a person, such as an auto-saved e-mail contact, is not imported)";

/** A record with no data at all. */
export const skippedRow = (line: number, reason = "blank record"): ContactRow => ({ line, outcome: "skipped", reason });

/** A record that cannot be read as a person. */
export const rejectedRow = (line: number, reason: string): ContactRow => ({ line, outcome: "rejected", reason });

/** True when every cell of a CSV record is empty or blank (`,,,,,,` and empty lines). */
export const isBlankRecord = (cells: readonly string[]): boolean => cells.every((cell) => cell.trim() === "");

/** LinkedIn profile URLs, written with or without scheme and `www.`: the best identity key a file can give. */
export const isLinkedInUrl = (url: string): boolean => /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)*linkedin\.com(?:[/?#]|$)/i.test(url.trim());

const present = (values: readonly string[] | undefined): string[] => {
  const out: string[] = [];
  for (const value of values ?? []) {
    const v = value.trim();
    if (v !== "") out.push(v);
  }
  return out;
};
const text = (value: string | null | undefined): string | null => {
  const t = value?.trim() ?? "";
  return t === "" ? null : t;
};
const NO_LABELS = Object.freeze({ categories: [], tags: [], lists: [] });

/**
 * The common end of every layout: a nameless record is rejected, labels become
 * categories, tags and lists, and empty values are left out so that an import
 * never blanks what the store already holds.
 */
export function contactRow(line: number, found: FoundContact): ContactRow {
  const name = /\s\s|[\t\n\r]/.test(found.name) ? found.name.replace(/\s+/g, " ").trim() : found.name.trim();
  if (name === "") return rejectedRow(line, NO_NAME_REASON);
  const { categories, tags, lists } = found.labels === undefined || found.labels.length === 0 ? NO_LABELS : categoryNames(found.labels);
  const person: PersonInput = { name };
  const emails = present(found.emails);
  const phones = present(found.phones);
  if (emails.length > 0) person.emails = emails;
  if (phones.length > 0) person.phones = phones;
  const profileUrl = text(found.profileUrl);
  const title = text(found.title);
  const notes = text(found.notes);
  if (profileUrl !== null) person.profileUrl = profileUrl;
  if (title !== null) person.title = title;
  if (categories.length > 0) person.categories = categories;
  if (tags.length > 0) person.tags = tags;
  if (notes !== null) person.notes = notes.includes("\r") ? notes.replace(/\r\n?/g, "\n") : notes;

  const row: ContactRow = { line, person, company: text(found.company) };
  if (found.connectedOn !== undefined) row.connectedOn = text(found.connectedOn);
  const allLists = found.lists === undefined || found.lists.length === 0 ? lists : [...new Set([...found.lists, ...lists])];
  if (allLists.length > 0) row.lists = allLists;
  return row;
}
