import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ContactRow } from "../../../src/graph/import/contact-row.js";
import { createChunkDecoder, decodeStream } from "../../../src/graph/import/decode-stream.js";
import {
  detectEncoding,
  type TextEncodingName,
} from "../../../src/graph/import/detect-encoding.js";
import { readContacts } from "../../../src/graph/import/read-contacts.js";
import { collect, sample } from "../../support/import-samples.js";

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

const TEXT = "Name,Company\r\nJürgen Müller,Café Zoë\r\n王伟,深圳\r\nEmoji 🤝 Person,Ünïcødé\r\n";

/** The text in each encoding, as an exporter would write it (BOM or not). */
function encode(text: string, encoding: TextEncodingName, bom: boolean): Uint8Array {
  let body: Uint8Array;
  if (encoding === "utf-8") body = new TextEncoder().encode(text);
  else if (encoding === "windows-1252") body = Uint8Array.from(Buffer.from(text, "latin1"));
  else {
    body = Uint8Array.from(Buffer.from(text, "utf16le"));
    if (encoding === "utf-16be")
      for (let i = 0; i < body.length; i += 2) [body[i], body[i + 1]] = [body[i + 1]!, body[i]!];
  }
  if (!bom || encoding === "windows-1252") return body;
  const mark =
    encoding === "utf-8"
      ? [0xef, 0xbb, 0xbf]
      : encoding === "utf-16le"
        ? [0xff, 0xfe]
        : [0xfe, 0xff];
  return Uint8Array.from([...mark, ...body]);
}

async function decode(
  bytes: Uint8Array,
  chunkSize: number,
): Promise<{ encoding: TextEncodingName; text: string }> {
  const { encoding, text } = await decodeStream(chunksOf(bytes, chunkSize));
  return { encoding, text: (await collect(text)).join("") };
}

describe("detecting the encoding", () => {
  it("reads the byte-order marks of UTF-8, UTF-16LE and UTF-16BE", () => {
    expect(detectEncoding(encode(TEXT, "utf-8", true))).toBe("utf-8");
    expect(detectEncoding(encode(TEXT, "utf-16le", true))).toBe("utf-16le");
    expect(detectEncoding(encode(TEXT, "utf-16be", true))).toBe("utf-16be");
  });

  it("knows UTF-16 without a BOM by its NULs in every other byte", () => {
    expect(detectEncoding(encode(TEXT, "utf-16le", false))).toBe("utf-16le");
    expect(detectEncoding(encode(TEXT, "utf-16be", false))).toBe("utf-16be");
  });

  it("takes valid UTF-8 without a BOM for UTF-8, even with a character cut off at the end of the sample", () => {
    const bytes = new TextEncoder().encode("Name\r\nJürgen");
    expect(detectEncoding(bytes)).toBe("utf-8");
    expect(detectEncoding(bytes.subarray(0, bytes.indexOf(0xc3) + 1))).toBe("utf-8");
  });

  it("takes bytes that are not UTF-8 for Windows-1252 (Müller written 0xFC)", () => {
    expect(detectEncoding(Uint8Array.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]))).toBe(
      "windows-1252",
    );
  });

  it("calls an empty file UTF-8", () => {
    expect(detectEncoding(new Uint8Array(0))).toBe("utf-8");
  });
});

describe("decoding in chunks", () => {
  const cases: [TextEncodingName, boolean][] = [
    ["utf-8", true],
    ["utf-8", false],
    ["utf-16le", true],
    ["utf-16le", false],
    ["utf-16be", true],
    ["utf-16be", false],
  ];
  for (const [encoding, bom] of cases) {
    it(`decodes ${encoding} ${bom ? "with" : "without"} a BOM whatever the chunk size, dropping the BOM`, async () => {
      const bytes = encode(TEXT, encoding, bom);
      for (const size of [1, 2, 3, 5, 7, 64 * 1024]) {
        expect(await decode(bytes, size), `chunks of ${size}`).toEqual({ encoding, text: TEXT });
      }
    });
  }

  it("keeps a multi-byte character split across chunks at every possible cut, in each encoding", () => {
    for (const encoding of ["utf-8", "utf-16le", "utf-16be"] as const) {
      const bytes = encode("a€b🤝c", encoding, false);
      for (let cut = 1; cut < bytes.length; cut++) {
        const decoder = createChunkDecoder(encoding);
        const text =
          decoder.write(bytes.slice(0, cut)) + decoder.write(bytes.slice(cut)) + decoder.end();
        expect(text, `${encoding} cut at ${cut}`).toBe("a€b🤝c");
      }
    }
  });

  it("keeps a character split across chunks after the first 64 KiB of a stream", async () => {
    const prefix = "x".repeat(64 * 1024);
    const bytes = new TextEncoder().encode(`${prefix}Zoë 🤝 王`);
    for (let size = 64 * 1024 + 1; size <= 64 * 1024 + 12; size++) {
      expect((await decode(bytes, size)).text, `chunks of ${size}`).toBe(`${prefix}Zoë 🤝 王`);
    }
  });

  it("decodes Windows-1252, including the characters of 0x80-0x9F that Latin-1 lacks", async () => {
    const bytes = Uint8Array.from([
      0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x80, 0x20, 0x93, 0x71, 0x94, 0x20, 0x96, 0x20,
      0x9c,
    ]);
    expect(await decode(bytes, 3)).toEqual({ encoding: "windows-1252", text: "Müller € “q” – œ" });
  });

  it("turns to Windows-1252 at an invalid byte found after 64 KiB of ASCII", async () => {
    const ascii = "x".repeat(70 * 1024);
    const bytes = Uint8Array.from([
      ...new TextEncoder().encode(ascii),
      0x4d,
      0xfc,
      0x6c,
      0x6c,
      0x65,
      0x72,
    ]);
    const { encoding, text } = await decode(bytes, 16 * 1024 + 1);
    expect(encoding).toBe("utf-8");
    expect(text).toBe(`${ascii}Müller`);
  });

  it("keeps a Windows-1252 byte that ends an ASCII chunk when it turns to Windows-1252", () => {
    const decoder = createChunkDecoder("utf-8");
    // 0xC3 could start a UTF-8 character, so the decoder holds it until the next chunk shows it does not.
    expect(decoder.write(new TextEncoder().encode("ab"))).toBe("ab");
    expect(decoder.write(Uint8Array.from([0x43, 0xc3]))).toBe("C");
    expect(decoder.write(Uint8Array.from([0x20, 0x64]))).toBe("Ã d");
    expect(decoder.encoding).toBe("windows-1252");
    expect(decoder.end()).toBe("");
  });

  it("replaces an invalid byte in a UTF-8 file that already had UTF-8 text, without turning to Windows-1252", () => {
    const decoder = createChunkDecoder("utf-8");
    expect(decoder.write(new TextEncoder().encode("Zoë "))).toBe("Zoë ");
    expect(decoder.write(Uint8Array.from([0x61, 0xfc, 0x62]))).toBe("a\ufffdb");
    expect(decoder.encoding).toBe("utf-8");
  });

  it("decodes any text in any chunking to the same string (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "grapheme", maxLength: 60 }).filter((s) => !s.includes("\0")),
        // UTF-16 without a BOM is only told apart by mostly-Latin text; the tests above cover it.
        fc.constantFrom<[TextEncodingName, boolean]>(
          ["utf-8", true],
          ["utf-8", false],
          ["utf-16le", true],
          ["utf-16be", true],
        ),
        fc.integer({ min: 1, max: 9 }),
        async (body, [encoding, bom], size) => {
          const text = `Name,${body}`;
          expect(await decode(encode(text, encoding, bom), size)).toEqual({ encoding, text });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("reading files in each encoding", () => {
  it("reads the UTF-16 Outlook file exactly as the UTF-8 one", async () => {
    const read = async (file: string): Promise<ContactRow[]> =>
      collect((await readContacts(sample(file), "outlook")).rows);
    const utf16 = await read("outlook-contacts-utf16.csv");
    expect(utf16).toHaveLength(3);
    expect(utf16).toEqual(await read("outlook-contacts.csv"));
  });

  it("reads one Outlook file alike in every encoding, with or without BOM, from small chunks", async () => {
    const text =
      "First Name,Last Name,Company,E-mail Address,Categories\r\nJürgen,Müller,Café Zoë,j@example.org,Friends\r\n";
    const expected: ContactRow[] = [
      {
        line: 2,
        person: { name: "Jürgen Müller", emails: ["j@example.org"], categories: ["friend"] },
        company: "Café Zoë",
      },
    ];
    for (const encoding of ["utf-8", "utf-16le", "utf-16be", "windows-1252"] as const) {
      for (const bom of [true, false]) {
        const { layout, rows } = await readContacts(
          chunksOf(encode(text, encoding, bom), 5),
          "auto",
        );
        expect(layout).toBe("outlook");
        expect(await collect(rows), `${encoding} ${bom ? "with" : "without"} BOM`).toEqual(
          expected,
        );
      }
    }
  });

  it("drops the BOM of a file given as text", async () => {
    const { layout, rows } = await readContacts(
      "\ufeffFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nAda,Lovelace,,,,,24 Jul 2023\n",
      "auto",
    );
    expect(layout).toBe("linkedin");
    expect((await collect(rows))[0]?.person?.name).toBe("Ada Lovelace");
  });

  it("reads a UTF-16 vCard", async () => {
    const { layout, rows } = await readContacts(
      encode("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Ørsted\r\nEND:VCARD\r\n", "utf-16le", true),
      "auto",
    );
    expect(layout).toBe("vcard");
    expect(await collect(rows)).toEqual([
      { line: 1, person: { name: "Zoë Ørsted" }, company: null },
    ]);
  });
});
