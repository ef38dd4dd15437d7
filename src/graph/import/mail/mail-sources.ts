/**
 * The mbox files a path names: a file, a folder of them (searched through,
 * Thunderbird's extension-less files included: any file that starts with an
 * mbox "From " line), an Apple Mail `.mbox` package (a folder holding a file
 * named `mbox`), or a ZIP archive such as Google Takeout (its `.mbox`
 * entries). A ZIP is read from the file, not held in memory, and its entries
 * inflated as streams; the entry count is capped, and yauzl checks each
 * entry's real size against the declared one.
 */
import { createReadStream } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import type yauzl from "yauzl";
import { badInput } from "../../../errors.js";
import { ZIP_DEFAULTS } from "../zip-contact-file.js";

/** One mbox to read: its name for messages, its size for progress, and a fresh stream of its bytes. */
export interface MailSource {
  name: string;
  size: number;
  open(): Promise<Readable>;
}

export interface MailSources {
  sources: MailSource[];
  close(): void;
}

/** At most this many entries in a ZIP archive, as for contact files (Takeout's mail export has a handful). */
const MAX_ZIP_ENTRIES = ZIP_DEFAULTS.maxEntries;

async function firstBytes(path: string, n: number): Promise<Buffer> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buffer, 0, n, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const isMbox = (head: Buffer) => head.toString("latin1", 0, 5) === "From ";
const isZip = (head: Buffer) => head.length >= 4 && head.readUInt32LE(0) === 0x04034b50;

const fileSource = (path: string, size: number): MailSource => ({
  name: path,
  size,
  open: async () => createReadStream(path),
});

/** Every mbox under a folder, in name order; hidden files and Thunderbird's .msf indexes are skipped. */
async function folderSources(dir: string, out: MailSource[]): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name.endsWith(".msf")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await folderSources(path, out);
    else if (entry.isFile()) {
      const info = await stat(path);
      if (info.size > 0 && isMbox(await firstBytes(path, 5))) out.push(fileSource(path, info.size));
    }
  }
}

async function zipSources(path: string): Promise<MailSources> {
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
      `the ZIP archive has ${zip.entryCount} entries, more than the ${MAX_ZIP_ENTRIES} read; unzip it and import its .mbox files`,
    );
  }
  const sources: MailSource[] = [];
  const names: string[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      names.push(entry.fileName);
      if (!/\.mbox$/i.test(entry.fileName) || entry.fileName.endsWith("/")) continue;
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
      `the ZIP archive holds no .mbox file (it has ${names.slice(0, 5).join(", ")}${names.length > 5 ? ", ..." : ""}); export Mail from Google Takeout, or unzip it and give the folder`,
    );
  }
  return { sources, close };
}

/** The mbox files `path` names; BAD_USER_INPUT on `file` for a missing path or a file that is no mbox or ZIP. */
export async function mailSources(path: string): Promise<MailSources> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw error.code === "ENOENT" ? badInput("file", `no such file or folder: ${path}`) : error;
  });
  const none = () => undefined;
  if (info.isDirectory()) {
    const sources: MailSource[] = [];
    await folderSources(path, sources);
    return { sources, close: none };
  }
  if (!info.isFile()) throw badInput("file", `not a file or folder: ${path}`);
  if (info.size === 0) return { sources: [], close: none };
  const head = await firstBytes(path, 5);
  if (isZip(head)) return zipSources(path);
  if (!isMbox(head))
    throw badInput(
      "file",
      `${path} is not an mbox file (it does not start with a "From " line); export the mailbox as mbox, or give a Takeout ZIP or a folder`,
    );
  return { sources: [fileSource(path, info.size)], close: none };
}
