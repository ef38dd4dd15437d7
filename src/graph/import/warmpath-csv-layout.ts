/**
 * warmpath's own CSV export (`src/graph/export/network-csv.ts`):
 * `Name,E-mails,Phones,Profile URL,Title,Company,Categories,Tags,Location`,
 * several values of a cell joined by "; ". The export guards a cell that a
 * spreadsheet would run as a formula with a leading `'`; reading it back
 * takes that `'` off again, so an export re-imports as it was.
 */
import { contactRow, type CsvRowReader } from "./contact-row.js";
import { cellAt, type CsvRecord } from "./csv-records.js";
import { headerKey } from "./header-aliases.js";

/** The export's header, by `headerKey`. */
const COLUMNS = Object.freeze([
  "name",
  "e-mails",
  "phones",
  "profile url",
  "title",
  "company",
  "categories",
  "tags",
  "location",
] as const);
/** The columns a header must have to be ours: the others are optional, so a trimmed copy still reads. */
const REQUIRED: readonly (typeof COLUMNS)[number][] = [
  "name",
  "e-mails",
  "profile url",
  "categories",
  "tags",
];

/** What the export prefixes `'` to (`csv-cell.ts`): a formula start, after optional spaces, or a tab or CR. */
const GUARDED = /^'(?=[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/** A cell as the export's writer had it, before the formula guard. */
export const unguardedCell = (cell: string): string => cell.replace(GUARDED, "");

const values = (cell: string): string[] =>
  cell
    .split(";")
    .map((v) => v.trim())
    .filter((v) => v !== "");

/** Recognizes the header of warmpath's CSV export and returns the reader of its records. */
export function warmpathCsvHeader(cells: readonly string[]): CsvRowReader | null {
  const keys = cells.map(headerKey);
  const index = new Map(COLUMNS.map((c) => [c, keys.indexOf(c)] as const));
  if (REQUIRED.some((c) => index.get(c)! < 0)) return null;
  const cell = (record: CsvRecord, column: (typeof COLUMNS)[number]): string => {
    const at = index.get(column)!;
    return at < 0 ? "" : unguardedCell(cellAt(record, at));
  };

  return (record) => {
    const [company = null, ...moreCompanies] = values(cell(record, "company"));
    return contactRow(record.line, {
      name: cell(record, "name"),
      emails: values(cell(record, "e-mails")),
      phones: values(cell(record, "phones")),
      profileUrl: cell(record, "profile url"),
      title: cell(record, "title"),
      company,
      moreCompanies,
      labels: values(cell(record, "categories")),
      tags: values(cell(record, "tags")),
      location: cell(record, "location"),
    });
  };
}
