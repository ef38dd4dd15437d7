/**
 * Google Contacts CSV (contacts.google.com > Export > Google CSV), current and
 * legacy. The current layout has `First Name`, `Middle Name`, `Last Name`,
 * `Organization Name`, `Organization Title`, `Notes`, `Labels` and numbered
 * groups (`E-mail 1 - Label`, `E-mail 1 - Value`, `Phone 1 - Value`,
 * `Website 1 - Value`) whose count depends on the file; several values of one
 * group share a cell, joined by " ::: ". The legacy layout says `Name`,
 * `Given Name`, `Family Name`, `Group Membership` and `Organization 1 - Name`.
 */
import { contactRow, isLinkedInUrl, type CsvRowReader } from "./contact-row.js";
import { cellAt, type CsvRecord } from "./csv-records.js";
import { headerKey } from "./header-aliases.js";

/** Splits a cell that holds several values (" ::: " between them). */
const values = (cell: string): string[] =>
  cell
    .split(":::")
    .map((v) => v.trim())
    .filter((v) => v !== "");

/** A numbered column group: `E-mail 2 - Value` with its `E-mail 2 - Label` (or legacy `- Type`). */
interface Group {
  value: number;
  label: number | undefined;
}

function groups(keys: readonly string[], prefix: string): Group[] {
  const found: Group[] = [];
  keys.forEach((key, index) => {
    const m = new RegExp(`^${prefix} (\\d+) - value$`).exec(key);
    if (!m) return;
    const label = keys.findIndex(
      (k) => k === `${prefix} ${m[1]} - label` || k === `${prefix} ${m[1]} - type`,
    );
    found.push({ value: index, label: label < 0 ? undefined : label });
  });
  return found;
}

const NUMBERED_GROUP =
  /^(?:e-mail|phone|website|organization|address) \d+ - (?:value|label|type|name|title|formatted)$/;

/** Recognizes a Google Contacts header (current or legacy) and returns the reader of its records. */
export function googleHeader(cells: readonly string[]): CsvRowReader | null {
  const keys = cells.map(headerKey);
  const column = (...names: string[]): number | undefined => {
    const i = keys.findIndex((k) => names.includes(k));
    return i < 0 ? undefined : i;
  };
  const labels = column("labels", "group membership");
  const isGoogle = labels !== undefined || keys.some((k) => NUMBERED_GROUP.test(k));
  const first = column("first name", "given name");
  const middle = column("middle name", "additional name");
  const last = column("last name", "family name");
  const full = column("name");
  if (!isGoogle || (first === undefined && last === undefined && full === undefined)) return null;
  const fileAs = column("file as");
  const nickname = column("nickname");
  const organization = column("organization name", "organization 1 - name");
  const title = column("organization title", "organization 1 - title");
  const notes = column("notes");
  const emails = groups(keys, "e-mail");
  const phones = groups(keys, "phone");
  const websites = groups(keys, "website");

  const profileUrl = (record: CsvRecord): string | null => {
    for (const site of websites) {
      const labelled = /linkedin/i.test(cellAt(record, site.label));
      const url = values(cellAt(record, site.value)).find((v) => labelled || isLinkedInUrl(v));
      if (url !== undefined) return url;
    }
    return null;
  };

  return (record) => {
    const parts = [first, middle, last].map((i) => cellAt(record, i)).filter((p) => p !== "");
    const name =
      parts.join(" ") || cellAt(record, full) || cellAt(record, fileAs) || cellAt(record, nickname);
    return contactRow(record.line, {
      name,
      emails: emails.flatMap((g) => values(cellAt(record, g.value))),
      phones: phones.flatMap((g) => values(cellAt(record, g.value))),
      profileUrl: profileUrl(record),
      title: cellAt(record, title),
      company: values(cellAt(record, organization))[0] ?? null,
      notes: cellAt(record, notes),
      labels: values(cellAt(record, labels)),
    });
  };
}
