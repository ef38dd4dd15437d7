/**
 * What a dry run planned in its earlier batches. A dry run plans each batch on a read-only view
 * of the store, which cannot see them, so without this a message met in two batches (the same
 * message in two mbox files, a Sent and an Inbox copy) would count as new twice, where a real run
 * finds it stored the second time.
 */
import type { Person } from "../../model/person.js";
import type { Tie } from "../../model/tie.js";
import type { ImportView, ImportWrites } from "../../store/import-batch.js";
import { mergedRecord } from "../../store/record-ops.js";

export interface PlannedSoFar {
  readonly people: Person[];
  readonly sourceKeys: Set<string>;
  /** The owner's tie to each person as the earlier batches would leave it, by that person's id. */
  readonly ties: Map<string, Tie>;
}

export const nothingPlanned = (): PlannedSoFar => ({
  people: [],
  sourceKeys: new Set(),
  ties: new Map(),
});

/** The other end of one of the owner's ties. */
export const otherEnd = (tie: Tie, selfId: string): string =>
  tie.personA === selfId ? tie.personB : tie.personA;

/**
 * Adds a batch's planned writes to `planned`: its new people, its interactions' source keys,
 * and its ties merged into what the store (`view`) or an earlier batch holds, as the store's
 * import would merge them.
 */
export function rememberPlanned(planned: PlannedSoFar, view: ImportView, writes: ImportWrites) {
  planned.people.push(...writes.newPeople);
  for (const interaction of writes.interactions ?? [])
    if (interaction.sourceKey !== null) planned.sourceKeys.add(interaction.sourceKey);
  const stored = new Map(view.ties.map((t) => [otherEnd(t, view.selfId), t]));
  for (const tie of writes.ties) {
    const other = otherEnd(tie, view.selfId);
    const before = planned.ties.get(other) ?? stored.get(other);
    planned.ties.set(other, before ? mergedRecord("tie", before, tie).record : tie);
  }
}
