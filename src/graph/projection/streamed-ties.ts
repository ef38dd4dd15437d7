/**
 * The ties of a cold start as the store streams them: each row goes straight into a tie table,
 * no Tie object made, its ends numbered as first seen. Once the people have arrived (the store
 * sends them in the same read), `inPeopleOrder` renumbers the ends by the people's order, the
 * numbering of the path index.
 */
import type { TiePage } from "../store/tie-page.js";
import type { TieRow } from "../store/tie-row.js";
import { TieTable } from "./tie-table.js";

export class StreamedTies {
  private readonly ties = new TieTable();
  private readonly ends = new Map<string, number>();
  // The two ends used last are checked first: consecutive ties mostly share one (ties written
  // in one call, or read by an end's index), and comparing beats hashing a fresh id string.
  private recent: string | null = null;
  private older: string | null = null;
  private recentEnd = 0;
  private olderEnd = 0;

  /** Takes one streamed row (copied: the store may rewrite it). */
  readonly add = (row: TieRow): void => {
    this.ties.addRow(row, this.endOf);
  };

  /**
   * Takes a page of streamed columns: each end is numbered by its store key, and named (for
   * `endOf`, which numbers ends the same way rows are) only the first time the key is met.
   */
  readonly addPage = (page: TiePage): void => {
    const { keyEnds } = this;
    const endOfKey = (key: number) => {
      let end = keyEnds.get(key);
      if (end === undefined) keyEnds.set(key, (end = this.endOf(page.personOf(key))));
      return end;
    };
    const [a, b] = [new Int32Array(page.rows), new Int32Array(page.rows)];
    for (let i = 0; i < page.rows; i++) {
      a[i] = endOfKey(page.personA[i]!);
      b[i] = endOfKey(page.personB[i]!);
    }
    this.ties.addPage(page, a, b);
  };

  /** Ends by the store's key of their person: one read's pages share the keys. */
  private readonly keyEnds = new Map<number, number>();

  private readonly endOf = (id: string): number => {
    if (id === this.recent) return this.recentEnd;
    let end: number | undefined;
    if (id === this.older) end = this.olderEnd;
    else if ((end = this.ends.get(id)) === undefined) this.ends.set(id, (end = this.ends.size));
    this.older = this.recent;
    this.olderEnd = this.recentEnd;
    this.recent = id;
    this.recentEnd = end;
    return end;
  };

  /**
   * The table with each end renumbered as its person's place in `node` (a person's id to their
   * index node). A tie with an end that is not among the people is left out: that cannot happen
   * in a consistent read (a tie goes with its ends), and the table stays exact all the same.
   */
  inPeopleOrder(node: ReadonlyMap<string, number>): TieTable {
    const { ends } = this;
    let ties = this.ties;
    const renumber = new Int32Array(ends.size);
    let strays = false;
    for (const [id, end] of ends) strays = (renumber[end] = node.get(id) ?? -1) < 0 || strays;
    if (strays) {
      const endKeys = [...ends.keys()];
      const kept = new TieTable();
      for (let slot = 0; slot < ties.size; slot++) {
        const [x, y] = [renumber[ties.a[slot]!]!, renumber[ties.b[slot]!]!];
        if (x >= 0 && y >= 0) kept.add(ties.tieAt(slot, endKeys), x, y);
      }
      ties = kept;
    } else
      for (let slot = 0; slot < ties.size; slot++) {
        ties.a[slot] = renumber[ties.a[slot]!]!;
        ties.b[slot] = renumber[ties.b[slot]!]!;
      }
    ties.fit();
    return ties;
  }
}
