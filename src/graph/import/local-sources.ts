/**
 * Files on disk as sources an import reads (the mail and calendar imports): a file, or the
 * files under a folder that an import keeps, in name order, hidden ones skipped.
 */
import { createReadStream, type Dirent, type Stats } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { badInput } from "../../errors.js";
import type { FileSource } from "./zip-entries.js";

/** A file on disk, opened afresh at each read. */
export const fileSource = (path: string, size: number): FileSource => ({
  name: path,
  size,
  open: async () => createReadStream(path),
});

/** What `path` is; BAD_USER_INPUT on `file` when there is nothing there. */
export const statOrMissing = (path: string): Promise<Stats> =>
  stat(path).catch((error: NodeJS.ErrnoException) => {
    throw error.code === "ENOENT" ? badInput("file", `no such file or folder: ${path}`) : error;
  });

/**
 * The files under `dir` (searched through, in name order, hidden ones skipped) that `keep`
 * takes, given the entry, its path and its size, as sources.
 */
export async function sourcesUnder(
  dir: string,
  keep: (entry: Dirent, path: string, size: number) => boolean | Promise<boolean>,
  out: FileSource[] = [],
): Promise<FileSource[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await sourcesUnder(path, keep, out);
    else {
      // A link to a file counts as the file; links to folders are not followed (no loops).
      const info = await stat(path).catch(() => null);
      if (info?.isFile() && (await keep(entry, path, info.size)))
        out.push(fileSource(path, info.size));
    }
  }
  return out;
}
