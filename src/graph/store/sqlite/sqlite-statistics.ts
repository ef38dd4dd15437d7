/**
 * When bulk writes refresh the planner's statistics: once the rows written to a
 * table since its last refresh reach half the rows it had then (and at least
 * 10,000). Loading a network in chunks then analyzes each table a logarithmic
 * number of times, not after every chunk (an ANALYZE of a million-tie table
 * costs a fraction of a second even sampled), and only the table written.
 */
import type Database from "better-sqlite3";

/** Bulk writes smaller than this, in total since the last refresh, never refresh. */
const STATISTICS_AFTER_ROWS = 10_000;

export class StatisticsSchedule {
  private readonly pending = new Map<string, number>();

  constructor(private readonly db: Database.Database) {}

  /** Counts `rows` written to `table`, refreshing its statistics when they are due. */
  wrote(table: string, rows: number): void {
    const pending = (this.pending.get(table) ?? 0) + rows;
    if (pending < Math.max(STATISTICS_AFTER_ROWS, this.rowsAtLastRefresh(table) / 2)) {
      this.pending.set(table, pending);
      return;
    }
    this.db.pragma("analysis_limit = 1000");
    this.db.exec(`ANALYZE "${table}"`);
    this.pending.set(table, 0);
  }

  /** The table's row count when last analyzed (the first figure of its statistics), or 0. */
  private rowsAtLastRefresh(table: string): number {
    const stat = this.db.prepare("SELECT stat FROM sqlite_stat1 WHERE tbl = ? LIMIT 1").pluck();
    return Number.parseInt(String(stat.get(table) ?? "0"), 10) || 0;
  }
}
