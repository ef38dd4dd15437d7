import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ContactRow } from "../../../src/graph/import/contact-row.js";
import { readContacts } from "../../../src/graph/import/read-contacts.js";
import { vcardRows } from "../../../src/graph/import/vcard-layout.js";
import { bytesInCharset, quotedPrintableBytes } from "../../../src/graph/import/vcard-value.js";
import { collect } from "../../support/import-samples.js";

/** Cards as a phone and old Outlook write them: 2.1, quoted-printable in UTF-8 and ISO-8859-1, base64 photos, a stray line. */
const PHONE = readFileSync(new URL("../../fixtures/imports/vcard21-phone.vcf", import.meta.url));

const readPhone = async (): Promise<ContactRow[]> => {
  const { layout, rows } = await readContacts(PHONE, "auto");
  expect(layout).toBe("vcard");
  return collect(rows);
};

describe("vCard 2.1", () => {
  it("decodes quoted-printable UTF-8 names, and joins soft line breaks in a note", async () => {
    const [jurgen] = await readPhone();
    expect(jurgen).toEqual({
      line: 1,
      person: {
        name: "Jürgen Müller",
        emails: ["j.mueller@example.de"],
        phones: ["+49 170 5550100"],
        notes:
          "Kennt die Geschäftsführung seit 2015, spielt gern Golf am Wochenende.\nZweite Zeile mit äöü.",
      },
      company: "Straßenbau Köln",
    });
  });

  it("decodes ISO-8859-1 and Windows-1252, with the encoding named as a bare parameter too, and skips a base64 photo's own lines", async () => {
    const zoe = (await readPhone())[1]!;
    expect(zoe).toEqual({
      line: 15,
      person: {
        name: "Zoë Brüning €",
        title: "Geschäftsführerin",
        categories: ["former_colleague"],
      },
      company: null,
    });
  });

  it("gives a line outside any card an outcome with its line number, and warns of a line inside a card that is not a property", async () => {
    const rows = await readPhone();
    expect(rows[2]).toEqual({
      line: 26,
      outcome: "rejected",
      reason:
        'a line outside any card (before BEGIN:VCARD or after END:VCARD): "stray text between cards"',
    });
    expect(rows[3]).toEqual({
      line: 27,
      person: { name: "Plain Person", notes: "Über base64" },
      company: null,
      warnings: [
        {
          field: "vcard",
          reason: 'line 32 is not a vCard property and was left out: "this line is not a property"',
        },
      ],
    });
    expect(rows).toHaveLength(4);
  });

  it("reads the same cards however the text is cut into chunks", async () => {
    const text = PHONE.toString("latin1");
    const whole = await collect(vcardRows([text]));
    for (const size of [1, 2, 3, 5, 64]) {
      const chunks: string[] = [];
      for (let at = 0; at < text.length; at += size) chunks.push(text.slice(at, at + size));
      expect(await collect(vcardRows(chunks)), `chunks of ${size}`).toEqual(whole);
    }
  });

  it("joins a soft line break that falls inside an =XX sequence's line, and ends at an END right after one", async () => {
    const text =
      "BEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=QUOTED-PRINTABLE;CHARSET=utf-8:J=C3=\n=BCrgen\nEND:VCARD\nBEGIN:VCARD\nFN:Next\nEND:VCARD\n";
    expect((await collect(vcardRows([text]))).map((r) => [r.line, r.person?.name])).toEqual([
      [1, "Jürgen"],
      [6, "Next"],
    ]);
  });

  it("warns when a card names a charset it cannot read, and reads UTF-8 then", async () => {
    const rows = await collect(
      vcardRows([
        "BEGIN:VCARD\r\nFN;CHARSET=x-klingon;ENCODING=QUOTED-PRINTABLE:Zo=C3=AB\r\nEND:VCARD\r\n",
      ]),
    );
    expect(rows[0]).toMatchObject({
      person: { name: "Zoë" },
      warnings: [{ field: "name", reason: expect.stringMatching(/unknown CHARSET=x-klingon/) }],
    });
  });

  it("decodes quoted-printable bytes and charsets on their own", () => {
    expect(Buffer.from(quotedPrintableBytes("a=3Db=C3=BC=\u00e9")).toString("hex")).toBe(
      "613d62c3bc3dc3a9",
    );
    expect(bytesInCharset(Uint8Array.from([0x4d, 0xfc, 0x80]), "iso-8859-1")).toEqual({
      text: "Mü€",
      warning: null,
    });
    expect(bytesInCharset(Uint8Array.from([0xc3, 0xbc]), undefined)).toEqual({
      text: "ü",
      warning: null,
    });
    expect(bytesInCharset(Uint8Array.from([0xfc]), "utf-8")).toEqual({ text: "ü", warning: null });
  });
});
