/**
 * LinkedIn's `Connections.csv` (Settings > Data privacy > Get a copy of your
 * data): `First Name,Last Name,URL,Email Address,Company,Position,Connected On`,
 * after a preamble of notes whose length varies between versions (older
 * exports have none and no `URL` column). Cells are taken as written: a company
 * such as `=HYPERLINK(...)` is a name, never a formula.
 */
import { contactRow, type CsvRowReader } from "./contact-row.js";
import { cellAt } from "./csv-records.js";
import { headerKey } from "./header-aliases.js";

const MONTHS: Readonly<Record<string, number>> = Object.freeze({
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
});

const pad = (n: number | string): string => String(n).padStart(2, "0");

/**
 * "Connected On" as YYYY-MM-DD: LinkedIn writes "15 Mar 2024"; files that went
 * through a spreadsheet may hold "2024-02-29" or "Mar 15, 2024". Anything else
 * is returned as written, so the import rejects the row naming the field
 * rather than dropping the date silently; an impossible day ("31 Feb 2024")
 * is likewise left for the model's date check.
 */
export function connectedOnDate(text: string): string | null {
  const t = text.trim();
  if (t === "") return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  m = /^(\d{1,2})[ -]([a-z]{3,9})\.?[ -](\d{4})$/i.exec(t);
  const dayFirst = m ? { day: m[1]!, month: m[2]!, year: m[3]! } : null;
  m = /^([a-z]{3,9})\.? (\d{1,2}),? (\d{4})$/i.exec(t);
  const monthFirst = m ? { day: m[2]!, month: m[1]!, year: m[3]! } : null;
  const parts = dayFirst ?? monthFirst;
  const month = parts ? MONTHS[parts.month.slice(0, 3).toLowerCase()] : undefined;
  return parts && month !== undefined ? `${parts.year}-${pad(month)}-${pad(parts.day)}` : t;
}

/** Recognizes LinkedIn's header row and returns the reader of the records after it. */
export function linkedinHeader(cells: readonly string[]): CsvRowReader | null {
  const keys = cells.map(headerKey);
  const column = (...names: string[]): number | undefined => {
    const i = keys.findIndex((k) => names.includes(k));
    return i < 0 ? undefined : i;
  };
  const first = column("first name");
  const last = column("last name");
  const connected = column("connected on");
  if (first === undefined || last === undefined || connected === undefined) return null;
  const url = column("url", "profile url");
  const email = column("email address", "e-mail address");
  const company = column("company");
  const position = column("position");

  return (record) =>
    contactRow(record.line, {
      name: `${cellAt(record, first)} ${cellAt(record, last)}`,
      emails: [cellAt(record, email)],
      profileUrl: cellAt(record, url),
      title: cellAt(record, position),
      company: cellAt(record, company),
      connectedOn: connectedOnDate(cellAt(record, connected)),
    });
}
