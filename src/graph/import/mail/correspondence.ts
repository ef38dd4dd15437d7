/**
 * Imported mail and meetings into the model, a batch at a time: each item
 * (one message or meeting with one correspondent) becomes an interaction
 * keyed by its source, unless one with that key is stored (a re-import); its
 * correspondent is matched by e-mail among the people (several addresses per
 * person all match); an unknown correspondent becomes a person only when the
 * item may make a tie (two-way mail, a meeting), and the owner's tie to them
 * (provenance `interaction`) then takes its date. One-way mail from someone
 * unknown is counted and left out. Pure, as an import planner must be: a
 * retried transaction plans again on a fresh view.
 */
import type { Direction } from "../../model/interaction.js";
import type { Person } from "../../model/person.js";
import { provenanceRank, type Tie } from "../../model/tie.js";
import type { ImportScope, ImportView, ImportWrites } from "../../store/import-batch.js";
import { identityKeys, newRecord } from "../../store/record-ops.js";
import { nothingPlanned, otherEnd, type PlannedSoFar } from "./planned-so-far.js";

export interface Correspondence {
  /** Unique per owner: `mail:<message id>><address>`, `ics:<uid>|<start>|<address>`. */
  sourceKey: string;
  /** The correspondent's normalized address, and the name shown with it. */
  address: string;
  name: string | null;
  kind: "email" | "meeting";
  direction: Direction;
  /** ISO instant. */
  at: string;
  summary: string | null;
  colleague: boolean;
  /** Whether this correspondent may become a person and a tie (two-way mail, a meeting). */
  makesTie: boolean;
}

export interface CorrespondenceCounts {
  /** New interactions. */
  created: number;
  /** Items whose interaction is stored already. */
  unchanged: number;
  /** Items left out: one-way mail with someone who is not among the people. */
  oneWayUnknown: number;
  peopleCreated: number;
  /** Ties from the owner written (created, or merged into the stored one). */
  ties: number;
}

export const NO_COUNTS: Readonly<CorrespondenceCounts> = Object.freeze({
  created: 0,
  unchanged: 0,
  oneWayUnknown: 0,
  peopleCreated: 0,
  ties: 0,
});

export function addCounts(a: CorrespondenceCounts, b: CorrespondenceCounts): CorrespondenceCounts {
  return {
    created: a.created + b.created,
    unchanged: a.unchanged + b.unchanged,
    oneWayUnknown: a.oneWayUnknown + b.oneWayUnknown,
    peopleCreated: a.peopleCreated + b.peopleCreated,
    ties: a.ties + b.ties,
  };
}

const INTERACTION_RANK = provenanceRank("interaction");

/**
 * Whether a stored tie already says what these dates would: as trusted a provenance,
 * as early a start and as late a contact. Then it is not written again (most ties of a
 * batch of old mail are like that on a re-import).
 */
function covers(tie: Tie | undefined, { first, last }: { first: string; last: string }): boolean {
  return (
    tie !== undefined &&
    provenanceRank(tie.provenance) <= INTERACTION_RANK &&
    tie.since !== null &&
    tie.since <= first.slice(0, 10) &&
    tie.lastInteraction !== null &&
    tie.lastInteraction >= last.slice(0, 10)
  );
}

/** The stored records a batch of items can match: people by e-mail, interactions by source key. */
export function correspondenceScope(items: readonly Correspondence[]): ImportScope {
  return {
    identityKeys: [...new Set(items.map((i) => `email:${i.address}`))],
    nameKeys: [],
    organizationKeys: [],
    sourceKeys: items.map((i) => i.sourceKey),
  };
}

/**
 * Plans a batch against `view`. `planned`: what a dry run planned in earlier
 * batches (a dry run's view cannot see it). Returns the writes, the counts
 * and the people it plans to create.
 */
export function planCorrespondence(
  ownerId: string,
  view: ImportView,
  items: readonly Correspondence[],
  planned: PlannedSoFar = nothingPlanned(),
): { writes: ImportWrites; result: { counts: CorrespondenceCounts; newPeople: Person[] } } {
  const byKey = new Map<string, Person>();
  for (const p of [...view.people, ...planned.people])
    for (const key of identityKeys("person", p)) byKey.set(key, p);
  const stored = new Set(view.storedSourceKeys);
  const newPeople: Person[] = [];
  const interactions: ImportWrites["interactions"] & object = [];
  const tieDates = new Map<string, { first: string; last: string }>();
  let unchanged = 0;
  let oneWayUnknown = 0;
  for (const item of items) {
    if (stored.has(item.sourceKey) || planned.sourceKeys.has(item.sourceKey)) {
      unchanged++;
      continue;
    }
    const key = `email:${item.address}`;
    let person = byKey.get(key);
    if (person === undefined) {
      if (!item.makesTie) {
        oneWayUnknown++;
        continue;
      }
      person = newRecord(ownerId, "person", {
        name: item.name ?? item.address,
        emails: [item.address],
      });
      newPeople.push(person);
      byKey.set(key, person);
    }
    if (person.id === view.selfId) continue;
    stored.add(item.sourceKey);
    interactions.push(
      newRecord(ownerId, "interaction", {
        personId: person.id,
        kind: item.kind,
        at: item.at,
        direction: item.direction,
        summary: item.summary,
        sourceKey: item.sourceKey,
        colleague: item.colleague,
      }),
    );
    if (item.makesTie) {
      const dates = tieDates.get(person.id);
      if (dates === undefined) tieDates.set(person.id, { first: item.at, last: item.at });
      else {
        if (item.at < dates.first) dates.first = item.at;
        if (item.at > dates.last) dates.last = item.at;
      }
    }
  }
  const storedTies = new Map<string, Tie>();
  for (const tie of view.ties) storedTies.set(otherEnd(tie, view.selfId), tie);
  for (const [personId, tie] of planned.ties) storedTies.set(personId, tie);
  const ties = [...tieDates]
    .filter(([personId, dates]) => !covers(storedTies.get(personId), dates))
    .map(([personId, { first, last }]) =>
      newRecord(ownerId, "tie", {
        personA: view.selfId,
        personB: personId,
        provenance: "interaction",
        since: first,
        lastInteraction: last,
      }),
    );
  return {
    writes: {
      newPeople,
      changedPeople: [],
      organizations: [],
      newEmployments: [],
      changedEmployments: [],
      ties,
      followUps: [],
      interactions,
    },
    result: {
      counts: {
        created: interactions.length,
        unchanged,
        oneWayUnknown,
        peopleCreated: newPeople.length,
        ties: ties.length,
      },
      newPeople,
    },
  };
}
