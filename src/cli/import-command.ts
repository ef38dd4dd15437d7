/**
 * `warmpath import <format> <file> [--dry-run]`: imports a contact file,
 * streamed from disk, with a progress bar on a terminal and a summary at the
 * end; with --json, the outcome of every row for scripts.
 */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { badInput } from "../errors.js";
import { asOptionNames, JSON_OPTION, parseCommandArgs, positionalArgs } from "./cli-args.js";
import { writeJson, writeLines } from "./cli-output.js";
import { EXIT, type CliIo, type Command } from "./command.js";
import { MAIL_HELP, runMailImport } from "./import-mail-command.js";
import { ProgressBar } from "./progress-bar.js";
import { withStore } from "./with-store.js";
import {
  IMPORT_LAYOUTS,
  importContacts,
  importNetworkJson,
  type ImportCounts,
  type ImportReport,
  type JsonImportReport,
} from "../graph/index.js";

/** The layouts the import engine reads, auto (detect the layout), and json (a warmpath export, restored whole). */
export const IMPORT_FORMATS = Object.freeze([...IMPORT_LAYOUTS, "auto", "json"] as const);
type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** How many rejected rows the human summary lists before pointing to --json. */
const LISTED_REJECTIONS = 20;
/** How many warnings the human summary lists before pointing to --json. */
const LISTED_WARNINGS = 5;

const HELP = `Usage: warmpath import <format> <file> [--dry-run] [--json]

Imports contacts, merging with the people you have (by profile URL, then
e-mail, then name and company); importing the same file again changes nothing.
Every row ends created, updated, unchanged, skipped (blank) or rejected (with
its line and the reason); good rows are kept when others are rejected. A bad
optional value (an impossible date, a malformed URL or e-mail) is left out
with a warning naming the field, and the person is kept.

Formats: linkedin (Connections.csv, or the ZIP archive LinkedIn sends),
google (Google Contacts CSV), outlook (Outlook CSV), vcard (.vcf, 2.1 to 4.0),
warmpath_csv (\`warmpath export csv\`), auto (detect the layout), json (a file
from \`warmpath export json\`: people, organizations, ties, employment and
groups; checked whole before anything is written). CSV fields may be
separated by ",", ";" or tab; UTF-8, UTF-16 and Windows-1252 are read.

Options:
  --dry-run   report what would happen and write nothing (not for json)
  --json      print { created, updated, unchanged, skipped, rejected,
              rows: [{ line, outcome, reason,
              warnings: [{ field, reason }] }] };
              for json: { people, organizations, ties, employments,
              memberships }, each { created, updated, unchanged }

Mail and calendars (interactions, not contacts):

${MAIL_HELP}`;

/** The file's bytes as a stream, counting what the engine has read so far for the progress bar. */
async function* counted(
  file: string,
  onChunk: (bytes: number) => void,
): AsyncGenerator<Uint8Array> {
  let bytes = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    onChunk(bytes);
    yield chunk;
  }
}

async function checkedFile(file: string): Promise<number> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw error.code === "ENOENT" ? badInput("file", `no such file: ${file}`) : error;
  });
  if (!info.isFile()) throw badInput("file", `not a file: ${file}`);
  return info.size;
}

function summary(file: string, report: ImportReport, dryRun: boolean): string {
  const n = (count: number): string => count.toLocaleString("en-US");
  const counts = `${n(report.created)} created, ${n(report.updated)} updated, ${n(report.unchanged)} unchanged, ${n(report.skipped)} skipped, ${n(report.rejected)} rejected`;
  const warned = report.rows.reduce((n, r) => n + r.warnings.length, 0);
  return `${basename(file)} (${report.layout})${dryRun ? ", dry run, nothing written" : ""}: ${counts}${warned > 0 ? `; ${n(warned)} warning${warned === 1 ? "" : "s"}` : ""}.`;
}

/** The first few warnings with their lines (the summary line counts them all). */
function warnings(report: ImportReport): string[] {
  const all = report.rows.flatMap((r) =>
    r.warnings.map((w) => `  line ${r.line}: warning: ${w.field}: ${w.reason}`),
  );
  const more =
    all.length > LISTED_WARNINGS
      ? [`  ... and ${all.length - LISTED_WARNINGS} more warnings (--json lists every row)`]
      : [];
  return [...all.slice(0, LISTED_WARNINGS), ...more];
}

function rejections(report: ImportReport): string[] {
  const rejected = report.rows.filter((r) => r.outcome === "rejected");
  const lines = rejected
    .slice(0, LISTED_REJECTIONS)
    .map((r) => `  line ${r.line}: rejected: ${r.reason ?? "no reason given"}`);
  if (rejected.length > LISTED_REJECTIONS)
    lines.push(`  ... and ${rejected.length - LISTED_REJECTIONS} more (--json lists every row)`);
  return lines;
}

function jsonSummary(file: string, report: JsonImportReport): string {
  const part = (what: string, c: ImportCounts) =>
    `${what} ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`;
  return `${basename(file)} (warmpath json): ${[part("people", report.people), part("organizations", report.organizations), part("ties", report.ties)].join("; ")}.`;
}

/** A warmpath JSON export, restored: read whole, since it is checked whole before anything is written. */
async function runJsonImport(io: CliIo, file: string, asJson: boolean): Promise<number> {
  await checkedFile(file);
  const text = await readFile(file, "utf8");
  const report = await withStore(io, ({ store, ownerId }) =>
    importNetworkJson(store, ownerId, text),
  );
  if (asJson) {
    writeJson(io, report);
    io.stderr.write(`${jsonSummary(file, report)}\n`);
  } else {
    writeLines(io, [jsonSummary(file, report)]);
  }
  return EXIT.ok;
}

async function runImport(
  io: CliIo,
  format: Exclude<ImportFormat, "json">,
  file: string,
  dryRun: boolean,
): Promise<ImportReport> {
  const size = await checkedFile(file);
  const bar = new ProgressBar(io.stderr, size, `importing ${basename(file)}`);
  let bytesRead = 0;
  let rowsDone = 0;
  const source = counted(file, (bytes) => {
    bytesRead = bytes;
    bar.update(bytesRead, rowsDone);
  });
  try {
    return await withStore(io, ({ store, ownerId }) =>
      importContacts(store, ownerId, source, {
        layout: format,
        dryRun,
        onProgress: (rows) => {
          rowsDone = rows;
          bar.update(bytesRead, rowsDone);
        },
      }).catch(asOptionNames({ layout: "format" })),
    );
  } finally {
    bar.done();
  }
}

/** Imports a contact file, or mail and calendar files (import-mail-command.ts). */
export const importCommand: Command = {
  help: HELP,
  async run(args, io) {
    // Mail and calendars take options of their own (--me, --keep-subjects).
    if (args[0] === "mbox" || args[0] === "ics") return runMailImport(io, args[0], args.slice(1));
    const { values, positionals } = parseCommandArgs({
      args,
      options: { ...JSON_OPTION, "dry-run": { type: "boolean" } },
    });
    const [format, file] = positionalArgs(positionals, ["format", "file"]) as [string, string];
    if (!(IMPORT_FORMATS as readonly string[]).includes(format))
      throw badInput(
        "format",
        `must be one of ${[...IMPORT_FORMATS, "mbox", "ics"].join(", ")}, not ${JSON.stringify(format)}`,
      );
    const dryRun = values["dry-run"] === true;
    if (format === "json") {
      if (dryRun)
        throw badInput(
          "--dry-run",
          "is not available for json imports (a bad file writes nothing anyway)",
        );
      return runJsonImport(io, file, values.json === true);
    }
    const report = await runImport(io, format as Exclude<ImportFormat, "json">, file, dryRun);

    if (values.json) {
      const { created, updated, unchanged, skipped, rejected } = report;
      writeJson(io, {
        created,
        updated,
        unchanged,
        skipped,
        rejected,
        rows: report.rows.map((r) => ({
          line: r.line,
          outcome: r.outcome,
          reason: r.reason,
          warnings: r.warnings,
        })),
      });
      // stdout holds only the JSON document; the summary line goes to stderr.
      io.stderr.write(`${summary(file, report, dryRun)}\n`);
      return EXIT.ok;
    }
    writeLines(io, [...rejections(report), ...warnings(report), summary(file, report, dryRun)]);
    return EXIT.ok;
  },
};
