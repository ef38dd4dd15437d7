/**
 * Reading a contact file into rows, streaming: bytes are decoded chunk by
 * chunk, CSV records or vCard lines are parsed as the text arrives, and rows
 * are produced as the caller asks for them, so a 100,000-row export is never
 * held whole. The layout is checked (or detected) before any row is read.
 */
import { badInput } from "../../errors.js";
import { IMPORT_LAYOUTS, isBlankRecord, rejectedRow, skippedRow, type ContactRow, type CsvRowReader, type ImportLayout } from "./contact-row.js";
import { csvRecordBatches, type CsvRecord } from "./csv-records.js";
import { decodeStream } from "./decode-stream.js";
import { CSV_LAYOUTS, detectCsvLayout, HEADER_SEARCH_RECORDS, looksLikeVCard } from "./detect-layout.js";
import { vcardRows } from "./vcard-layout.js";

/** Characters a text source is cut into, so that even a file given as one string is parsed a piece at a time. */
const TEXT_SLICE_CHARS = 64 * 1024;
/** Non-blank characters read before deciding whether the file is a vCard ("BEGIN:VCARD".length). */
const VCARD_PEEK_CHARS = 11;

const LAYOUT_NAMES: Readonly<Record<ImportLayout, string>> = Object.freeze({
  linkedin: "LinkedIn Connections.csv",
  google: "Google Contacts CSV",
  outlook: "Outlook CSV",
  vcard: "vCard",
});

const UNKNOWN_LAYOUT = "cannot tell the layout of this file; name it: linkedin, google, outlook or vcard";

async function* textSlices(text: string): AsyncGenerator<string> {
  const body = text.startsWith("\ufeff") ? text.slice(1) : text;
  for (let at = 0; at < body.length; at += TEXT_SLICE_CHARS) yield body.slice(at, at + TEXT_SLICE_CHARS);
}

/** The start of a text stream, and the whole stream again (the start included); `close` releases the source. */
async function peek(text: AsyncIterable<string>, chars: number): Promise<{ head: string; chunks: AsyncIterable<string>; close: () => Promise<void> }> {
  const iterator = text[Symbol.asyncIterator]();
  const head: string[] = [];
  let exhausted = false;
  while (head.join("").trimStart().length < chars) {
    const next = await iterator.next();
    if (next.done === true) {
      exhausted = true;
      break;
    }
    head.push(next.value);
  }
  async function* chunks(): AsyncGenerator<string> {
    try {
      yield* head;
      while (!exhausted) {
        const next = await iterator.next();
        if (next.done === true) exhausted = true;
        else yield next.value;
      }
    } finally {
      if (!exhausted) await iterator.return?.();
    }
  }
  return { head: head.join(""), chunks: chunks(), close: async () => void (await iterator.return?.()) };
}

/** Every record after the header becomes one row: blank ones are skipped, unreadable ones rejected. */
async function* csvRows(first: readonly CsvRecord[], batches: AsyncIterator<CsvRecord[]>, read: CsvRowReader): AsyncGenerator<ContactRow> {
  const row = (record: CsvRecord): ContactRow =>
    record.error !== undefined ? rejectedRow(record.line, record.error) : isBlankRecord(record.cells) ? skippedRow(record.line) : read(record);
  try {
    for (const record of first) yield row(record);
    for (let next = await batches.next(); next.done !== true; next = await batches.next()) {
      for (const record of next.value) yield row(record);
    }
  } finally {
    await batches.return?.();
  }
}

/** Reads a contact file of a layout (or "auto": detected from its first record/header), streaming: the file is never held whole. Source: bytes in chunks, one buffer, or already-decoded text. */
export async function readContacts(
  source: AsyncIterable<Uint8Array> | Uint8Array | string,
  layout: ImportLayout | "auto",
): Promise<{ layout: ImportLayout; rows: AsyncIterable<ContactRow> }> {
  if (layout !== "auto" && !(IMPORT_LAYOUTS as readonly string[]).includes(layout)) {
    throw badInput("format", `must be auto or one of ${IMPORT_LAYOUTS.join(", ")}`);
  }
  const text = typeof source === "string" ? textSlices(source) : (await decodeStream(source)).text;
  const { head, chunks, close } = await peek(text, VCARD_PEEK_CHARS);

  if (looksLikeVCard(head)) {
    if (layout !== "auto" && layout !== "vcard") {
      await close();
      throw badInput("format", `this is a vCard file, not a ${LAYOUT_NAMES[layout]}; name it vcard (or auto)`);
    }
    return { layout: "vcard", rows: vcardRows(chunks) };
  }
  if (layout === "vcard") {
    await close();
    throw badInput("format", "this is not a vCard file (it does not start with BEGIN:VCARD)");
  }

  const candidates = layout === "auto" ? CSV_LAYOUTS : CSV_LAYOUTS.filter((c) => c.layout === layout);
  const batches = csvRecordBatches(chunks);
  const seen: string[][] = [];
  while (seen.length < HEADER_SEARCH_RECORDS) {
    const next = await batches.next();
    if (next.done === true) break;
    const batch = next.value;
    for (let i = 0; i < batch.length && seen.length < HEADER_SEARCH_RECORDS; i++) {
      const found = detectCsvLayout(batch[i]!.cells, candidates);
      if (found !== null) return { layout: found.layout, rows: csvRows(batch.slice(i + 1), batches, found.read) };
      seen.push(batch[i]!.cells);
    }
  }
  await batches.return(undefined);
  if (layout === "auto") throw badInput("format", UNKNOWN_LAYOUT);
  const other = seen.map((cells) => detectCsvLayout(cells)).find((d) => d !== null);
  throw badInput(
    "format",
    other
      ? `this looks like a ${LAYOUT_NAMES[other.layout]}, not a ${LAYOUT_NAMES[layout]}; name it ${other.layout} (or auto)`
      : `no ${LAYOUT_NAMES[layout]} header row in the first ${HEADER_SEARCH_RECORDS} records of this file`,
  );
}
