import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors.js";
import type { ContactRow, ImportLayout } from "../../../src/graph/import/contact-row.js";
import { readContacts } from "../../../src/graph/import/read-contacts.js";
import { expectError } from "../../../src/testing.js";
import { collect } from "../../support/import-samples.js";

const read = async (
  source: string | Uint8Array | AsyncIterable<Uint8Array>,
  layout: ImportLayout | "auto" = "auto",
) => {
  const result = await readContacts(source, layout);
  return { layout: result.layout, rows: await collect(result.rows) };
};

/** Windows-1252 bytes, as German Excel saves "CSV (Trennzeichen-getrennt)". */
const windows1252 = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, "latin1"));

async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

const GERMAN_OUTLOOK = [
  "Anrede;Vorname;Weitere Vornamen;Nachname;Firma;Position;Telefon geschäftlich;E-Mail-Adresse;Kategorien;Notizen",
  'Dr.;Jürgen;;Müller;"Müller; Söhne GmbH";CTO;+49 30 5550 100;j.mueller@example.de;"Ehemalige Kollegen;Golf";"Trifft sich gern; zum Kaffee"',
  ";Anna;;Schmidt;Contoso;Einkauf;;anna@example.de;Kundin;",
].join("\r\n");

const expectedGerman: ContactRow[] = [
  {
    line: 2,
    person: {
      name: "Jürgen Müller",
      emails: ["j.mueller@example.de"],
      phones: ["+49 30 5550 100"],
      title: "CTO",
      categories: ["former_colleague"],
      tags: ["golf"],
      notes: "Trifft sich gern; zum Kaffee",
    },
    company: "Müller; Söhne GmbH",
  },
  {
    line: 3,
    person: {
      name: "Anna Schmidt",
      emails: ["anna@example.de"],
      title: "Einkauf",
      categories: ["client"],
    },
    company: "Contoso",
  },
];

describe("field separators", () => {
  it("reads a German Outlook export separated by ';', with ';' inside quoted fields, in Windows-1252", async () => {
    const { layout, rows } = await read(windows1252(`${GERMAN_OUTLOOK}\r\n`));
    expect(layout).toBe("outlook");
    expect(rows).toEqual(expectedGerman);
  });

  it("reads the same file separated by tab and by ',' alike", async () => {
    const toTab = GERMAN_OUTLOOK.replace(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/gm, "\t");
    const toComma = GERMAN_OUTLOOK.replace(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/gm, ",");
    for (const text of [toTab, toComma])
      expect((await read(text, "outlook")).rows).toEqual(expectedGerman);
  });

  it("finds a ';' LinkedIn header after a preamble whose quoted note holds commas and semicolons", async () => {
    const text =
      'Notes:\r\n"Some e-mail addresses may be missing; see https://www.linkedin.com/help, or ask."\r\n\r\nFirst Name;Last Name;URL;Email Address;Company;Position;Connected On\r\nAda;Lovelace;https://www.linkedin.com/in/ada;;"Analytical Engines, Ltd";Mathematician;24 Jul 2023\r\n';
    const { layout, rows } = await read(text);
    expect(layout).toBe("linkedin");
    expect(rows).toEqual([
      {
        line: 5,
        person: {
          name: "Ada Lovelace",
          profileUrl: "https://www.linkedin.com/in/ada",
          title: "Mathematician",
        },
        company: "Analytical Engines, Ltd",
        connectedOn: "2023-07-24",
      },
    ]);
  });

  it("reads a tab-separated Google export", async () => {
    const text =
      "First Name\tLast Name\tLabels\tE-mail 1 - Value\r\nMarta\tLindqvist\tInvestors ::: Freundinnen\tmarta@example.se\r\n";
    const { layout, rows } = await read(text);
    expect(layout).toBe("google");
    expect(rows[0]?.person).toEqual({
      name: "Marta Lindqvist",
      emails: ["marta@example.se"],
      categories: ["investor", "friend"],
    });
  });

  it("reads the same rows whatever the separator and however the bytes are cut (property)", async () => {
    const cell = fc.string({
      unit: fc.constantFrom("a", "ü", " ", ",", ";", "\t", '"', "\n"),
      maxLength: 8,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(",", ";", "\t"),
        fc.array(fc.tuple(cell, cell), { maxLength: 6 }),
        fc.integer({ min: 1, max: 40 }),
        async (separator, people, size) => {
          const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
          const lines = [
            "First Name,Last Name,Company,E-mail Address,Categories".replace(/,/g, separator),
            ...people.map(([first, company]) =>
              [quote(`P${first}`), "X", quote(company), "", ""].join(separator),
            ),
          ];
          const { rows } = await read(
            chunks(new TextEncoder().encode(lines.join("\r\n")), size),
            "outlook",
          );
          expect(rows.map((r) => r.outcome ?? "ok")).toEqual(people.map(() => "ok"));
          // A one-line field reads a line break or tab (and the spaces around it) as one space.
          expect(rows.map((r) => r.company ?? "")).toEqual(
            people.map(([, company]) => company.replace(/\s*[\t\n]+\s*/g, " ").trim()),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("when no header is found", () => {
  it("says what it looked for, which separators it tried, and how the first line splits", async () => {
    const error = await expectError(
      read("Vorname|Nachname|Firma\r\nAda|Lovelace|Acme\r\n", "outlook"),
      ErrorCode.BAD_USER_INPUT,
      "format",
    );
    expect(error.message).toMatch(/no Outlook CSV header row in the first 20 records/);
    expect(error.message).toMatch(/looked for .*First Name, Vorname or Prénom/);
    expect(error.message).toMatch(/tried ",", ";", tab as separators/);
    expect(error.message).toMatch(/first line has 1 field.*"Vorname\|Nachname\|Firma"/);
  });

  it("names the separator a file seems to use when its columns are not a known layout", async () => {
    const error = await expectError(
      read("Name;Telefon;Ort\r\nAda;+1 555;Berlin\r\n"),
      ErrorCode.BAD_USER_INPUT,
      "format",
    );
    expect(error.message).toMatch(/first line has 3 fields split at ";"/);
  });
});
