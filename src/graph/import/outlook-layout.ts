/**
 * Outlook CSV (the desktop Import/Export wizard, Outlook.com and Outlook for
 * Mac), columns found by header name in any of the languages of
 * `OUTLOOK_HEADER_ALIASES`. `Categories` holds the person's categories
 * separated by ";" (or ","); "Next Contact" and "Immediate Follow-up" there are
 * the networking lists, not categories.
 */
import { contactRow, isLinkedInUrl, type CsvRowReader } from "./contact-row.js";
import { cellAt, type CsvRecord } from "./csv-records.js";
import { outlookColumns, type OutlookField } from "./header-aliases.js";

const NAME_FIELDS: readonly OutlookField[] = ["firstName", "lastName", "middleName", "displayName"];

/** A header is Outlook's when it names the person and at least two other Outlook fields (so a bare "Name,Email" list is not taken for one). */
const MIN_OTHER_FIELDS = 2;

/** An Exchange address ("/o=ExchangeLabs/ou=...") is a directory entry, not an e-mail address. */
const isExchangeAddress = (value: string): boolean => value.startsWith("/");

/** Recognizes an Outlook header in English, German or French and returns the reader of its records. */
export function outlookHeader(cells: readonly string[]): CsvRowReader | null {
  const columns = outlookColumns(cells);
  const fields = [...columns.keys()];
  const named = fields.some((f) => NAME_FIELDS.includes(f));
  if (!named || fields.filter((f) => !NAME_FIELDS.includes(f)).length < MIN_OTHER_FIELDS)
    return null;

  const one = (record: CsvRecord, field: OutlookField): string =>
    cellAt(record, columns.get(field)?.at(-1));
  const all = (record: CsvRecord, field: OutlookField): string[] =>
    (columns.get(field) ?? []).map((i) => cellAt(record, i)).filter((v) => v !== "");

  return (record) => {
    const name = [one(record, "firstName"), one(record, "middleName"), one(record, "lastName")]
      .filter((p) => p !== "")
      .join(" ");
    return contactRow(record.line, {
      name: name || one(record, "displayName"),
      emails: all(record, "emails").filter((e) => !isExchangeAddress(e)),
      phones: all(record, "phones"),
      profileUrl: all(record, "webPages").find(isLinkedInUrl) ?? null,
      title: one(record, "jobTitle"),
      company: one(record, "company"),
      notes: one(record, "notes"),
      labels: one(record, "categories").split(/[;,]/),
    });
  };
}
