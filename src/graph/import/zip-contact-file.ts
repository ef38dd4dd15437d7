/**
 * The contact file inside a ZIP archive: LinkedIn's data export is downloaded
 * as a ZIP holding `Connections.csv` (at the top or in a folder) beside other
 * CSVs, which are ignored. Read with yauzl, which works from the central
 * directory (the authoritative list of entries, so data descriptors and the
 * order of entries do not matter) and checks each entry's real size against
 * the declared one. Against zip bombs, the archive, the entry count and the
 * uncompressed size of the one entry read are capped; the entry is inflated
 * as a stream, so only the archive itself is held in memory.
 *
 * A ZIP with no contact file is named plainly: an Excel workbook (.xlsx is a
 * ZIP with `xl/` entries), another Office or OpenDocument file, or an archive
 * whose files are listed.
 */
import type { Readable } from "node:stream";
import type yauzl from "yauzl";
import { badInput, ErrorCode, WarmpathError } from "../../errors.js";

/** Caps on what a ZIP may make the importer hold or inflate, in bytes and entries. */
export interface ZipLimits {
  maxArchiveBytes: number;
  maxEntryBytes: number;
  maxEntries: number;
}

/** The default caps: LinkedIn's full export is some MB; its Connections.csv a few hundred KB per 1,000 connections. */
export const ZIP_DEFAULTS: Readonly<ZipLimits> = Object.freeze({
  /** The archive is held whole (the central directory is at its end). */
  maxArchiveBytes: 200 * 1024 * 1024,
  /** The uncompressed size of the contact file read from it. */
  maxEntryBytes: 200 * 1024 * 1024,
  maxEntries: 10_000,
});

/** The contact file's name in LinkedIn's export, in any folder and any case. */
const CONTACT_FILE = /(^|\/)connections\.csv$/i;
const LISTED_NAMES = 8;
const MB = 1024 * 1024;

const tooLarge = (message: string, limit: string, max: number): WarmpathError =>
  new WarmpathError(ErrorCode.PAYLOAD_TOO_LARGE, `file: ${message}`, { field: "file", limit, max });

/** The archive's bytes, refused past the cap before they are all read. */
async function archiveBytes(
  source: AsyncIterable<Uint8Array> | Uint8Array,
  max: number,
): Promise<Buffer> {
  if (source instanceof Uint8Array) {
    if (source.length > max)
      throw tooLarge(
        `the ZIP archive is larger than ${max / MB} MB; unzip it and import Connections.csv`,
        "maxArchiveBytes",
        max,
      );
    return Buffer.from(source.buffer, source.byteOffset, source.length);
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += chunk.length;
    if (size > max)
      throw tooLarge(
        `the ZIP archive is larger than ${max / MB} MB; unzip it and import Connections.csv`,
        "maxArchiveBytes",
        max,
      );
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/** What an archive without a contact file is, and how to go on. */
function noContactFile(names: readonly string[]): WarmpathError {
  const has = (prefix: string) => names.some((n) => n.startsWith(prefix));
  if (has("xl/"))
    return badInput(
      "format",
      "this is an Excel workbook (.xlsx), not a contact file; open it in Excel, save it as CSV UTF-8 (comma delimited), and import that",
    );
  if (has("word/") || has("ppt/"))
    return badInput(
      "format",
      "this is a Word or PowerPoint file, not a contact file; import a CSV (LinkedIn, Google, Outlook) or a vCard (.vcf)",
    );
  if (names.includes("mimetype") && names.includes("content.xml")) {
    return badInput(
      "format",
      "this is an OpenDocument file (LibreOffice, Numbers), not a contact file; save the sheet as CSV (UTF-8), and import that",
    );
  }
  const files = names.filter((n) => !n.endsWith("/"));
  const listed =
    files.slice(0, LISTED_NAMES).join(", ") +
    (files.length > LISTED_NAMES ? `, and ${files.length - LISTED_NAMES} more` : "");
  return badInput(
    "format",
    `this is a ZIP archive without a Connections.csv (LinkedIn's contact file) in it (${files.length === 0 ? "it is empty" : `it holds ${listed}`}); unzip it and import the contact file inside (a .csv or .vcf)`,
  );
}

/** The entry's bytes as they are inflated, stopped past the cap (yauzl also stops when they exceed the declared size). */
async function* counted(stream: Readable, max: number, name: string): AsyncGenerator<Uint8Array> {
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > max)
        throw tooLarge(
          `${name} inflates to more than ${max / MB} MB; unzip the archive and import it directly if it is really that large`,
          "maxEntryBytes",
          max,
        );
      yield chunk;
    }
  } catch (error) {
    if (error instanceof WarmpathError) throw error;
    // yauzl stops an entry that inflates past its declared size ("too many bytes in the stream"), or fails its CRC.
    throw badInput("file", `the ZIP archive is damaged or forged: ${(error as Error).message}`);
  } finally {
    stream.destroy();
  }
}

/**
 * The bytes of the contact file inside a ZIP archive, and its name; throws
 * BAD_USER_INPUT on "format" when there is none (saying what the file is),
 * on "file" when the archive is damaged or encrypted, PAYLOAD_TOO_LARGE on
 * "file" past a cap.
 */
export async function contactFileInZip(
  source: AsyncIterable<Uint8Array> | Uint8Array,
  limits: Partial<ZipLimits> = {},
): Promise<{ name: string; bytes: AsyncIterable<Uint8Array> }> {
  const max = { ...ZIP_DEFAULTS, ...limits };
  const buffer = await archiveBytes(source, max.maxArchiveBytes);
  // Loaded here, not at the top: every command imports src/graph, few read a ZIP.
  const zipReader = (await import("yauzl")).default;
  let zip: yauzl.ZipFile;
  try {
    zip = await zipReader.fromBufferPromise(buffer, {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch (error) {
    throw badInput(
      "file",
      `this looks like a ZIP archive but cannot be read as one: ${(error as Error).message}`,
    );
  }
  if (zip.entryCount > max.maxEntries) {
    zip.close();
    throw tooLarge(
      `the ZIP archive has ${zip.entryCount} entries, more than the ${max.maxEntries} read; unzip it and import Connections.csv`,
      "maxEntries",
      max.maxEntries,
    );
  }
  const names: string[] = [];
  let found: yauzl.Entry | null = null;
  try {
    for await (const entry of zip.eachEntry()) {
      names.push(entry.fileName);
      if (found === null && CONTACT_FILE.test(entry.fileName)) found = entry;
    }
  } catch (error) {
    zip.close();
    throw badInput("file", `the ZIP archive is damaged: ${(error as Error).message}`);
  }
  if (found === null) {
    zip.close();
    throw noContactFile(names);
  }
  if (found.isEncrypted())
    throw badInput(
      "file",
      `${found.fileName} is encrypted in the ZIP archive; unzip it with its password and import it`,
    );
  if (found.uncompressedSize > max.maxEntryBytes) {
    throw tooLarge(
      `${found.fileName} is ${Math.ceil(found.uncompressedSize / MB)} MB uncompressed, more than ${max.maxEntryBytes / MB} MB`,
      "maxEntryBytes",
      max.maxEntryBytes,
    );
  }
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(found);
  } catch (error) {
    throw badInput(
      "file",
      `${found.fileName} cannot be read from the ZIP archive: ${(error as Error).message}`,
    );
  }
  return { name: found.fileName, bytes: counted(stream, max.maxEntryBytes, found.fileName) };
}
