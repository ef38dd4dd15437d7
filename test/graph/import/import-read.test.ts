import { createReadStream } from "node:fs";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "../../../src/errors.js";
import { personSpec } from "../../../src/graph/model/person.js";
import { categoryNames } from "../../../src/graph/import/category-names.js";
import type { ContactRow, ImportLayout } from "../../../src/graph/import/contact-row.js";
import { CsvParser, csvRecords, type CsvRecord } from "../../../src/graph/import/csv-records.js";
import { outlookColumns } from "../../../src/graph/import/header-aliases.js";
import { connectedOnDate } from "../../../src/graph/import/linkedin-layout.js";
import { readContacts } from "../../../src/graph/import/read-contacts.js";
import { vcardRows } from "../../../src/graph/import/vcard-layout.js";
import { expectError } from "../../../src/testing.js";
import { collect, sample, SAMPLES } from "../../support/import-samples.js";

async function read(
  source: Parameters<typeof readContacts>[0],
  layout: ImportLayout | "auto" = "auto",
): Promise<{ layout: ImportLayout; rows: ContactRow[] }> {
  const result = await readContacts(source, layout);
  return { layout: result.layout, rows: await collect(result.rows) };
}

const readable = (rows: ContactRow[]) => rows.filter((r) => r.outcome === undefined);
const byName = (rows: ContactRow[], name: string): ContactRow => {
  const found = rows.filter((r) => r.person?.name === name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
};
const records = async (...chunks: string[]): Promise<CsvRecord[]> => collect(csvRecords(chunks));

describe("reading the argument", () => {
  it("rejects a layout it does not know, on the format field", async () => {
    await expectError(
      readContacts("a,b\n", "excel" as ImportLayout),
      ErrorCode.BAD_USER_INPUT,
      "format",
    );
  });

  it("says it cannot tell the layout of a CSV that is none of the five, and names them", async () => {
    const error = await expectError(
      readContacts("Name,Phone\nAda,+1 555 0100\n", "auto"),
      ErrorCode.BAD_USER_INPUT,
      "format",
    );
    expect(error.message).toMatch(/linkedin, google, outlook, vcard or warmpath_csv/);
  });

  it("says it cannot tell the layout of an empty file", async () => {
    await expectError(readContacts(new Uint8Array(0), "auto"), ErrorCode.BAD_USER_INPUT, "format");
  });

  it("refuses a vCard named as a LinkedIn file", async () => {
    await expectError(
      readContacts(sample("contacts.vcf"), "linkedin"),
      ErrorCode.BAD_USER_INPUT,
      "format",
    );
  });

  it("refuses a CSV named as a vCard", async () => {
    await expectError(
      readContacts(sample("outlook-contacts.csv"), "vcard"),
      ErrorCode.BAD_USER_INPUT,
      "format",
    );
  });

  it("refuses a Google file named as LinkedIn and names the layout it looks like", async () => {
    const error = await expectError(
      readContacts(sample("google-contacts.csv"), "linkedin"),
      ErrorCode.BAD_USER_INPUT,
      "format",
    );
    expect(error.message).toMatch(/Google/);
  });

  it("closes a streamed source it refuses", async () => {
    let closed = false;
    async function* chunks(): AsyncGenerator<Uint8Array> {
      try {
        for (let i = 0; i < 1_000; i++)
          yield new TextEncoder().encode("Name,Phone\nAda,1\n".repeat(4_000));
      } finally {
        closed = true;
      }
    }
    await expectError(readContacts(chunks(), "auto"), ErrorCode.BAD_USER_INPUT, "format");
    expect(closed).toBe(true);
  });
});

describe("CSV records", () => {
  it("reads quoted commas, doubled quotes and line breaks inside quotes", async () => {
    expect(await records('a,"b, c","say ""hi""","two\nlines"\r\nnext,row\r\n')).toEqual([
      { line: 1, cells: ["a", "b, c", 'say "hi"', "two\nlines"] },
      { line: 3, cells: ["next", "row"] },
    ]);
  });

  it("gives each record the physical line it starts on, whatever the line breaks", async () => {
    const rows = await records('h1,h2\r\n"x\r\ny",1\n\n"p\rq",2\rlast,3');
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4, 5, 7]);
    expect(rows[2]!.cells).toEqual([""]);
    expect(rows[4]!.cells).toEqual(["last", "3"]);
  });

  it("parses the same records whichever way the text is cut into chunks", async () => {
    const text = 'First,"Last, ""Q""",x\r\n"multi\r\nline",b,\r\n,,\r\n"end"';
    const whole = await records(text);
    for (let size = 1; size <= 7; size++) {
      const chunks: string[] = [];
      for (let at = 0; at < text.length; at += size) chunks.push(text.slice(at, at + size));
      expect(await records(...chunks), `chunks of ${size}`).toEqual(whole);
    }
    expect(whole).toEqual([
      { line: 1, cells: ["First", 'Last, "Q"', "x"] },
      { line: 2, cells: ["multi\r\nline", "b", ""] },
      { line: 4, cells: ["", "", ""] },
      { line: 5, cells: ["end"] },
    ]);
  });

  it("yields no empty record for the final line break", async () => {
    expect(await records("a\r\n")).toEqual([{ line: 1, cells: ["a"] }]);
    expect(await records("")).toEqual([]);
  });

  it("marks a record whose quote is never closed", async () => {
    const parser = new CsvParser();
    expect(parser.push('a,"open\nstill open')).toEqual([]);
    expect(parser.end()).toEqual([
      { line: 1, cells: ["a", "open\nstill open"], error: expect.stringMatching(/not closed/) },
    ]);
  });
});

describe("the LinkedIn export", () => {
  it("finds the header after the notes preamble and reads 14 people and 2 blank rows", async () => {
    const { layout, rows } = await read(sample("linkedin-connections.csv"));
    expect(layout).toBe("linkedin");
    expect(readable(rows)).toHaveLength(14);
    expect(rows.filter((r) => r.outcome === "skipped").map((r) => r.line)).toEqual([15, 20]);
    expect(rows.filter((r) => r.outcome === "rejected")).toEqual([]);
    expect(rows[0]).toEqual({
      line: 5,
      person: {
        name: "Ada Lovelace",
        profileUrl: "https://www.linkedin.com/in/ada-lovelace",
        title: "Mathematician, Lead",
      },
      company: "Analytical Engines",
      connectedOn: "2023-07-24",
    });
  });

  it("reads Grace Hopper twice with her URL written two ways, for the engine to merge", async () => {
    const { rows } = await read(sample("linkedin-connections.csv"));
    const grace = rows.filter((r) => r.person?.name === "Grace Hopper");
    expect(grace.map((r) => [r.line, r.person?.profileUrl])).toEqual([
      [6, "https://www.linkedin.com/in/grace-hopper/"],
      [17, "https://linkedin.com/in/Grace-Hopper"],
    ]);
    expect(grace[0]!.person?.emails).toEqual(["grace@example.org"]);
  });

  it("keeps formula-like cells verbatim as plain text", async () => {
    const { rows } = await read(sample("linkedin-connections.csv"));
    const evil = byName(rows, "Evil Cell");
    expect(evil.company).toBe('=HYPERLINK("http://example.invalid","click")');
    expect(evil.person?.title).toBe("@SUM(1+1)");
  });

  it("reads quotes, non-Latin names, a first name alone and both date spellings", async () => {
    const { rows } = await read(sample("linkedin-connections.csv"));
    expect(byName(rows, "Lena Fischer").person?.title).toBe('"Head of People" (Talent)');
    expect(byName(rows, "Lena Fischer").company).toBe("Fabrikam, Inc.");
    expect(byName(rows, "José Núñez").connectedOn).toBe("2024-03-15");
    expect(byName(rows, "Wei 王").line).toBe(8);
    expect(byName(rows, "Noname")).toMatchObject({
      line: 16,
      company: null,
      connectedOn: "2025-05-05",
    });
    expect(byName(rows, "Kenji Sato").connectedOn).toBe("2024-02-29");
  });

  it("reads the older export without preamble and without URL column", async () => {
    const { layout, rows } = await read(sample("linkedin-connections-old-format.csv"));
    expect(layout).toBe("linkedin");
    expect(rows).toEqual([
      {
        line: 2,
        person: { name: "Ada Lovelace", title: "Mathematician" },
        company: "Analytical Engines",
        connectedOn: "2013-07-24",
      },
      {
        line: 3,
        person: { name: "Priya Raman", emails: ["priya.raman@example.com"], title: "IT Manager" },
        company: "Northwind Traders",
        connectedOn: "2010-11-11",
      },
    ]);
  });

  it("rejects a row with data but no name, and leaves a date it cannot read for the model to reject", async () => {
    const text =
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n,,,x@example.org,Acme,CEO,01 Jan 2024\nAda,L,,,,,someday\n";
    const { rows } = await read(text, "linkedin");
    expect(rows[0]).toMatchObject({
      line: 2,
      outcome: "rejected",
      reason: expect.stringMatching(/no name/),
    });
    expect(rows[1]!.connectedOn).toBe("someday");
  });

  it("turns the date spellings of Connected On into calendar dates", () => {
    expect(connectedOnDate("15 Mar 2024")).toBe("2024-03-15");
    expect(connectedOnDate("3 Sept 2019")).toBe("2019-09-03");
    expect(connectedOnDate("2024-2-9")).toBe("2024-02-09");
    expect(connectedOnDate("Mar 15, 2024")).toBe("2024-03-15");
    expect(connectedOnDate("  ")).toBeNull();
    expect(connectedOnDate("15 Foo 2024")).toBe("15 Foo 2024");
  });
});

describe("the Google Contacts export", () => {
  it("reads 3 people and rejects the nameless auto-saved address", async () => {
    const { layout, rows } = await read(sample("google-contacts.csv"));
    expect(layout).toBe("google");
    expect(readable(rows).map((r) => r.person?.name)).toEqual([
      "Priya Raman",
      "Dan Kowalski",
      "Marta Lindqvist",
    ]);
    expect(rows.filter((r) => r.outcome !== undefined)).toEqual([
      { line: 5, outcome: "rejected", reason: expect.stringMatching(/no name/) },
    ]);
  });

  it("takes categories from Labels, two e-mails from one cell and the multi-line note", async () => {
    const { rows } = await read(sample("google-contacts.csv"));
    expect(byName(rows, "Priya Raman")).toEqual({
      line: 2,
      person: {
        name: "Priya Raman",
        emails: ["priya.raman@example.com", "priya@example.net"],
        phones: ["+1 480 555 0101"],
        profileUrl: "https://www.linkedin.com/in/priya-raman",
        title: "IT Manager",
        categories: ["client"],
        notes: "Met at the 2023 chamber mixer.\nLoves trail running.",
      },
      company: "Northwind Traders",
    });
    expect(byName(rows, "Dan Kowalski").person?.emails).toEqual([
      "dan.k@example.com",
      "danny@example.org",
    ]);
    expect(byName(rows, "Dan Kowalski").line).toBe(4);
    expect(byName(rows, "Marta Lindqvist").person?.categories).toEqual(["investor", "friend"]);
  });

  it("reads the legacy layout with Given Name, Group Membership and Organization 1", async () => {
    const text = [
      "Name,Given Name,Additional Name,Family Name,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Type,Organization 1 - Name,Organization 1 - Title,Website 1 - Type,Website 1 - Value",
      "Ada Lovelace,Ada,King,Lovelace,Poet's daughter,* My Contacts ::: Mentors ::: Chess,* Home,ada@example.org ::: ada@work.example,Mobile,+44 20 5550 0100,,Analytical Engines,Mathematician,LinkedIn,https://lnkd.example/ada",
      "Full Name Only,,,,,* Starred,,,,,,,,,",
    ].join("\r\n");
    const { layout, rows } = await read(text);
    expect(layout).toBe("google");
    expect(rows[0]).toEqual({
      line: 2,
      person: {
        name: "Ada King Lovelace",
        emails: ["ada@example.org", "ada@work.example"],
        phones: ["+44 20 5550 0100"],
        profileUrl: "https://lnkd.example/ada",
        title: "Mathematician",
        categories: ["mentor"],
        tags: ["chess"],
        notes: "Poet's daughter",
      },
      company: "Analytical Engines",
    });
    expect(rows[1]).toEqual({ line: 3, person: { name: "Full Name Only" }, company: null });
  });
});

describe("the Outlook export", () => {
  it("reads 3 people with their categories and puts Tom and Raj on the lists", async () => {
    const { layout, rows } = await read(sample("outlook-contacts.csv"));
    expect(layout).toBe("outlook");
    expect(rows.map((r) => r.person?.name)).toEqual(["Tom O'Brien", "Lena Fischer", "Raj Patel"]);
    expect(rows.map((r) => r.person?.categories)).toEqual([
      ["former_colleague"],
      ["client"],
      ["friend"],
    ]);
    expect(rows.map((r) => r.lists)).toEqual([
      ["next_contact"],
      undefined,
      ["immediate_follow_up"],
    ]);
    expect(byName(rows, "Lena Fischer")).toEqual({
      line: 3,
      person: {
        name: "Lena Fischer",
        emails: ["lena@fabrikam.example", "lena.f@example.org"],
        title: "Head of People",
        categories: ["client"],
      },
      company: "Fabrikam, Inc.",
    });
    expect(byName(rows, "Raj Patel").person).not.toHaveProperty("profileUrl");
  });

  const english =
    "Title,First Name,Middle Name,Last Name,Company,Job Title,Business Phone,Mobile Phone,E-mail Address,E-mail 2 Address,Categories,Notes,Web Page";
  const german =
    "Anrede,Vorname,Weitere Vornamen,Nachname,Firma,Position,Telefon geschäftlich,Mobiltelefon,E-Mail-Adresse,E-Mail 2: Adresse,Kategorien,Notizen,Webseite";
  // French Outlook writes the salutation and the job title both as "Titre", and pads some headers with a space.
  const french =
    "Titre,Prénom,Deuxième prénom,Nom,Société ,Titre,Téléphone (bureau),Tél. mobile,Adresse de messagerie,Adresse de messagerie 2,Catégories,Notes,Page Web";
  const row =
    'Dr.,Klaus,M.,Müller,Contoso GmbH,CTO,+49 30 5550 100,+49 170 5550 100,klaus@contoso.example,k.m@example.org,"Kunden;Immediate Follow-up;Golf",Met in Berlin,https://www.linkedin.com/in/klaus-mueller';

  it("reads German and French header lines the same as the English one", async () => {
    const expected: ContactRow = {
      line: 2,
      person: {
        name: "Klaus M. Müller",
        emails: ["klaus@contoso.example", "k.m@example.org"],
        phones: ["+49 30 5550 100", "+49 170 5550 100"],
        profileUrl: "https://www.linkedin.com/in/klaus-mueller",
        title: "CTO",
        categories: ["client"],
        tags: ["golf"],
        notes: "Met in Berlin",
      },
      company: "Contoso GmbH",
      lists: ["immediate_follow_up"],
    };
    for (const header of [english, german, french]) {
      const { layout, rows } = await read(`${header}\r\n${row}\r\n`);
      expect(layout, header).toBe("outlook");
      expect(rows, header).toEqual([expected]);
    }
  });

  it("maps the headers of Outlook.com's export by name", async () => {
    const header =
      "First Name,Middle Name,Last Name,Title,Suffix,Nickname,E-mail Address,E-mail 2 Address,E-mail 3 Address,Home Phone,Business Phone,Mobile Phone,Job Title,Department,Company,Personal Web Page,Web Page,Notes";
    const { layout, rows } = await read(
      `${header}\nSam,,Lee,,,,sam@example.org,,/o=ExchangeLabs/ou=Exchange/cn=Recipients/cn=sam,,,+1 555 0100,Chef,,Bistro,,,\n`,
    );
    expect(layout).toBe("outlook");
    expect(rows).toEqual([
      {
        line: 2,
        person: {
          name: "Sam Lee",
          emails: ["sam@example.org"],
          phones: ["+1 555 0100"],
          title: "Chef",
        },
        company: "Bistro",
      },
    ]);
  });

  it("finds each field's columns in an English, German and French header", () => {
    expect(outlookColumns(english.split(",")).get("emails")).toEqual([8, 9]);
    expect(outlookColumns(german.split(",")).get("phones")).toEqual([6, 7]);
    expect(outlookColumns(french.split(",")).get("jobTitle")).toEqual([0, 5]);
    expect(outlookColumns(french.split(",")).get("company")).toEqual([4]);
  });
});

describe("vCards", () => {
  it("reads 2 people and rejects the card the file ends inside at its BEGIN line", async () => {
    const { layout, rows } = await read(sample("contacts.vcf"));
    expect(layout).toBe("vcard");
    expect(readable(rows).map((r) => r.person?.name)).toEqual(["Priya Raman", "Marta Lindqvist"]);
    expect(rows.filter((r) => r.outcome !== undefined)).toEqual([
      { line: 26, outcome: "rejected", reason: expect.stringMatching(/END:VCARD/) },
    ]);
  });

  it("takes the LinkedIn URL from Apple's item1.URL, the note's newline and the first ORG component", async () => {
    const { rows } = await read(sample("contacts.vcf"));
    expect(rows[0]).toEqual({
      line: 1,
      person: {
        name: "Priya Raman",
        emails: ["priya.raman@example.com"],
        phones: ["+1 480 555 0101"],
        profileUrl: "https://www.linkedin.com/in/priya-raman",
        title: "IT Manager",
        categories: ["client"],
        tags: ["running club"],
        notes: "Met at the 2023 chamber mixer.\nLoves trail running.",
      },
      company: "Northwind Traders",
    });
    expect(rows[1]).toMatchObject({
      line: 16,
      person: {
        profileUrl: "https://www.linkedin.com/in/marta-lindqvist",
        categories: ["investor"],
      },
    });
  });

  it("unfolds lines, unescapes text and reads parameters in any case", async () => {
    const text = [
      "BEGIN:VCARD",
      "VERSION:4.0",
      "N:Okafor;Amara;;;",
      "ORG:Northwind\\, Traders;Engineering",
      "TITLE:Director of",
      "  Engineering",
      "EMAIL;type=work;PREF=1:amara@northwind.example",
      'TEL;VALUE=uri;TYPE="cell,voice":tel:+1-480-555-0150',
      "item3.URL:https://lnkd.example/amara",
      "item3.X-ABLabel:LinkedIn",
      "CATEGORIES:Former colleagues,Book club\\, Tuesdays",
      "NOTE:Line one\\nLine two\\; with \\\\ backslash",
      "END:VCARD",
      "",
      "BEGIN:VCARD",
      "VERSION:3.0",
      "END:VCARD",
    ].join("\n");
    const { rows } = await read(text);
    expect(rows).toEqual([
      {
        line: 1,
        person: {
          name: "Amara Okafor",
          emails: ["amara@northwind.example"],
          phones: ["+1-480-555-0150"],
          profileUrl: "https://lnkd.example/amara",
          title: "Director of Engineering",
          categories: ["former_colleague"],
          tags: ["book club, tuesdays"],
          notes: "Line one\nLine two; with \\ backslash",
        },
        company: "Northwind, Traders",
      },
      { line: 15, outcome: "skipped", reason: "empty card" },
    ]);
  });

  it("reads the same cards whichever way the text is cut into chunks", async () => {
    const text = new TextDecoder().decode(sample("contacts.vcf"));
    const whole = await collect(vcardRows([text]));
    expect(whole).toHaveLength(3);
    for (let size = 1; size <= 7; size++) {
      const chunks: string[] = [];
      for (let at = 0; at < text.length; at += size) chunks.push(text.slice(at, at + size));
      expect(await collect(vcardRows(chunks)), `chunks of ${size}`).toEqual(whole);
    }
  });

  it("rejects a card followed by another BEGIN before its END, and keeps reading", async () => {
    const { rows } = await read(
      "BEGIN:VCARD\r\nFN:Lost\r\nBEGIN:VCARD\r\nFN:Found\r\nEND:VCARD\r\n",
      "vcard",
    );
    expect(rows).toEqual([
      { line: 1, outcome: "rejected", reason: expect.stringMatching(/END:VCARD/) },
      { line: 3, person: { name: "Found" }, company: null },
    ]);
  });
});

describe("labels and categories", () => {
  it("maps labels to categories in any case and number, drops Google's system labels and keeps the rest as tags", () => {
    expect(
      categoryNames([
        "* myContacts",
        "* Other Contacts",
        "* Starred",
        "Former colleague",
        "Clients",
        "INVESTORS",
        "friends",
        "Family",
        "former_employer",
        "Running Club",
        "Next Contact",
        "immediate follow-up",
        "",
      ]),
    ).toEqual({
      categories: ["former_colleague", "client", "investor", "friend", "family", "former_employer"],
      tags: ["running club"],
      lists: ["next_contact", "immediate_follow_up"],
    });
  });
});

describe("rows the model accepts", () => {
  it("gives every readable row of the sample files a person the model validates", async () => {
    for (const file of [
      "linkedin-connections.csv",
      "linkedin-connections-old-format.csv",
      "google-contacts.csv",
      "outlook-contacts.csv",
      "contacts.vcf",
    ]) {
      const { rows } = await read(createReadStream(`${SAMPLES}${file}`));
      for (const row of readable(rows))
        expect(() => personSpec.create(row.person!), `${file}:${row.line}`).not.toThrow();
    }
  });
});

describe("streaming", () => {
  it("reads a generated 100,000-row LinkedIn file from 64 KiB chunks", async () => {
    const ROWS = 100_000;
    const CHUNK = 64 * 1024;
    async function* file(): AsyncGenerator<Uint8Array> {
      const encoder = new TextEncoder();
      let pending =
        'Notes:\r\n"Some e-mail addresses may be missing."\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n';
      let buffer = new Uint8Array(0);
      for (let i = 0; i <= ROWS; i++) {
        if (i < ROWS)
          pending += `Person,Nümber ${i},https://www.linkedin.com/in/person-${i},p${i}@example.org,"Company ${i % 500}, Inc.",Engineer,15 Mar 2024\r\n`;
        if (pending.length < CHUNK && i < ROWS) continue;
        const bytes = encoder.encode(pending);
        pending = "";
        const joined = new Uint8Array(buffer.length + bytes.length);
        joined.set(buffer);
        joined.set(bytes, buffer.length);
        for (buffer = joined; buffer.length >= CHUNK; buffer = buffer.subarray(CHUNK))
          yield buffer.slice(0, CHUNK);
      }
      if (buffer.length > 0) yield buffer;
    }
    const started = Date.now();
    const { layout, rows } = await readContacts(file(), "auto");
    let count = 0;
    let last: ContactRow | undefined;
    for await (const row of rows) {
      if (row.outcome !== undefined) throw new Error(`line ${row.line}: ${row.reason}`);
      count++;
      last = row;
    }
    expect(layout).toBe("linkedin");
    expect(count).toBe(ROWS);
    expect(last).toEqual({
      line: ROWS + 4,
      person: {
        name: `Person Nümber ${ROWS - 1}`,
        emails: [`p${ROWS - 1}@example.org`],
        profileUrl: `https://www.linkedin.com/in/person-${ROWS - 1}`,
        title: "Engineer",
      },
      company: `Company ${(ROWS - 1) % 500}, Inc.`,
      connectedOn: "2024-03-15",
    });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
