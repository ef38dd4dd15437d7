/**
 * Reading a contact file into rows, streaming: bytes are decoded chunk by
 * chunk, CSV records or vCard lines are parsed as the text arrives, and rows
 * are produced as the caller asks for them, so a 100,000-row export is never
 * held whole. What the file is (text, a ZIP such as LinkedIn's export as
 * downloaded, a spreadsheet, a PDF, another binary) is told from its first
 * bytes, and the layout is checked (or detected) before any row is read.
 */
import { badInput } from "../../errors.js";
import {
  IMPORT_LAYOUTS,
  isBlankRecord,
  rejectedRow,
  skippedRow,
  type ContactRow,
  type CsvRowReader,
  type ImportLayout,
} from "./contact-row.js";
import type { CsvRecord } from "./csv-records.js";
import { decodeStream } from "./decode-stream.js";
import { CSV_LAYOUTS, looksLikeVCard } from "./detect-layout.js";
import { fileKind, notContactsMessage } from "./file-kind.js";
import { findCsvHeader } from "./find-csv-header.js";
import { peekBytes } from "./peek-bytes.js";
import { vcardRows } from "./vcard-layout.js";
import { contactFileInZip, type ZipLimits } from "./zip-contact-file.js";
import { replayThenRest } from "./replay-then-rest.js";

/** Characters a text source is cut into, so that even a file given as one string is parsed a piece at a time. */
const TEXT_SLICE_CHARS = 64 * 1024;
/** Non-blank characters read before deciding whether the file is a vCard ("BEGIN:VCARD".length). */
const VCARD_PEEK_CHARS = 11;
/** Bytes looked at to tell what a file is. */
const KIND_PEEK_BYTES = 4096;

/** Options for reading; the ZIP caps guard against zip bombs. */
export interface ReadOptions {
  zip?: Partial<ZipLimits>;
}

async function* textSlices(text: string): AsyncGenerator<string> {
  const body = text.startsWith("\ufeff") ? text.slice(1) : text;
  for (let at = 0; at < body.length; at += TEXT_SLICE_CHARS)
    yield body.slice(at, at + TEXT_SLICE_CHARS);
}

/** The start of a text stream, and the whole stream again (the start included); `close` releases the source. */
async function peek(
  text: AsyncIterable<string>,
  chars: number,
): Promise<{ head: string; chunks: AsyncIterable<string>; close: () => Promise<void> }> {
  const iterator = text[Symbol.asyncIterator]();
  const head: string[] = [];
  const state = { exhausted: false };
  while (head.join("").trimStart().length < chars) {
    const next = await iterator.next();
    if (next.done === true) {
      state.exhausted = true;
      break;
    }
    head.push(next.value);
  }
  return {
    head: head.join(""),
    chunks: replayThenRest(head, iterator, state),
    close: async () => void (await iterator.return?.()),
  };
}

/**
 * Every record after the header becomes one row: blank ones are skipped,
 * unreadable ones and those whose field count differs from the header's are
 * rejected (their fields would land in the wrong columns). One empty field
 * more than the header is accepted: some exporters end every line with a
 * separator, and then every field still sits in its column and nothing is lost.
 */
async function* csvRows(
  batches: AsyncGenerator<CsvRecord[]>,
  read: CsvRowReader,
  fields: number,
): AsyncGenerator<ContactRow> {
  const row = (record: CsvRecord): ContactRow => {
    if (record.error !== undefined) return rejectedRow(record.line, record.error);
    if (isBlankRecord(record.cells)) return skippedRow(record.line);
    const n = record.cells.length;
    if (n !== fields && !(n === fields + 1 && record.cells[n - 1]!.trim() === "")) {
      return rejectedRow(
        record.line,
        `the row has ${n} field${n === 1 ? "" : "s"} but the header has ${fields}; a missing or extra separator would put values in the wrong columns`,
      );
    }
    return read(record);
  };
  try {
    for (let next = await batches.next(); next.done !== true; next = await batches.next()) {
      for (const record of next.value) yield row(record);
    }
  } finally {
    await batches.return(undefined);
  }
}

/** A file given as text that is really binary pasted in (a ZIP, a workbook, a PDF, base64 of a ZIP): what it is, and how to go on. */
function binaryText(head: string): string | null {
  if (/^UEsDB/.test(head))
    return "this looks like a ZIP archive in base64; the API takes a contact file's text: unzip it and send Connections.csv, or import the ZIP with the command line (warmpath import linkedin FILE.zip)";
  if (!/^(?:PK\x03\x04|PK\x05\x06|\xd0\xcf\x11\xe0|%PDF-)/.test(head)) return null;
  if (head.startsWith("PK"))
    return "this is a ZIP archive (a LinkedIn export as downloaded, or an Excel workbook), not a contact file's text; unzip it and send Connections.csv, or import the ZIP with the command line (warmpath import linkedin FILE.zip)";
  return notContactsMessage(head.startsWith("%PDF") ? "pdf" : "ole2");
}

/** Bytes as text: a ZIP is opened for its contact file, other binary files are refused with what they are. */
async function bytesToText(
  source: AsyncIterable<Uint8Array> | Uint8Array,
  options: ReadOptions,
  inZip = false,
): Promise<AsyncIterable<string>> {
  const { head, bytes, close } = await peekBytes(source, KIND_PEEK_BYTES);
  const { kind, name } = fileKind(head);
  if (kind === "zip") {
    if (inZip)
      throw badInput(
        "format",
        "the ZIP archive holds another ZIP archive as its contact file; unzip both and import the contact file",
      );
    const inner = await contactFileInZip(bytes, options.zip);
    return bytesToText(inner.bytes, options, true);
  }
  if (kind !== "text") {
    await close();
    throw badInput("format", notContactsMessage(kind, name));
  }
  return (await decodeStream(bytes)).text;
}

/** Reads a contact file of a layout (or "auto": detected from its first record/header), streaming: the file is never held whole (a ZIP archive is, up to its cap). Source: bytes in chunks, one buffer, or already-decoded text. */
export async function readContacts(
  source: AsyncIterable<Uint8Array> | Uint8Array | string,
  layout: ImportLayout | "auto",
  options: ReadOptions = {},
): Promise<{ layout: ImportLayout; rows: AsyncIterable<ContactRow> }> {
  if (layout !== "auto" && !(IMPORT_LAYOUTS as readonly string[]).includes(layout)) {
    throw badInput("format", `must be auto or one of ${IMPORT_LAYOUTS.join(", ")}`);
  }
  let text: AsyncIterable<string>;
  if (typeof source === "string") {
    const binary = binaryText(source.slice(0, 16));
    if (binary !== null) throw badInput("format", binary);
    text = textSlices(source);
  } else text = await bytesToText(source, options);
  const { head, chunks, close } = await peek(text, VCARD_PEEK_CHARS);

  if (looksLikeVCard(head)) {
    if (layout !== "auto" && layout !== "vcard") {
      await close();
      const name = CSV_LAYOUTS.find((c) => c.layout === layout)!.name;
      throw badInput("format", `this is a vCard file, not a ${name}; name it vcard (or auto)`);
    }
    return { layout: "vcard", rows: vcardRows(chunks) };
  }
  if (layout === "vcard") {
    await close();
    throw badInput("format", "this is not a vCard file (it does not start with BEGIN:VCARD)");
  }

  const candidates =
    layout === "auto" ? CSV_LAYOUTS : CSV_LAYOUTS.filter((c) => c.layout === layout);
  const header = await findCsvHeader(chunks, candidates);
  return { layout: header.layout, rows: csvRows(header.batches, header.read, header.fields) };
}
