/**
 * `warmpath import mbox FILE|FOLDER` and `warmpath import ics FILE|FOLDER`:
 * interactions from mail and calendar headers, with a progress bar on a
 * terminal, a summary of what counted and what was skipped and why, and with
 * --json the whole report. Part of `import` (import-command.ts dispatches here).
 */
import { basename } from "node:path";
import { asOptionNames, JSON_OPTION, parseCommandArgs, positionalArgs } from "./cli-args.js";
import { writeJson, writeLines } from "./cli-output.js";
import { EXIT, type CliIo } from "./command.js";
import { ProgressBar } from "./progress-bar.js";
import { withStore } from "./with-store.js";
import {
  importCalendar,
  importMail,
  type CalendarImportReport,
  type MailImportReport,
} from "../graph/index.js";

export const MAIL_HELP = `Usage: warmpath import mbox FILE|FOLDER [--me ADDR]... [--keep-subjects]
                            [--dry-run] [--json]
       warmpath import ics FILE|FOLDER [--me ADDR]... [--keep-subjects]
                           [--dry-run] [--json]

Turns mail and calendar headers into interactions (who wrote to or met whom,
and when), so warmth rests on real contact. Only From, To, Cc, Date,
Message-ID, In-Reply-To and References are read from mail (ORGANIZER,
ATTENDEE, DTSTART, STATUS, RRULE from events); bodies are never kept, and
subjects only with --keep-subjects. Importing the same files again changes
nothing.

mbox reads an mbox file, a folder of them, an Apple Mail .mbox package or a
Google Takeout ZIP. ics reads a .ics file, a folder of them, or a Takeout
ZIP.

Skipped: mailing lists and bulk mail, automatic replies, no-reply senders,
Takeout chat transcripts, mail with more than 20 recipients, meetings with
more than 20 people, declined and cancelled events. A recurring meeting counts
at most once a week and 12 times. Someone unknown becomes a person only after
mail both ways (or a meeting); one-way mail alone never makes a tie.

Options:
  --me ADDR         one of your addresses (repeat it); your profile's
                    e-mails are used too
  --keep-subjects   keep subjects (mail) and titles (events) as the
                    interactions' summaries
  --dry-run         report what would happen and write nothing
  --json            print the whole report as one JSON document
`;

const n = (count: number): string => count.toLocaleString("en-US");

/** "2 mailing list, 1 no reply sender": the non-zero reasons. */
function reasons(skipped: Readonly<Record<string, number>>): string {
  const parts = Object.entries(skipped)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => `${n(count)} ${reason.replaceAll("_", " ")}`);
  return parts.length === 0 ? "" : ` (${parts.join(", ")})`;
}

function writes(report: MailImportReport | CalendarImportReport): string {
  return `${n(report.created)} interactions created, ${n(report.unchanged)} already there; ${n(report.peopleCreated)} ${report.peopleCreated === 1 ? "person" : "people"} created, ${n(report.ties)} ${report.ties === 1 ? "tie" : "ties"}`;
}

export function mailSummary(path: string, report: MailImportReport): string {
  const skipped = Object.values(report.skipped).reduce((a, b) => a + b, 0);
  const oneWay =
    report.oneWayUnknown > 0
      ? `; ${n(report.oneWayUnknown)} one-way with someone unknown, left out`
      : "";
  return `${basename(path)}${report.dryRun ? ", dry run, nothing written" : ""}: ${n(report.messages)} messages, ${n(report.counted)} counted, ${n(skipped)} skipped${reasons(report.skipped)}; ${writes(report)}${oneWay}.`;
}

export function calendarSummary(path: string, report: CalendarImportReport): string {
  const skipped = Object.values(report.skipped).reduce((a, b) => a + b, 0);
  return `${basename(path)}${report.dryRun ? ", dry run, nothing written" : ""}: ${n(report.events)} events, ${n(report.counted)} counted (${n(report.occurrences)} meetings), ${n(skipped)} skipped${reasons(report.skipped)}; ${writes(report)}.`;
}

/** Runs `import mbox` or `import ics`; `args` follow the format. */
export async function runMailImport(
  io: CliIo,
  format: "mbox" | "ics",
  args: string[],
): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args,
    options: {
      ...JSON_OPTION,
      "dry-run": { type: "boolean" },
      "keep-subjects": { type: "boolean" },
      me: { type: "string", multiple: true },
    },
  });
  const [path] = positionalArgs(positionals, ["file"]) as [string];
  const options = {
    me: values.me ?? [],
    keepSubjects: values["keep-subjects"] === true,
    dryRun: values["dry-run"] === true,
  };
  const names = asOptionNames({ me: "--me" });
  let line: string;
  let report: MailImportReport | CalendarImportReport;
  if (format === "mbox") {
    let bar: ProgressBar | null = null;
    let pass = 0;
    try {
      report = await withStore(io, ({ store, ownerId }) =>
        importMail(store, ownerId, path, {
          ...options,
          onProgress: (p) => {
            if (p.pass !== pass) {
              bar?.done();
              pass = p.pass;
              bar = new ProgressBar(
                io.stderr,
                p.totalBytes,
                `${p.pass === 1 ? "reading" : "importing"} ${basename(path)}`,
              );
            }
            bar!.update(p.bytesRead, p.messages);
          },
        }).catch(names),
      );
    } finally {
      (bar as ProgressBar | null)?.done();
    }
    line = mailSummary(path, report);
  } else {
    report = await withStore(io, ({ store, ownerId }) =>
      importCalendar(store, ownerId, path, options).catch(names),
    );
    line = calendarSummary(path, report);
  }
  if (values.json) {
    writeJson(io, report);
    io.stderr.write(`${line}\n`);
  } else writeLines(io, [line]);
  return EXIT.ok;
}
