/**
 * The mbox files a path names: a file, a folder of them (searched through,
 * Thunderbird's extension-less files included: any file that starts with an
 * mbox "From " line), an Apple Mail `.mbox` package (a folder holding a file
 * named `mbox`), or a ZIP archive such as Google Takeout (its `.mbox`
 * entries, read as zip-entries.ts says).
 */
import type { Dirent } from "node:fs";
import { badInput } from "../../../errors.js";
import { fileSource, sourcesUnder, statOrMissing } from "../local-sources.js";
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

/** An mbox under a folder: Thunderbird's .msf indexes are not, nor empty files. */
const isMboxFile = async (entry: Dirent, path: string, size: number) =>
  !entry.name.endsWith(".msf") && size > 0 && isMbox(await firstBytes(path, 5));

/** The mbox files `path` names; BAD_USER_INPUT on `file` for a missing path or a file that is no mbox or ZIP. */
export async function mailSources(path: string): Promise<MailSources> {
  const info = await statOrMissing(path);
  const none = () => undefined;
  if (info.isDirectory()) return { sources: await sourcesUnder(path, isMboxFile), close: none };
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
