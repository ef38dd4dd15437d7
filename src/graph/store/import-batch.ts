/**
 * The store's side of an import batch: what the import planner must see of the
 * stored network (read inside the batch's write transaction, under the owner's
 * lock) and the writes it decides on. Deciding the matches there, and not on a
 * copy read earlier, is what keeps concurrent imports from creating the same
 * person twice.
 */
import type { Employment } from "../model/employment.js";
import type { FollowUp } from "../model/follow-up.js";
import type { Interaction } from "../model/interaction.js";
import type { Organization } from "../model/organization.js";
import type { Person } from "../model/person.js";
import type { Tie } from "../model/tie.js";

/** The keys a batch's rows can match by. */
export interface ImportScope {
  /** Person identity keys: `url:...`, `email:...`. */
  identityKeys: readonly string[];
  /** Person name keys (`nameKey(name)`, a person's sort key). */
  nameKeys: readonly string[];
  /** Organization identity keys: `org:...`. */
  organizationKeys: readonly string[];
  /** Source keys of imported interactions (mail, meetings), to find the ones already stored. */
  sourceKeys?: readonly string[];
}

/** The stored records a batch is planned against. */
export interface ImportView {
  selfId: string;
  /** People holding one of the scope's identity keys or name keys. */
  people: Person[];
  /** Organizations named by the scope, and the employers of `employments`. */
  organizations: Organization[];
  /** The current (open-ended) jobs of `people`. */
  employments: Employment[];
  /** The owner's ties to `people`. */
  ties: Tie[];
  /** Open follow-ups about `people`. */
  followUps: FollowUp[];
  /** The scope's source keys that a stored interaction already has. */
  storedSourceKeys: string[];
}

/** What a batch writes. People are written as planned; the other kinds are upserted, so a plan can never add a second copy of them. */
export interface ImportWrites {
  newPeople: Person[];
  /** Stored people the batch merged into (`before` is the stored record). */
  changedPeople: { before: Person; after: Person }[];
  organizations: Organization[];
  /** New jobs, upserted after the organizations (references to planned ids follow the stored ids). */
  newEmployments: Employment[];
  /** Stored jobs with a new title. */
  changedEmployments: Employment[];
  ties: Tie[];
  followUps: FollowUp[];
  /** New imported interactions, each with a source key no stored one has (the unique index is the backstop). */
  interactions?: Interaction[];
}

/**
 * Plans one batch against the view. It must be synchronous and pure: a Neo4j
 * transaction retried after a transient error calls it again with a fresh view.
 */
export type ImportBatchPlanner<T> = (view: ImportView) => { writes: ImportWrites; result: T };

/**
 * Maps ids of planned organizations to the ids the store kept, so the jobs that
 * follow point at stored records; for the adapters.
 */
export function withStoredIds<T extends { id: string }>(
  records: readonly T[],
  fields: readonly (keyof T & string)[],
  ids: ReadonlyMap<string, string>,
): T[] {
  if (ids.size === 0) return [...records];
  return records.map((r) => {
    const out = { ...r } as Record<string, unknown>;
    for (const field of fields) {
      const id = ids.get(String(out[field]));
      if (id !== undefined) out[field] = id;
    }
    return out as T;
  });
}
