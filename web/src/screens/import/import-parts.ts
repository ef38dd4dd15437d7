/**
 * The import itself, sent in parts so that a progress bar can say how far it is. The dry run
 * reports the line where every row starts; the file is cut at those lines, and each part is
 * the lines before the first row (LinkedIn's notes and the header; nothing for vCard) followed
 * by its rows, imported in the layout the dry run found. Each part's report is mapped back to
 * the file's own line numbers, and the reports are added up. A row spanning several lines (a
 * quoted cell with line breaks, a vCard) stays whole, since parts begin only where rows begin.
 */
import type { ImportReport, ImportRow } from "./import.documents";

export const ROWS_PER_PART = 100;

export interface ImportPart {
  text: string;
  /** Rows in this part, for the progress bar. */
  rows: number;
  /** Add to a line of this part's report to get the file's line. */
  lineOffset: number;
}

/** Splits physical lines as the server counts them: CRLF, LF or CR. */
export const fileLines = (text: string): string[] => text.split(/\r\n|\r|\n/);

export function importParts(
  text: string,
  rows: readonly Pick<ImportRow, "line">[],
  rowsPerPart = ROWS_PER_PART,
): ImportPart[] {
  const starts = [...new Set(rows.map((r) => r.line))].sort((a, b) => a - b);
  if (starts.length <= rowsPerPart) return [{ text, rows: starts.length, lineOffset: 0 }];
  const lines = fileLines(text);
  const head = lines.slice(0, starts[0]! - 1);
  const parts: ImportPart[] = [];
  for (let i = 0; i < starts.length; i += rowsPerPart) {
    const first = starts[i]!;
    const next = starts[i + rowsPerPart];
    const body = lines.slice(first - 1, next === undefined ? lines.length : next - 1);
    parts.push({
      text: [...head, ...body].join("\n"),
      rows: Math.min(rowsPerPart, starts.length - i),
      lineOffset: first - head.length - 1,
    });
  }
  return parts;
}

export const emptyReport = (layout: ImportReport["layout"], dryRun: boolean): ImportReport => ({
  layout,
  dryRun,
  created: 0,
  updated: 0,
  unchanged: 0,
  skipped: 0,
  rejected: 0,
  rows: [],
});

/** Adds one part's report to the running total, with its lines as the file's. */
export function addReport(total: ImportReport, part: ImportReport, lineOffset: number) {
  return {
    ...total,
    created: total.created + part.created,
    updated: total.updated + part.updated,
    unchanged: total.unchanged + part.unchanged,
    skipped: total.skipped + part.skipped,
    rejected: total.rejected + part.rejected,
    rows: [...total.rows, ...part.rows.map((r) => ({ ...r, line: r.line + lineOffset }))],
  };
}
