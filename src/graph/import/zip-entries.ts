/**
 * The entries of a ZIP archive (a Google Takeout download) whose names match, each as a fresh
 * stream: the mail import takes its `.mbox` entries, the calendar import its `.ics` ones. The
 * archive is read from the file, not held in memory, and its entries inflated as streams; the
 * entry count is capped, and yauzl checks each entry's real size against the declared one.
 */
import { open } from "node:fs/promises";
import type { Readable } from "node:stream";
import type yauzl from "yauzl";
import { badInput } from "../../errors.js";
import { ZIP_DEFAULTS } from "./zip-contact-file.js";

/** One file to read: its name for messages, its size, and a fresh stream of its bytes. */
export interface FileSource {
  name: string;
  size: number;
  open(): Promise<Readable>;
}

export interface FileSources {
  sources: FileSource[];
  close(): void;
}

/** At most this many entries in a ZIP archive, as for contact files (a Takeout export has a handful). */
const MAX_ZIP_ENTRIES = ZIP_DEFAULTS.maxEntries;

/** The first `n` bytes of a file (fewer when it is shorter). */
export async function firstBytes(path: string, n: number): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buffer, 0, n, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Whether bytes start as a ZIP archive does (a local file header). */
export const isZip = (head: Buffer) => head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;

/**
 * The entries of the ZIP archive at `path` whose names end in `extension` (".mbox"), in archive
 * order; BAD_USER_INPUT on `file` for an archive that is damaged, too large, encrypted, or holds
 * none (`hint` says what to do then). Close the archive when done.
 */
export async function zipEntries(
  path: string,
  extension: string,
  hint: string,
): Promise<FileSources> {
  // Loaded here, not at the top: every command imports src/graph, few read a ZIP.
  const zipReader = (await import("yauzl")).default;
  let zip: yauzl.ZipFile;
  try {
    zip = await zipReader.openPromise(path, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch (error) {
    throw badInput("file", `${path} cannot be read as a ZIP archive: ${(error as Error).message}`);
  }
  const close = () => zip.close();
  if (zip.entryCount > MAX_ZIP_ENTRIES) {
    close();
    throw badInput(
      "file",
      `the ZIP archive has ${zip.entryCount} entries, more than the ${MAX_ZIP_ENTRIES} read; unzip it and import its ${extension} files`,
    );
  }
  const sources: FileSource[] = [];
  const names: string[] = [];
  const wanted = extension.toLowerCase();
  try {
    for await (const entry of zip.eachEntry()) {
      names.push(entry.fileName);
      if (!entry.fileName.toLowerCase().endsWith(wanted)) continue;
      if (entry.isEncrypted())
        throw badInput("file", `${entry.fileName} is encrypted in the ZIP archive; unzip it first`);
      sources.push({
        name: `${path}:${entry.fileName}`,
        size: entry.uncompressedSize,
        open: () => zip.openReadStreamPromise(entry),
      });
    }
  } catch (error) {
    close();
    throw error instanceof Error && "code" in error
      ? error
      : badInput("file", `the ZIP archive is damaged: ${(error as Error).message}`);
  }
  if (sources.length === 0) {
    close();
    throw badInput(
      "file",
      `the ZIP archive holds no ${extension} file (it has ${names.slice(0, 5).join(", ")}${names.length > 5 ? ", ..." : ""}); ${hint}`,
    );
  }
  return { sources, close };
}
