/**
 * Writes correspondence a batch at a time, each batch planned and written in
 * one store transaction under the owner's lock (`importBatch`); a dry run
 * plans each batch on a read-only view and writes nothing. Shared by the mail
 * and calendar imports.
 */
import type { NetworkStore } from "../../store/network-store.js";
import {
  addCounts,
  correspondenceScope,
  NO_COUNTS,
  planCorrespondence,
  type Correspondence,
  type CorrespondenceCounts,
} from "./correspondence.js";
import { nothingPlanned, rememberPlanned } from "./planned-so-far.js";

/** Items per transaction: 5,000 met bench/import mbox's 5,000 messages/s where 1,000 made 3,800. */
export const CORRESPONDENCE_BATCH = 5_000;

/** Collects items and writes them in batches; `finish()` writes the rest and returns the counts. */
export class CorrespondenceWriter {
  private items: Correspondence[] = [];
  private counts: CorrespondenceCounts = { ...NO_COUNTS };
  /** What a dry run planned: its later batches must find it as a real run would. */
  private readonly planned = nothingPlanned();

  constructor(
    private readonly store: NetworkStore,
    private readonly ownerId: string,
    private readonly dryRun: boolean,
    private readonly batchSize = CORRESPONDENCE_BATCH,
  ) {}

  async add(item: Correspondence): Promise<void> {
    this.items.push(item);
    if (this.items.length >= this.batchSize) await this.flush();
  }

  async finish(): Promise<CorrespondenceCounts> {
    await this.flush();
    return this.counts;
  }

  private async flush(): Promise<void> {
    if (this.items.length === 0) return;
    const items = this.items;
    this.items = [];
    const scope = correspondenceScope(items);
    if (this.dryRun) {
      const view = await this.store.readImportView(this.ownerId, scope);
      const { writes, result } = planCorrespondence(this.ownerId, view, items, this.planned);
      rememberPlanned(this.planned, view, writes);
      this.counts = addCounts(this.counts, result.counts);
      return;
    }
    const result = await this.store.importBatch(this.ownerId, scope, (view) =>
      planCorrespondence(this.ownerId, view, items),
    );
    this.counts = addCounts(this.counts, result.counts);
  }
}
