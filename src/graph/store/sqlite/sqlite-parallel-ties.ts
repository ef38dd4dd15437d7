/**
 * A cold start's tie read split across worker threads. Stepping SQLite over the tie rows is
 * most of a cold start (about 6 of 12 s at 1M ties), and one connection steps on one thread; so
 * the owner's ties are cut into id ranges of equal size, each read by a worker on its own
 * connection (tie-range-worker.ts) while this thread reads the people, organizations, jobs and
 * groups. The ties arrive in the same order and with the same values as in the one-thread read
 * (`readNetwork`), range after range.
 *
 * One snapshot: this thread counts and cuts the ranges inside its read transaction, and each
 * worker first checks, inside its own, that the owner's version is the one read here (every
 * write bumps it). If one sees another version (or fails to start), nothing has reached `onTie`
 * yet and the read is not made here: the caller reads everything again on one thread.
 *
 * A caller that takes pages (`onTiePage`) gets each worker's pages as they are; one that takes
 * rows gets them from the pages (`eachTieRow`).
 */
import { on } from "node:events";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { invariant } from "../../../errors.js";
import type { NetworkSnapshot } from "../network-snapshot.js";
import type { LoadNetworkOptions } from "../load-network-options.js";
import { eachTieRow, type TiePage } from "../tie-page.js";
import { TIE_ROW_FIELDS, type TieRow } from "../tie-row.js";
import { TIE_ROW_COLUMNS } from "./sqlite-network-rows.js";
import { requireOwner } from "./sqlite-reads.js";
import type { Sql } from "./sqlite-run.js";
import { personIdsByKey, readNetworkBesideTies, type IdOfKey } from "./sqlite-snapshot.js";
import { listOrder } from "./sqlite-tables.js";
import {
  TIE_RANGE_WORKER,
  type ColumnKind,
  type TiePageColumn,
  type TieRangeJob,
  type TieRangeMessage,
} from "./tie-range-worker.js";

/** When a whole-network read uses worker threads for its ties. */
export interface ParallelReadOptions {
  /** Below this many ties the read stays on one thread: a worker takes tens of ms to start. */
  readonly minTies: number;
  /** Worker threads for the ties; 0 reads on the calling thread only. */
  readonly workers: number;
  /** Rows a worker sends at once: enough to cost little per message, few enough to overlap. */
  readonly pageRows: number;
}

/** One worker per core up to four (a machine with one core reads on one thread). */
export const PARALLEL_READ_DEFAULTS: ParallelReadOptions = Object.freeze({
  minTies: 100_000,
  workers: availableParallelism() < 2 ? 0 : Math.min(availableParallelism(), 4),
  pageRows: 65_536,
});

const KIND_OF: { readonly [F in (typeof TIE_ROW_FIELDS)[number]]: ColumnKind } = {
  id: "id",
  personA: "number",
  personB: "number",
  strength: "number",
  context: "text",
  since: "text",
  lastInteraction: "text",
  provenance: "text",
};
const KINDS = TIE_ROW_FIELDS.map((field) => KIND_OF[field]);

const DRIVER = createRequire(import.meta.url).resolve("better-sqlite3");

/** The ranges' workers, started, with each one's messages buffered from the start. */
interface Range {
  worker: Worker;
  messages: AsyncIterator<[TieRangeMessage]>;
  rows: number;
}

/**
 * The owner's network as `readNetwork` with `onTie` reads it, its ties read by worker threads;
 * null when it is not read that way (too few ties, an in-memory database, a write between this
 * thread's snapshot and a worker's, a worker that failed to start), and then no tie has been
 * handed over.
 */
export async function readNetworkInParallel(
  read: <T>(work: () => T) => T,
  sql: Sql,
  path: string,
  owner: string,
  { onTie, onTiePage }: LoadNetworkOptions & { onTie: (row: TieRow) => void },
  options: ParallelReadOptions,
): Promise<NetworkSnapshot | null> {
  if (options.workers < 1 || path === ":memory:") return null;
  const started = read(() => {
    const state = requireOwner(sql, owner);
    const ranges = startRanges(sql, path, owner, state.version, options);
    if (ranges === null) return null;
    try {
      const network = readNetworkBesideTies(sql, owner, state);
      return { network, ranges, idOf: personIdsByKey(sql, owner, network.people) };
    } catch (error) {
      release(ranges, true);
      throw error;
    }
  });
  if (started === null) return null;
  const { network, ranges, idOf } = started;
  let finished = false;
  try {
    for (const range of ranges) {
      // A worker that cannot read (its thread or its connection failed) leaves the read to
      // this thread, as a stale one does: nothing has reached `onTie` yet.
      const first = await nextMessage(range).catch(() => null);
      if (first === null || first[0].type === "stale") return null;
    }
    for (const range of ranges) {
      let rows = 0;
      for (;;) {
        const [message] = await nextMessage(range);
        if (message.type === "end") break;
        invariant(message.type === "page", "a worker sends its pages after saying it is fresh");
        const page = pageOf(message.rows, message.columns, idOf);
        if (onTiePage) onTiePage(page);
        else eachTieRow(page, onTie);
        rows += message.rows;
      }
      invariant(rows === range.rows, "a range holds the ties counted at the same version");
    }
    finished = true;
    return network;
  } finally {
    // A worker that has sent its last page closes its connection and ends by itself.
    release(ranges, !finished);
  }
}

/** Counts and cuts the owner's ties (null below `minTies`), and starts one worker a range. */
function startRanges(
  sql: Sql,
  path: string,
  owner: string,
  version: number,
  options: ParallelReadOptions,
): Range[] | null {
  const count = sql("SELECT count(*) FROM tie WHERE owner = ?").pluck().get(owner) as number;
  if (count < options.minTies || count === 0) return null;
  const workers = Math.min(options.workers, count);
  // Ties are listed by id alone (`listOrder`), so ranges of ids read in turn keep that order.
  const order = listOrder("tie");
  const idAt = sql(`SELECT t.id FROM tie t WHERE t.owner = ? ORDER BY ${order} LIMIT 1 OFFSET ?`);
  const offsets = Array.from({ length: workers + 1 }, (_, k) => Math.floor((k * count) / workers));
  const cuts = offsets.map((offset, k) =>
    k === 0 || k === workers ? null : (idAt.pluck().get(owner, offset) as string),
  );
  return offsets.slice(0, -1).map((offset, k) => {
    const [from, to] = [cuts[k], cuts[k + 1]];
    const bounds = [from === null ? "" : " AND t.id >= ?", to === null ? "" : " AND t.id < ?"];
    const job: TieRangeJob = {
      driver: DRIVER,
      path,
      owner,
      version,
      select: `SELECT ${TIE_ROW_COLUMNS} FROM tie t WHERE t.owner = ?${bounds.join("")} ORDER BY ${order}`,
      bounds: [from, to].filter((id): id is string => id !== null),
      rows: offsets[k + 1]! - offset,
      kinds: KINDS,
      pageRows: options.pageRows,
    };
    const worker = new Worker(TIE_RANGE_WORKER, { eval: true, workerData: job });
    const messages = on(worker, "message") as AsyncIterator<[TieRangeMessage]>;
    return { worker, messages, rows: job.rows };
  });
}

async function nextMessage(range: Range): Promise<[TieRangeMessage]> {
  const next = await range.messages.next();
  invariant(next.done !== true, "a worker's messages end with its last page");
  return next.value;
}

/**
 * Stops listening to the ranges' workers, and stops the workers unless they are done. An error a
 * worker raises after that has nobody to tell, and must not end the process.
 */
function release(ranges: readonly Range[], terminate: boolean): void {
  for (const { worker, messages } of ranges) {
    worker.on("error", () => undefined);
    void messages.return?.();
    if (terminate) void worker.terminate();
  }
}

type IdColumn = Extract<TiePageColumn, { kind: "id" }>;
type NumberColumn = Extract<TiePageColumn, { kind: "number" }>;
type TextColumn = Extract<TiePageColumn, { kind: "text" }>;

const at = (field: (typeof TIE_ROW_FIELDS)[number]) => TIE_ROW_FIELDS.indexOf(field);

/** A worker's page (its columns in TIE_ROW_FIELDS order, with KIND_OF's kinds) as a TiePage. */
function pageOf(rows: number, columns: readonly TiePageColumn[], idOf: IdOfKey): TiePage {
  const id = columns[at("id")] as IdColumn;
  const numbers = (field: "personA" | "personB" | "strength") =>
    (columns[at(field)] as NumberColumn).values;
  const text = (field: "context" | "since" | "lastInteraction" | "provenance") =>
    columns[at(field)] as TextColumn;
  return {
    rows,
    idBytes: id.bytes,
    idEnds: id.ends,
    personA: numbers("personA"),
    personB: numbers("personB"),
    personOf: (key) => {
      const person = idOf(key);
      invariant(person !== undefined, "a tie's end is one of its owner's people");
      return person;
    },
    strength: numbers("strength"),
    context: text("context"),
    since: text("since"),
    lastInteraction: text("lastInteraction"),
    provenance: text("provenance"),
  };
}
