/**
 * Imports the meetings of iCalendar files (a file or a folder of `.ics`
 * files): each counted occurrence becomes an interaction of kind `meeting`,
 * direction `mutual`, with each other participant, keyed by the event's UID,
 * the occurrence and the attendee, so a re-import changes nothing. Meetings
 * make people and ties of those met (a meeting is two-way by nature). Only
 * ORGANIZER, ATTENDEE (with PARTSTAT and CUTYPE), DTSTART, STATUS, RRULE,
 * EXDATE and RECURRENCE-ID are read; the summary only with `keepSubjects`.
 * A calendar file is read whole (up to `MAX_CALENDAR_BYTES`): ical.js parses
 * a file at once, and a series' overrides may be anywhere in it.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { checkTextLimit } from "../text-limit.js";
import { badInput, ErrorCode, WarmpathError } from "../../../errors.js";
import type { NetworkStore } from "../../store/network-store.js";
import { checkOwnerId } from "../../store/record-ops.js";
import type { CorrespondenceCounts } from "../mail/correspondence.js";
import { isColleague, ownAddresses, type OwnAddresses } from "../mail/own-addresses.js";
import { CorrespondenceWriter } from "../mail/write-correspondence.js";
import { EVENT_SKIP_REASONS, readCalendar, type EventSkipReason } from "./read-calendar.js";

export const MAX_CALENDAR_BYTES = 100 * 1024 * 1024;

export interface CalendarImportOptions {
  me?: readonly string[];
  keepSubjects?: boolean;
  dryRun?: boolean;
  /** Occurrences after this have not happened and count nothing; default the current time. */
  now?: Date;
  maxAttendees?: number;
  batchSize?: number;
  /** Called after each file with the events read so far. */
  onProgress?: (events: number) => void;
}

export interface CalendarImportReport extends CorrespondenceCounts {
  dryRun: boolean;
  files: string[];
  events: number;
  /** Events with at least one occurrence that counts. */
  counted: number;
  /** Occurrences counted, over all events. */
  occurrences: number;
  skipped: Record<EventSkipReason, number>;
}

/** The .ics files a path names: the file, or every .ics file under the folder, in name order. */
async function calendarFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw error.code === "ENOENT" ? badInput("file", `no such file or folder: ${path}`) : error;
  });
  if (info.isFile()) return [path];
  if (!info.isDirectory()) throw badInput("file", `not a file or folder: ${path}`);
  const out: string[] = [];
  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) out.push(...(await calendarFiles(child)));
    else if (/\.ics$/i.test(entry.name)) out.push(child);
  }
  return out;
}

async function calendarText(file: string): Promise<string> {
  const info = await stat(file);
  if (info.size > MAX_CALENDAR_BYTES)
    throw new WarmpathError(
      ErrorCode.PAYLOAD_TOO_LARGE,
      `file: ${file} is larger than ${MAX_CALENDAR_BYTES / 1024 / 1024} MB; export one calendar at a time`,
      { field: "file", limit: "maxCalendarBytes", max: MAX_CALENDAR_BYTES },
    );
  return readFile(file, "utf8");
}

/** Imports calendar text (from a file or the API) into the writer, counting its events in `tally`. */
async function importCalendarText(
  text: string,
  writer: CorrespondenceWriter,
  rules: {
    own: OwnAddresses;
    now: Date;
    maxAttendees?: number;
    keepSubjects?: boolean;
  },
  tally: Pick<CalendarImportReport, "events" | "counted" | "occurrences" | "skipped">,
): Promise<void> {
  for await (const outcome of readCalendar(text, rules)) {
    tally.events++;
    if (!outcome.counted) {
      tally.skipped[outcome.reason]++;
      continue;
    }
    tally.counted++;
    for (const meeting of outcome.meetings) {
      tally.occurrences++;
      for (const other of meeting.others) {
        await writer.add({
          sourceKey: `ics:${meeting.uid}|${meeting.occurrence}|${other.address}`,
          address: other.address,
          name: other.name,
          kind: "meeting",
          direction: "mutual",
          at: meeting.at,
          summary: rules.keepSubjects === true ? meeting.summary : null,
          colleague: isColleague(other.address, rules.own),
          makesTie: true,
        });
      }
    }
  }
}

function emptyTally(): Pick<
  CalendarImportReport,
  "events" | "counted" | "occurrences" | "skipped"
> {
  return {
    events: 0,
    counted: 0,
    occurrences: 0,
    skipped: Object.fromEntries(EVENT_SKIP_REASONS.map((r) => [r, 0])) as Record<
      EventSkipReason,
      number
    >,
  };
}

async function run(
  store: NetworkStore,
  ownerId: string,
  files: readonly string[],
  texts: (file: string) => Promise<string>,
  options: CalendarImportOptions,
): Promise<CalendarImportReport> {
  checkOwnerId(ownerId);
  const self = await store.getSelf(ownerId);
  const own = ownAddresses(self.emails, options.me ?? []);
  const writer = new CorrespondenceWriter(
    store,
    ownerId,
    options.dryRun === true,
    options.batchSize,
  );
  const tally = emptyTally();
  const rules = {
    own,
    now: options.now ?? new Date(),
    maxAttendees: options.maxAttendees,
    keepSubjects: options.keepSubjects,
  };
  for (const file of files) {
    await importCalendarText(await texts(file), writer, rules, tally);
    options.onProgress?.(tally.events);
  }
  const counts = await writer.finish();
  return { dryRun: options.dryRun === true, files: [...files], ...tally, ...counts };
}

/** Imports a .ics file, or every .ics file of a folder. */
export async function importCalendar(
  store: NetworkStore,
  ownerId: string,
  path: string,
  options: CalendarImportOptions = {},
): Promise<CalendarImportReport> {
  return run(store, ownerId, await calendarFiles(path), calendarText, options);
}

/** Imports calendar text, as the API receives it (PAYLOAD_TOO_LARGE on `text` past `maxChars`). */
export async function importCalendarFromText(
  store: NetworkStore,
  ownerId: string,
  text: string,
  options: CalendarImportOptions & { maxChars?: number } = {},
): Promise<CalendarImportReport> {
  checkTextLimit(text, options.maxChars, "the calendar");
  return run(store, ownerId, ["(text)"], async () => text, options);
}
