/**
 * RFC 4180 CSV, streaming: records are parsed from text chunks as they arrive
 * (quoted fields with separators, doubled quotes and line breaks; CRLF, LF or
 * CR between records), each with the physical line it starts on, so a report
 * can point at a record in a file whose fields span lines. The separator is a
 * comma unless given: Excel in German, French, Dutch and other locales writes
 * `;`, and "Unicode text" exports use a tab (see `find-csv-header.ts`).
 *
 * Lenient where exporters are sloppy, as spreadsheet programs are: a quote
 * inside an unquoted field is kept, text after a closing quote is appended, and
 * a quoted field still open at the end of the file ends there (the record
 * carries an `error`).
 */

/** One record: its cells as written (not trimmed) and the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
  /** Set when the record could not be read completely (a quote never closed). */
  error?: string;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Where the parser is within a field; `QuoteInQuoted` is a quote inside a quoted field: the closing one or the first of a doubled pair. */
const State = { FieldStart: 0, Unquoted: 1, Quoted: 2, QuoteInQuoted: 3 } as const;
type State = (typeof State)[keyof typeof State];

/** The field separators warmpath reads, in the order they are tried. */
export const CSV_DELIMITERS = Object.freeze([",", ";", "\t"] as const);
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** The parser's state between chunks; `push` returns the records completed by a chunk. */
export class CsvParser {
  private cells: string[] = [];
  /** Text of the current field carried over from earlier chunks. */
  private field = "";
  private state: State = State.FieldStart;
  private recordStarted = false;
  private recordLine = 1;
  private line = 1;
  /** A record ended with CR at the end of the last chunk: an LF starting the next one belongs to it. */
  private pendingCr = false;
  /** The last character of the last chunk, for a CR LF inside a quoted field split across chunks. */
  private lastCode = 0;

  constructor(readonly delimiter: CsvDelimiter = ",") {}

  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    const n = chunk.length;
    if (n === 0) return out;
    const delimiter = this.delimiter;
    let i = 0;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (chunk.charCodeAt(0) === LF) i = 1;
    }
    let mark = i;
    // Next position of each special character at or after i (n when none): found with indexOf and
    // kept until passed, so each character of the chunk is scanned natively about once.
    let separator = -1;
    let lf = -1;
    let cr = -1;
    let quote = -1;
    const find = (ch: string, from: number): number => {
      const at = chunk.indexOf(ch, from);
      return at < 0 ? n : at;
    };
    while (i < n) {
      if (this.state === State.FieldStart) {
        if (!this.recordStarted) {
          this.recordStarted = true;
          this.recordLine = this.line;
        }
        if (chunk.charCodeAt(i) === QUOTE) {
          this.state = State.Quoted;
          mark = ++i;
        } else {
          this.state = State.Unquoted;
          mark = i;
        }
      } else if (this.state === State.Unquoted) {
        if (separator < i) separator = find(delimiter, i);
        if (lf < i) lf = find("\n", i);
        if (cr < i) cr = find("\r", i);
        const stop = Math.min(separator, lf, cr);
        if (stop === n) break; // the field goes on in the next chunk
        this.cells.push(this.field + chunk.slice(mark, stop));
        this.field = "";
        i = stop + 1;
        if (stop === separator) this.state = State.FieldStart;
        else {
          this.endRecord(out);
          this.line++;
          if (stop === cr) {
            if (i === n) this.pendingCr = true;
            else if (chunk.charCodeAt(i) === LF) i++;
          }
        }
        mark = i;
      } else if (this.state === State.Quoted) {
        if (quote < i) quote = find('"', i);
        if (lf < i) lf = find("\n", i);
        if (cr < i) cr = find("\r", i);
        if (lf < quote || cr < quote) this.countLineBreaks(chunk, i, quote);
        if (quote === n) break; // the quoted field goes on in the next chunk
        this.field += chunk.slice(mark, quote);
        this.state = State.QuoteInQuoted;
        i = mark = quote + 1;
      } else if (chunk.charCodeAt(i) === QUOTE) {
        // QuoteInQuoted, then a second quote: one literal quote.
        this.field += '"';
        this.state = State.Quoted;
        mark = ++i;
      } else {
        // The closing quote; whatever follows up to the separator is kept as written.
        this.state = State.Unquoted;
        mark = i;
      }
    }
    if (this.state === State.Unquoted || this.state === State.Quoted)
      this.field += chunk.slice(mark, n);
    this.lastCode = chunk.charCodeAt(n - 1);
    return out;
  }

  /** Counts the line breaks (CRLF, LF or CR) inside a quoted field, between `from` and `to`. */
  private countLineBreaks(chunk: string, from: number, to: number): void {
    for (let k = from; k < to; k++) {
      const c = chunk.charCodeAt(k);
      if (c === CR || (c === LF && (k > 0 ? chunk.charCodeAt(k - 1) : this.lastCode) !== CR))
        this.line++;
    }
  }

  /** The last record, when the file does not end with a line break. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.state === State.Quoted) {
      this.cells.push(this.field);
      this.endRecord(out);
      out[0]!.error = "a quoted field is not closed before the end of the file";
    } else if (this.recordStarted) {
      this.cells.push(this.field);
      this.endRecord(out);
    }
    this.field = "";
    return out;
  }

  private endRecord(out: CsvRecord[]): void {
    out.push({ line: this.recordLine, cells: this.cells });
    this.cells = [];
    this.recordStarted = false;
    this.state = State.FieldStart;
  }
}

/** Parses text chunks into records, one chunk at a time. */
export async function* csvRecords(
  chunks: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<CsvRecord> {
  for await (const batch of csvRecordBatches(chunks)) {
    for (const record of batch) yield record;
  }
}

/** The records completed by each chunk, as one array: for readers that would otherwise pay an async step per record. */
export async function* csvRecordBatches(
  chunks: AsyncIterable<string> | Iterable<string>,
  delimiter: CsvDelimiter = ",",
): AsyncGenerator<CsvRecord[]> {
  const parser = new CsvParser(delimiter);
  for await (const chunk of chunks) {
    const batch = parser.push(chunk);
    if (batch.length > 0) yield batch;
  }
  const last = parser.end();
  if (last.length > 0) yield last;
}

/** A cell trimmed, or "" when the column is absent (the reader checks field counts before a row is read). */
export const cellAt = (record: CsvRecord, index: number | undefined): string =>
  index === undefined ? "" : (record.cells[index] ?? "").trim();
