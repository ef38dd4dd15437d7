/**
 * The worker thread of a parallel tie read (sqlite-parallel-ties.ts): it opens the store's file
 * on a connection of its own, checks in its own read transaction that the owner is still at the
 * version the main thread read, and sends one id range of the owner's ties back as columns, in
 * pages. Stepping SQLite over ten million tie rows is most of a cold start, and only threads
 * make it shorter: each connection steps its own range at the same time.
 *
 * The source is plain JavaScript run with `eval` so the worker loads the same way under the
 * compiled package, tsx and vitest; it requires better-sqlite3 by the path the main thread
 * resolved. Every value it binds is a parameter; its SQL comes from the main thread.
 */

/** How a column travels: an id as UTF-8 bytes, a number as Float64 (NaN for null), text as codes. */
export type ColumnKind = "id" | "number" | "text";

/** What the main thread hands to one worker. */
export interface TieRangeJob {
  /** better-sqlite3's resolved entry point. */
  driver: string;
  path: string;
  owner: string;
  /** The owner's version the main thread read: a worker that sees another one reads nothing. */
  version: number;
  /** The range's SELECT: the owner, then the bounds, as parameters; ordered by id. */
  select: string;
  bounds: string[];
  /** The rows the range holds at `version`. */
  rows: number;
  kinds: ColumnKind[];
  pageRows: number;
}

/** One page of a range: per column, its values for `rows` consecutive ties. */
export type TiePageColumn =
  | { kind: "id"; bytes: Uint8Array; ends: Uint32Array }
  | { kind: "number"; values: Float64Array }
  | { kind: "text"; codes: Int32Array; words: string[] };

/** A worker's messages: first whether its snapshot is the main thread's, then its pages. */
export type TieRangeMessage =
  | { type: "stale" }
  | { type: "fresh" }
  | { type: "page"; rows: number; columns: TiePageColumn[] }
  | { type: "end" };

export const TIE_RANGE_WORKER = String.raw`
"use strict";
const { parentPort, workerData: job } = require("node:worker_threads");
const Database = require(job.driver);

function newPage(size) {
  return job.kinds.map((kind) =>
    kind === "id"
      ? { kind, bytes: Buffer.allocUnsafeSlow(size * 40 + 64), ends: new Uint32Array(size + 1), used: 0 }
      : kind === "text"
        ? { kind, codes: new Int32Array(size), words: [], index: new Map() }
        : { kind, values: new Float64Array(size) },
  );
}

function send(page, rows) {
  const columns = page.map((c) =>
    c.kind === "id"
      ? { kind: c.kind, bytes: new Uint8Array(c.bytes.buffer, 0, c.used), ends: c.ends.subarray(0, rows + 1) }
      : c.kind === "text"
        ? { kind: c.kind, codes: c.codes.subarray(0, rows), words: c.words }
        : { kind: c.kind, values: c.values.subarray(0, rows) },
  );
  const transfer = page.flatMap((c) =>
    c.kind === "id" ? [c.bytes.buffer, c.ends.buffer] : [c.kind === "text" ? c.codes.buffer : c.values.buffer],
  );
  parentPort.postMessage({ type: "page", rows, columns }, transfer);
}

const db = new Database(job.path, { readonly: true, fileMustExist: true });
try {
  db.exec("BEGIN");
  const version = db.prepare("SELECT version FROM owner WHERE id = ?").pluck().get(job.owner);
  if (version !== job.version) {
    parentPort.postMessage({ type: "stale" });
  } else {
    parentPort.postMessage({ type: "fresh" });
    // A page holds what is left of the range, up to pageRows: rows beyond the count (which equal
    // versions rule out) would still all be sent, in pages of one, and the main thread would
    // refuse the total.
    let capacity = Math.max(Math.min(job.pageRows, job.rows), 1);
    let page = newPage(capacity);
    let rows = 0;
    let total = 0;
    for (const row of db.prepare(job.select).raw().iterate(job.owner, ...job.bounds)) {
      for (let c = 0; c < page.length; c++) {
        const column = page[c];
        const value = row[c];
        if (column.kind === "id") {
          if (column.bytes.length - column.used < value.length * 3) {
            const grown = Buffer.allocUnsafeSlow(column.bytes.length * 2 + value.length * 3);
            column.bytes.copy(grown, 0, 0, column.used);
            column.bytes = grown;
          }
          column.used += column.bytes.write(value, column.used);
          column.ends[rows + 1] = column.used;
        } else if (column.kind === "text") {
          let code = -1;
          if (value !== null) {
            code = column.index.get(value);
            if (code === undefined) {
              code = column.words.length;
              column.words.push(value);
              column.index.set(value, code);
            }
          }
          column.codes[rows] = code;
        } else {
          column.values[rows] = value === null ? NaN : value;
        }
      }
      rows++;
      total++;
      if (rows === capacity) {
        send(page, rows);
        capacity = Math.max(Math.min(job.pageRows, job.rows - total), 1);
        page = newPage(capacity);
        rows = 0;
      }
    }
    if (rows > 0) send(page, rows);
    parentPort.postMessage({ type: "end" });
  }
} finally {
  db.close();
}
`;
