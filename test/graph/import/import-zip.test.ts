import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCommand } from "../../../src/cli/import-command.js";
import { ErrorCode } from "../../../src/errors.js";
import { importContacts } from "../../../src/graph/import/import-contacts.js";
import { readContacts } from "../../../src/graph/import/read-contacts.js";
import { contactFileInZip } from "../../../src/graph/import/zip-contact-file.js";
import type { NetworkStore } from "../../../src/graph/store/network-store.js";
import { SqliteStore } from "../../../src/graph/store/sqlite/sqlite-store.js";
import { expectError } from "../../../src/testing.js";
import { collect } from "../../support/import-samples.js";
import { zipBytes } from "../../support/zip-writer.js";

const FIXTURES = new URL("../../fixtures/imports/", import.meta.url);
/** LinkedIn's export as downloaded, made with Info-ZIP: Connections.csv in a folder beside other CSVs. */
const EXPORT = readFileSync(new URL("linkedin-data-export.zip", FIXTURES));
/** The same archive with data descriptors after each entry (sizes unknown in the local headers, as Java's writer does). */
const EXPORT_DESCRIPTORS = readFileSync(new URL("linkedin-data-export-descriptors.zip", FIXTURES));
const NOW = new Date("2026-11-30T12:00:00Z");

async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.slice(at, at + size);
}

describe("LinkedIn's export as a ZIP archive", () => {
  it("reads Connections.csv from its folder and ignores the other CSVs, from one buffer or from chunks", async () => {
    for (const source of [EXPORT, chunks(EXPORT, 100), EXPORT_DESCRIPTORS]) {
      const { layout, rows } = await readContacts(source, "auto");
      expect(layout).toBe("linkedin");
      expect((await collect(rows)).map((r) => [r.line, r.person?.name, r.company])).toEqual([
        [5, "Jürgen Müller", "Contoso GmbH"],
        [6, "Ada Lovelace", "Analytical Engines"],
      ]);
    }
  });

  it("imports with the layout named linkedin", async () => {
    const store = new SqliteStore({ path: ":memory:" });
    await store.init();
    await store.ensureOwner("me", { name: "Me" });
    const report = await importContacts(store, "me", EXPORT, { layout: "linkedin", now: NOW });
    expect([report.layout, report.created, report.rejected]).toEqual(["linkedin", 2, 0]);
    await store.close();
  });

  it("says what a ZIP without a contact file holds, and how to go on", async () => {
    const error = await expectError(
      readContacts(readFileSync(new URL("not-contacts.zip", FIXTURES)), "auto"),
      ErrorCode.BAD_USER_INPUT,
      "format",
    );
    expect(error.message).toMatch(
      /ZIP archive without a Connections\.csv.*messages\.csv.*Profile\.csv.*unzip it/,
    );
  });

  it("says an .xlsx is an Excel workbook and to save it as CSV", async () => {
    const xlsx = zipBytes([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "_rels/.rels", data: "<Relationships/>" },
      { name: "xl/workbook.xml", data: "<workbook/>" },
      { name: "xl/worksheets/sheet1.xml", data: "<worksheet/>" },
    ]);
    const error = await expectError(readContacts(xlsx, "auto"), ErrorCode.BAD_USER_INPUT, "format");
    expect(error.message).toMatch(/Excel workbook.*save it as CSV UTF-8/);
  });

  it("says what an old .xls, a PDF and another binary file are", async () => {
    const xls = Uint8Array.from([
      0xd0,
      0xcf,
      0x11,
      0xe0,
      0xa1,
      0xb1,
      0x1a,
      0xe1,
      ...new Uint8Array(504),
    ]);
    expect(
      (await expectError(readContacts(xls, "auto"), ErrorCode.BAD_USER_INPUT, "format")).message,
    ).toMatch(/old Excel workbook \(\.xls\).*save it as CSV/);
    const pdf = new TextEncoder().encode("%PDF-1.7\n%\xe2\xe3\n1 0 obj\n");
    expect(
      (await expectError(readContacts(pdf, "linkedin"), ErrorCode.BAD_USER_INPUT, "format"))
        .message,
    ).toMatch(/PDF/);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(
      (await expectError(readContacts(png, "auto"), ErrorCode.BAD_USER_INPUT, "format")).message,
    ).toMatch(/PNG image/);
    const noise = Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256);
    expect(
      (await expectError(readContacts(noise, "auto"), ErrorCode.BAD_USER_INPUT, "format")).message,
    ).toMatch(/binary file/);
  });

  it("refuses an entry that inflates past the cap, checked on the bytes inflated as well as the size declared", async () => {
    const big =
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n" +
      "Ada,Lovelace,,,,,\r\n".repeat(60_000);
    const honest = zipBytes([{ name: "Connections.csv", data: big }]);
    const declared = await expectError(
      readContacts(honest, "auto", { zip: { maxEntryBytes: 1024 * 1024 } }),
      ErrorCode.PAYLOAD_TOO_LARGE,
      "file",
    );
    expect(declared.message).toMatch(/more than 1 MB/);
    // The header claims 100 bytes: the inflated stream is stopped all the same, and nothing past the cap is read.
    const lying = zipBytes([{ name: "Connections.csv", data: big, declaredSize: 100 }]);
    const forged = await expectError(
      readContacts(lying, "auto", { zip: { maxEntryBytes: 1024 * 1024 } }).then((read) =>
        collect(read.rows),
      ),
      ErrorCode.BAD_USER_INPUT,
      "file",
    );
    expect(forged.message).toMatch(/damaged or forged.*too many bytes/);
  });

  it("refuses an archive with too many entries or too many bytes", async () => {
    const many = zipBytes(
      Array.from({ length: 30 }, (_, i) => ({
        name: `f${i}.csv`,
        data: "a,b\r\n",
        method: 0 as const,
      })),
    );
    await expectError(
      contactFileInZip(many, { maxEntries: 20 }),
      ErrorCode.PAYLOAD_TOO_LARGE,
      "file",
    );
    await expectError(
      contactFileInZip(chunks(EXPORT, 256), { maxArchiveBytes: 1000 }),
      ErrorCode.PAYLOAD_TOO_LARGE,
      "file",
    );
  });

  it("refuses a damaged archive on the file", async () => {
    await expectError(
      readContacts(EXPORT.subarray(0, EXPORT.length - 30), "auto"),
      ErrorCode.BAD_USER_INPUT,
      "file",
    );
  });

  it("tells a ZIP sent as text, or as base64 text, to be unzipped or imported with the command line", async () => {
    const asText = (
      await expectError(
        readContacts(Buffer.from(EXPORT).toString("latin1"), "auto"),
        ErrorCode.BAD_USER_INPUT,
        "format",
      )
    ).message;
    expect(asText).toMatch(/ZIP archive.*warmpath import linkedin FILE\.zip/);
    const asBase64 = (
      await expectError(
        readContacts(Buffer.from(EXPORT).toString("base64"), "auto"),
        ErrorCode.BAD_USER_INPUT,
        "format",
      )
    ).message;
    expect(asBase64).toMatch(/ZIP archive in base64/);
  });
});

describe("warmpath import with a ZIP archive", () => {
  const dir = mkdtempSync(join(tmpdir(), "warmpath-zip-"));
  const file = join(dir, "Basic_LinkedInDataExport_11-30-2026.zip");
  let store: NetworkStore;
  beforeAll(() => writeFileSync(file, EXPORT));
  afterAll(async () => store?.close());

  /** Runs the import command in this process on a SQLite file, as the binary would. */
  async function cli(
    db: string,
    ...args: string[]
  ): Promise<{ code: number; stdout: string; stderr: string }> {
    const [stdout, stderr] = [new PassThrough(), new PassThrough()];
    const out: string[] = [];
    const err: string[] = [];
    stdout.on("data", (c: Buffer) => out.push(c.toString()));
    stderr.on("data", (c: Buffer) => err.push(c.toString()));
    const io = {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stderr: stderr as unknown as NodeJS.WriteStream,
      env: { WARMPATH_DB: db },
    };
    const code = await importCommand.run(args, io);
    return { code, stdout: out.join(""), stderr: err.join("") };
  }

  it("imports the archive as downloaded with linkedin and with auto", async () => {
    const db = join(dir, `${randomUUID()}.db`);
    const first = await cli(db, "linkedin", file, "--json");
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ created: 2, rejected: 0 });
    const again = await cli(db, "auto", file);
    expect(again.stdout).toMatch(
      /\(linkedin\): 0 created, 0 updated, 2 unchanged, 0 skipped, 0 rejected\.\n$/,
    );
    store = new SqliteStore({ path: db });
    expect((await store.findPeople("me", { name: "Jürgen Müller" })).length).toBe(1);
  });
});
