/**
 * Imports the meetings of iCalendar files (a file, a folder of `.ics` files,
 * or a Takeout ZIP: calendar-sources.ts): each counted occurrence becomes an
 * interaction of kind `meeting`, direction `mutual`, with each other
 * participant, keyed by the event's UID, the occurrence and the attendee, so
 * a re-import changes nothing. Meetings
 * make people and ties of those met (a meeting is two-way by nature). Only
 * ORGANIZER, ATTENDEE (with PARTSTAT and CUTYPE), DTSTART, STATUS, RRULE,
 * EXDATE and RECURRENCE-ID are read; the summary only with `keepSubjects`.
 */
import { checkTextLimit } from "../text-limit.js";
import type { NetworkStore } from "../../store/network-store.js";
import { checkOwnerId } from "../../store/record-ops.js";
import type { CorrespondenceCounts } from "../mail/correspondence.js";
import { isColleague, ownAddresses, type OwnAddresses } from "../mail/own-addresses.js";
import { CorrespondenceWriter } from "../mail/write-correspondence.js";
import { calendarSources, calendarText } from "./calendar-sources.js";
import { EVENT_SKIP_REASONS, readCalendar, type EventSkipReason } from "./read-calendar.js";

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
  texts: (index: number) => Promise<string>,
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
  for (let i = 0; i < files.length; i++) {
    await importCalendarText(await texts(i), writer, rules, tally);
    options.onProgress?.(tally.events);
  }
  const counts = await writer.finish();
  return { dryRun: options.dryRun === true, files: [...files], ...tally, ...counts };
}

/** Imports a .ics file, every .ics file of a folder, or those of a ZIP archive. */
export async function importCalendar(
  store: NetworkStore,
  ownerId: string,
  path: string,
  options: CalendarImportOptions = {},
): Promise<CalendarImportReport> {
  const { sources, close } = await calendarSources(path);
  try {
    const names = sources.map((source) => source.name);
    return await run(store, ownerId, names, (i) => calendarText(sources[i]!), options);
  } finally {
    close();
  }
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
