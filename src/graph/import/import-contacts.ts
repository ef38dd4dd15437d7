/**
 * Imports a contact file into an owner's network, streaming: rows are read,
 * planned and written a batch at a time, so a 100,000-row file is never held
 * whole. Every row ends in exactly one outcome (created, updated, unchanged,
 * skipped, rejected) with its line and reason, and the warnings of values left
 * out or cleaned; good rows are kept when others are rejected; a dry run plans
 * the same way and writes nothing. Each batch is
 * matched and written in one store transaction under the owner's lock
 * (`importBatch`), so a failed batch leaves nothing half-written and concurrent
 * imports of the same file find, not duplicate, each other's people. Each row
 * is validated once (`prepareRow`), and a batch reads only the stored records
 * its rows can match, a dry run too (`readImportView`), never the whole network.
 */
import { checkTextLimit } from "./text-limit.js";
import { yieldToOthers } from "../deadline.js";
import type { NetworkStore } from "../store/network-store.js";
import { checkOwnerId, nowIso } from "../store/record-ops.js";
import type { ImportLayout, ImportWarning } from "./contact-row.js";
import { ImportPlanner } from "./import-planner.js";
import { planBatch, planRows, rejectionOf, scopeOf, type BatchRowResult } from "./plan-batch.js";
import { prepareRow, type PreparedRow } from "./prepare-row.js";
import { readContacts, type ReadOptions } from "./read-contacts.js";

export type RowOutcome = "created" | "updated" | "unchanged" | "skipped" | "rejected";

export interface ImportRowReport {
  line: number;
  outcome: RowOutcome;
  reason: string | null;
  /** The person the row became or matched; null for skipped and rejected rows and for new people in a dry run. */
  personId: string | null;
  /** Values left out or cleaned in a row that was kept (or found in one rejected): each names the field. */
  warnings: ImportWarning[];
}

export interface ImportReport {
  layout: ImportLayout;
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  rows: ImportRowReport[];
}

export interface ImportOptions {
  /** The file's layout, or "auto" to detect it. Default "auto". */
  layout?: ImportLayout | "auto";
  /** Report what would happen and write nothing. */
  dryRun?: boolean;
  /** Rows planned and written per store batch. Default 1,000. */
  batchSize?: number;
  /** Called after every batch with the number of rows done so far. */
  onProgress?: (rowsDone: number) => void;
  /** The longest text source accepted (PAYLOAD_TOO_LARGE on field "text" beyond it). Default: no limit. */
  maxChars?: number;
  /** Caps on a ZIP archive (LinkedIn's export as downloaded). Default: `ZIP_DEFAULTS`. */
  zip?: ReadOptions["zip"];
  now?: Date;
}

export const IMPORT_DEFAULTS = Object.freeze({
  layout: "auto" as const,
  dryRun: false,
  batchSize: 1_000,
});

export async function importContacts(
  store: NetworkStore,
  ownerId: string,
  source: AsyncIterable<Uint8Array> | Uint8Array | string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const o = { ...IMPORT_DEFAULTS, ...options };
  const now = o.now ?? new Date();
  if (typeof source === "string") checkTextLimit(source, o.maxChars, "the file");
  checkOwnerId(ownerId);
  const { layout, rows } = await readContacts(source, o.layout, { zip: o.zip });
  // A dry run writes nothing, so later batches must see what earlier ones planned: one planner for the whole file.
  let dryRun: ImportPlanner | null = null;
  const report: ImportReport = {
    layout,
    dryRun: o.dryRun,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    rejected: 0,
    rows: [],
  };
  let batch: PreparedRow[] = [];
  let stamp = nowIso();
  const plan = async (rows: PreparedRow[]): Promise<BatchRowResult[]> => {
    if (!o.dryRun)
      return store.importBatch(ownerId, scopeOf(rows), (view) =>
        planBatch(ownerId, view, rows, now),
      );
    const view = await store.readImportView(ownerId, scopeOf(rows));
    dryRun ??= new ImportPlanner(ownerId, view.selfId, now);
    dryRun.absorb(view);
    return planRows(dryRun, rows);
  };
  const flush = async () => {
    if (batch.length > 0) {
      const rows = batch;
      batch = [];
      // In row order, one per row.
      const results = await plan(rows);
      for (let i = 0; i < rows.length; i++) {
        const r = results[i]!;
        record(report, {
          line: r.line,
          outcome: r.outcome,
          reason: r.reason,
          personId: o.dryRun && r.outcome === "created" ? null : r.personId,
          warnings: rows[i]!.warnings,
        });
      }
    }
    o.onProgress?.(report.rows.length);
    // Between batches, other requests run (and a request past its deadline stops with nothing half-written).
    await yieldToOthers();
  };
  for await (const row of rows) {
    if (row.outcome !== undefined || row.person === undefined) {
      record(report, {
        line: row.line,
        outcome: row.outcome ?? "rejected",
        reason: row.reason ?? null,
        personId: null,
        warnings: row.warnings ?? [],
      });
      continue;
    }
    try {
      if (batch.length === 0) stamp = nowIso();
      batch.push(prepareRow(ownerId, row, stamp));
    } catch (error) {
      record(report, {
        line: row.line,
        outcome: "rejected",
        reason: rejectionOf(error),
        personId: null,
        warnings: row.warnings ?? [],
      });
      continue;
    }
    if (batch.length >= o.batchSize) await flush();
  }
  await flush();
  report.rows.sort((a, b) => a.line - b.line);
  return report;
}

function record(report: ImportReport, row: ImportRowReport): void {
  report.rows.push(row);
  report[row.outcome]++;
}
