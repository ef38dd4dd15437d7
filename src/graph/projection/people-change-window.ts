/**
 * The people each recent sync of a projection changed, newest last, so that a pool kept in step
 * (team-projection.ts) redoes only those. It reaches back a fixed number of syncs.
 */

/** How many recent syncs `since` can look back over. */
const SYNCS_KEPT = 64;

export class PeopleChangeWindow {
  private readonly syncs: { from: number; to: number; people: ReadonlySet<string> }[] = [];

  /** Notes that the sync from version `from` to `to` changed `people`. */
  record(from: number, to: number, people: ReadonlySet<string>): void {
    this.syncs.push({ from, to, people });
    if (this.syncs.length > SYNCS_KEPT) this.syncs.shift();
  }

  /**
   * The people changed from `version` up to `current` (the version last synced); null when the
   * window no longer reaches back to `version`.
   */
  since(version: number, current: number): Set<string> | null {
    if (version === current) return new Set();
    const first = this.syncs.findIndex((sync) => sync.from === version);
    if (first === -1) return null;
    return new Set(this.syncs.slice(first).flatMap((sync) => [...sync.people]));
  }
}
