/**
 * Which layout a contact file has, from its start: a vCard begins with
 * BEGIN:VCARD; a CSV layout is known by its header row, which LinkedIn puts
 * after a preamble of notes, so the first records are tried in turn (see
 * `find-csv-header.ts`, which also finds the field separator).
 */
import type { CsvRowReader, ImportLayout } from "./contact-row.js";
import { googleHeader } from "./google-layout.js";
import { linkedinHeader } from "./linkedin-layout.js";
import { outlookHeader } from "./outlook-layout.js";
import { warmpathCsvHeader } from "./warmpath-csv-layout.js";

/** A CSV layout: recognizes its header row and gives the reader of the records after it. */
export interface CsvLayout {
  readonly layout: Exclude<ImportLayout, "vcard">;
  /** What people call the file, for messages. */
  readonly name: string;
  /** The columns its header is known by, for the message when no header is found. */
  readonly expects: string;
  header(cells: readonly string[]): CsvRowReader | null;
}

/**
 * In the order they are tried. Google's numbered groups, LinkedIn's
 * `Connected On` and warmpath's own `E-mails`/`Profile URL`/`Tags` are
 * specific; Outlook's aliases would also take LinkedIn's
 * `First Name,Last Name,...,Company,Position`, so Outlook comes last.
 */
export const CSV_LAYOUTS: readonly CsvLayout[] = Object.freeze([
  {
    layout: "google",
    name: "Google Contacts CSV",
    expects: "a name column with Labels or numbered columns such as E-mail 1 - Value",
    header: googleHeader,
  },
  {
    layout: "linkedin",
    name: "LinkedIn Connections.csv",
    expects: "First Name, Last Name and Connected On",
    header: linkedinHeader,
  },
  {
    layout: "warmpath_csv",
    name: "warmpath CSV export",
    expects: "Name, E-mails, Profile URL, Categories and Tags",
    header: warmpathCsvHeader,
  },
  {
    layout: "outlook",
    name: "Outlook CSV",
    expects:
      "a name column such as First Name, Vorname or Prénom and two more such as E-mail Address, Company or Categories, in English, German or French",
    header: outlookHeader,
  },
]);

/** Records tried for a header row before the file is declared unknown (LinkedIn's preamble has been 0 to 4 records). */
export const HEADER_SEARCH_RECORDS = 20;

/** True when the text starts (after blank lines) with a vCard. */
export const looksLikeVCard = (head: string): boolean => /^\s*BEGIN:VCARD\b/i.test(head);

/** The first of `candidates` whose header `cells` is, with the reader of its records; null when none fits. */
export function detectCsvLayout(
  cells: readonly string[],
  candidates: readonly CsvLayout[] = CSV_LAYOUTS,
): { layout: CsvLayout["layout"]; read: CsvRowReader } | null {
  for (const candidate of candidates) {
    const read = candidate.header(cells);
    if (read !== null) return { layout: candidate.layout, read };
  }
  return null;
}
