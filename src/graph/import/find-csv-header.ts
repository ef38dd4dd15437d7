/**
 * Finds the header row of a CSV contact file and its field separator. The
 * separator is sniffed from the header row itself: the start of the file is
 * parsed with each of `,`, `;` and tab (quotes respected, so a `;` inside a
 * quoted LinkedIn note does not count), and the separator under which a known
 * layout's header appears first wins. Excel writes `;` wherever the decimal
 * separator is a comma (German, French, Dutch, ... locales), so a German
 * Outlook export is read like an English one. Then the same parser goes on
 * through the rest of the file, so nothing is read twice.
 */
import { badInput } from "../../errors.js";
import { IMPORT_LAYOUTS, type CsvRowReader } from "./contact-row.js";
import { CSV_DELIMITERS, CsvParser, type CsvDelimiter, type CsvRecord } from "./csv-records.js";
import {
  CSV_LAYOUTS,
  detectCsvLayout,
  HEADER_SEARCH_RECORDS,
  type CsvLayout,
} from "./detect-layout.js";

/** Text read before the header search gives up: enough for any preamble, small beside a file. */
export const HEADER_SEARCH_CHARS = 256 * 1024;

/** A header found: the layout, the reader of its rows, and the records after it, in batches. */
export interface CsvHeader {
  layout: CsvLayout["layout"];
  read: CsvRowReader;
  delimiter: CsvDelimiter;
  /** How many fields the header row has: every row must have as many. */
  fields: number;
  /** The records after the header, a batch per chunk of text; returning it releases the source. */
  batches: AsyncGenerator<CsvRecord[]>;
}

const SEPARATOR_NAMES: Readonly<Record<CsvDelimiter, string>> = Object.freeze({
  ",": '","',
  ";": '";"',
  "\t": "tab",
});

/** Counts the separators of one line outside double quotes. */
function separatorsIn(line: string, delimiter: CsvDelimiter): number {
  let quoted = false;
  let count = 0;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) count++;
  }
  return count;
}

/** What the error says about the file's first line: the separator it seems to use, and how it starts. */
function firstLineHint(head: string): string {
  const line = head.split(/\r\n|\n|\r/).find((l) => l.trim() !== "");
  if (line === undefined) return "The file is empty.";
  const [best] = [...CSV_DELIMITERS].sort((a, b) => separatorsIn(line, b) - separatorsIn(line, a));
  const fields = separatorsIn(line, best!) + 1;
  const shown = line.replace(/[\0-\x1f\x7f-\x9f]/g, " ").slice(0, 120);
  return `Its first line has ${fields} field${fields === 1 ? "" : "s"} split at ${SEPARATOR_NAMES[best!]}: ${JSON.stringify(shown)}${line.length > 120 ? "..." : ""}.`;
}

/** The error for a file where no candidate's header was found, saying what was looked for and which separators were tried. */
function noHeader(
  head: string,
  candidates: readonly CsvLayout[],
  records: readonly CsvRecord[][],
): Error {
  const tried = `tried ${CSV_DELIMITERS.map((d) => SEPARATOR_NAMES[d]).join(", ")} as separators`;
  const lookedFor = candidates.map((c) => `${c.name} (${c.expects})`).join("; ");
  if (candidates.length < CSV_LAYOUTS.length) {
    // A layout was named: maybe the file is another one.
    for (const batch of records) {
      const other = batch
        .slice(0, HEADER_SEARCH_RECORDS)
        .map((r) => detectCsvLayout(r.cells))
        .find((d) => d !== null);
      if (other) {
        const name = CSV_LAYOUTS.find((c) => c.layout === other.layout)!.name;
        return badInput(
          "format",
          `this looks like a ${name}, not a ${candidates.map((c) => c.name).join(" or ")}; name it ${other.layout} (or auto)`,
        );
      }
    }
    return badInput(
      "format",
      `no ${candidates.map((c) => c.name).join(" or ")} header row in the first ${HEADER_SEARCH_RECORDS} records of this file (looked for ${lookedFor}; ${tried}). ${firstLineHint(head)}`,
    );
  }
  return badInput(
    "format",
    `cannot tell the layout of this file: no known header row in its first ${HEADER_SEARCH_RECORDS} records (looked for ${lookedFor}; ${tried}). ${firstLineHint(head)} Name the layout if you know it: ${IMPORT_LAYOUTS.slice(0, -1).join(", ")} or ${IMPORT_LAYOUTS.at(-1)}`,
  );
}

/**
 * Reads the start of `chunks`, finds the header row of one of `candidates`
 * (trying each separator), and returns it with the records after it; throws
 * BAD_USER_INPUT on "format", with a hint, when there is none.
 */
export async function findCsvHeader(
  chunks: AsyncIterable<string>,
  candidates: readonly CsvLayout[],
): Promise<CsvHeader> {
  const iterator = chunks[Symbol.asyncIterator]();
  let head = "";
  let exhausted = false;
  // Enough lines for the records searched (a preamble cell may span lines), within a bound.
  while (
    head.length < HEADER_SEARCH_CHARS &&
    (head.match(/\n|\r(?!\n)/g)?.length ?? 0) <= HEADER_SEARCH_RECORDS * 2
  ) {
    const next = await iterator.next();
    if (next.done === true) {
      exhausted = true;
      break;
    }
    head += next.value;
  }

  let best: {
    at: number;
    cells: number;
    header: Omit<CsvHeader, "batches">;
    parser: CsvParser;
    rest: CsvRecord[];
  } | null = null;
  const parsed: CsvRecord[][] = [];
  for (const delimiter of CSV_DELIMITERS) {
    const parser = new CsvParser(delimiter);
    const records = parser.push(head);
    if (exhausted) records.push(...parser.end());
    parsed.push(records);
    const limit = Math.min(records.length, HEADER_SEARCH_RECORDS);
    for (let at = 0; at < limit && (best === null || at <= best.at); at++) {
      const found = detectCsvLayout(records[at]!.cells, candidates);
      if (found === null) continue;
      const cells = records[at]!.cells.length;
      // The earliest header wins; at the same record, the separator that splits it into more fields.
      if (best === null || at < best.at || cells > best.cells) {
        best = {
          at,
          cells,
          header: { ...found, delimiter, fields: cells },
          parser,
          rest: records.slice(at + 1),
        };
      }
      break;
    }
  }
  if (best === null) {
    if (!exhausted) await iterator.return?.();
    throw noHeader(head, candidates, parsed);
  }

  const { parser, rest } = best;
  async function* batches(): AsyncGenerator<CsvRecord[]> {
    let done = exhausted;
    try {
      if (rest.length > 0) yield rest;
      while (!done) {
        const next = await iterator.next();
        if (next.done === true) {
          done = true;
          const last = parser.end();
          if (last.length > 0) yield last;
        } else {
          const batch = parser.push(next.value);
          if (batch.length > 0) yield batch;
        }
      }
    } finally {
      // A reader that stops early releases the source, e.g. closes the file.
      if (!done) await iterator.return?.();
    }
  }
  return { ...best.header, batches: batches() };
}
