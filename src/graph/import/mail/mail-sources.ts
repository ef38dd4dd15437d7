/**
 * The mbox files a path names: a file, a folder of them (searched through,
 * Thunderbird's extension-less files included: any file that starts with an
 * mbox "From " line), an Apple Mail `.mbox` package (a folder holding a file
 * named `mbox`), or a ZIP archive such as Google Takeout (its `.mbox`
 * entries, read as zip-entries.ts says).
 */
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { badInput } from "../../../errors.js";
import {
  firstBytes,
  isZip,
  zipEntries,
  type FileSource,
  type FileSources,
} from "../zip-entries.js";

/** One mbox to read: its name for messages, its size for progress, and a fresh stream of its bytes. */
export type MailSource = FileSource;

export type MailSources = FileSources;

const isMbox = (head: Buffer) => head.toString("latin1", 0, 5) === "From ";

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
  if (isZip(head))
    return zipEntries(
      path,
      ".mbox",
      "export Mail from Google Takeout, or unzip it and give the folder",
    );
  if (!isMbox(head))
    throw badInput(
      "file",
      `${path} is not an mbox file (it does not start with a "From " line); export the mailbox as mbox, or give a Takeout ZIP or a folder`,
    );
  return { sources: [fileSource(path, info.size)], close: none };
}
