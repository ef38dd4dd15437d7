/**
 * Upsert resolution, done in memory inside the write transaction: the inputs
 * are applied one after another, exactly as if each were upserted on its own,
 * against the stored records they can match (loaded first, under the owner's
 * lock) and the records created or merged by earlier inputs of the same call.
 */
import { conflict } from "../../../errors.js";
import { nameKey } from "../../model/fields.js";
import type { UpsertKind, Records } from "../../model/kinds.js";
import type { Person } from "../../model/person.js";
import type { UpsertOutcome } from "../network-store.js";
import { identityField, identityKeys, mergedRecord } from "../record-ops.js";

export interface UpsertPlan<K extends UpsertKind> {
  ids: string[];
  outcomes: UpsertOutcome[];
  /** New records, in their final state. */
  created: Records[K][];
  /** Stored records the inputs changed, before and after. */
  updated: { before: Records[K]; after: Records[K] }[];
  /** Ids of created or updated records, in the order the inputs first touched them. */
  touched: string[];
}

/** People without identity keys match by name: the keys every keyless incoming person needs looked up. */
export const nameKeysToMatch = (
  kind: UpsertKind,
  incoming: readonly Records[UpsertKind][],
): string[] =>
  kind === "person"
    ? [
        ...new Set(
          (incoming as Person[])
            .filter((p) => identityKeys("person", p).length === 0)
            .map((p) => nameKey(p.name)),
        ),
      ]
    : [];

/**
 * Applies `incoming` in order over `stored` (every stored record holding an incoming
 * identity key, and for people every one sharing a keyless input's name key).
 * `wrap` relabels an error with the input index it arose at.
 */
export function planUpserts<K extends UpsertKind>(
  kind: K,
  incoming: readonly Records[K][],
  stored: readonly Records[K][],
  wrap: (error: unknown, index: number) => unknown,
): UpsertPlan<K> {
  const records = new Map<string, Records[K]>();
  const original = new Map<string, Records[K]>();
  const keyHolder = new Map<string, string>();
  const byName = new Map<string, Set<string>>();
  const nameOf = (r: Records[K]): string | null =>
    kind === "person" ? nameKey((r as Person).name) : null;
  const index = (r: Records[K]): void => {
    const name = nameOf(r);
    if (name === null) return;
    let ids = byName.get(name);
    if (!ids) byName.set(name, (ids = new Set()));
    ids.add(r.id);
  };
  const unindex = (r: Records[K]): void => {
    const name = nameOf(r);
    if (name !== null) byName.get(name)?.delete(r.id);
  };

  for (const r of stored) {
    if (records.has(r.id)) continue;
    records.set(r.id, r);
    original.set(r.id, r);
    for (const key of identityKeys(kind, r)) keyHolder.set(key, r.id);
    index(r);
  }

  const plan: UpsertPlan<K> = { ids: [], outcomes: [], created: [], updated: [], touched: [] };
  const touched = new Set<string>();
  const touch = (id: string): void => {
    if (!touched.has(id)) {
      touched.add(id);
      plan.touched.push(id);
    }
  };

  incoming.forEach((next, i) => {
    const keys = identityKeys(kind, next);
    let matchId = keys.map((key) => keyHolder.get(key)).find((id) => id !== undefined);
    if (matchId === undefined && kind === "person" && keys.length === 0) {
      const same = byName.get(nameOf(next) ?? "");
      if (same?.size === 1) matchId = [...same][0];
    }
    if (matchId === undefined) {
      records.set(next.id, next);
      for (const key of keys) keyHolder.set(key, next.id);
      index(next);
      touch(next.id);
      plan.ids.push(next.id);
      plan.outcomes.push("created");
      return;
    }
    const current = records.get(matchId);
    if (current === undefined) throw new Error(`upsert plan lost record ${matchId}`);
    const { record, changed } = mergedRecord(kind, current, next);
    plan.ids.push(matchId);
    if (!changed) {
      plan.outcomes.push("unchanged");
      return;
    }
    const mergedKeys = identityKeys(kind, record);
    for (const key of mergedKeys) {
      const holder = keyHolder.get(key);
      if (holder !== undefined && holder !== matchId) {
        throw wrap(
          conflict(
            identityField(key),
            `${JSON.stringify(key.slice(key.indexOf(":") + 1))} belongs to another ${kind}`,
          ),
          i,
        );
      }
    }
    for (const key of identityKeys(kind, current))
      if (keyHolder.get(key) === matchId) keyHolder.delete(key);
    for (const key of mergedKeys) keyHolder.set(key, matchId);
    unindex(current);
    index(record);
    records.set(matchId, record);
    touch(matchId);
    plan.outcomes.push("updated");
  });

  for (const id of plan.touched) {
    const after = records.get(id);
    if (after === undefined) continue;
    const before = original.get(id);
    if (before === undefined) plan.created.push(after);
    else if (before !== after) plan.updated.push({ before, after });
  }
  return plan;
}
