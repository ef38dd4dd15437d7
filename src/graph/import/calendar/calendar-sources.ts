/**
 * The calendars a path names: an `.ics` file, every `.ics` file under a folder (in name order),
 * or the `.ics` entries of a ZIP archive such as a Google Takeout download, read without
 * unzipping it (zip-entries.ts). Each is read whole, up to `MAX_CALENDAR_BYTES`: ical.js parses
 * a file at once, and a series' overrides may be anywhere in it.
 */
import { badInput, ErrorCode, WarmpathError } from "../../../errors.js";
import { fileSource, sourcesUnder, statOrMissing } from "../local-sources.js";
import {
  firstBytes,
  isZip,
  zipEntries,
  type FileSource,
  type FileSources,
} from "../zip-entries.js";

export const MAX_CALENDAR_BYTES = 100 * 1024 * 1024;

/** The calendars `path` names; BAD_USER_INPUT on `file` for a missing path or a bad archive. */
export async function calendarSources(path: string): Promise<FileSources> {
  const info = await statOrMissing(path);
  const none = () => undefined;
  if (info.isDirectory())
    return {
      sources: await sourcesUnder(path, (entry) => /\.ics$/i.test(entry.name)),
      close: none,
    };
  if (!info.isFile()) throw badInput("file", `not a file or folder: ${path}`);
  if (isZip(await firstBytes(path, 4)))
    return zipEntries(
      path,
      ".ics",
      "export Calendar from Google Takeout, or unzip it and give the folder",
    );
  return { sources: [fileSource(path, info.size)], close: none };
}

const tooLarge = (name: string) =>
  new WarmpathError(
    ErrorCode.PAYLOAD_TOO_LARGE,
    `file: ${name} is larger than ${MAX_CALENDAR_BYTES / 1024 / 1024} MB; export one calendar at a time`,
    { field: "file", limit: "maxCalendarBytes", max: MAX_CALENDAR_BYTES },
  );

/** A calendar's text; PAYLOAD_TOO_LARGE past `MAX_CALENDAR_BYTES`, counted as it is read. */
export async function calendarText(source: FileSource): Promise<string> {
  if (source.size > MAX_CALENDAR_BYTES) throw tooLarge(source.name);
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of await source.open()) {
    bytes += (chunk as Buffer).length;
    if (bytes > MAX_CALENDAR_BYTES) throw tooLarge(source.name);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
