/**
 * The owner's network as warmpath's own JSON: the owner's backup, so every
 * stored field travels, notes included. Covers the graph (people,
 * organizations, ties, employment, membership); interactions, follow-ups,
 * favors, introduction requests, news, cadences and drafts are not exported
 * yet. Record ids are kept so that references inside the file resolve; the
 * owner id is left out, since the file may be restored under another owner.
 */
import type { RecordBase } from "../model/record.js";
import type { NetworkSnapshot } from "../store/network-snapshot.js";

/** What the `format` field of a warmpath JSON file says. */
export const WARMPATH_JSON_FORMAT = "warmpath";
/** The layout version this code writes and reads. */
export const WARMPATH_JSON_VERSION = 1;

/** A record as written to the file: its stored fields, without its owner. */
export type JsonRecord<R extends RecordBase> = Omit<R, "ownerId">;

/** The top level of a warmpath JSON file. */
export interface WarmpathJson {
  format: typeof WARMPATH_JSON_FORMAT;
  version: typeof WARMPATH_JSON_VERSION;
  exportedAt: string;
  /** The id, within this file, of the exporting owner's own person. */
  self: string;
  people: JsonRecord<NetworkSnapshot["people"][number]>[];
  organizations: JsonRecord<NetworkSnapshot["organizations"][number]>[];
  ties: JsonRecord<NetworkSnapshot["ties"][number]>[];
  employments: JsonRecord<NetworkSnapshot["employments"][number]>[];
  memberships: JsonRecord<NetworkSnapshot["memberships"][number]>[];
}

const withoutOwner = <R extends RecordBase>(record: R): JsonRecord<R> => {
  const { ownerId: _owner, ...rest } = record;
  return rest;
};
// Sorted by id, so two exports of the same network differ only in `exportedAt`.
const byId = <R extends RecordBase>(records: readonly R[]): JsonRecord<R>[] =>
  [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(withoutOwner);

/** The owner's network as a warmpath JSON document; `now` is written as `exportedAt`. */
export function networkJson(snapshot: NetworkSnapshot, now: Date): string {
  const file: WarmpathJson = {
    format: WARMPATH_JSON_FORMAT,
    version: WARMPATH_JSON_VERSION,
    exportedAt: now.toISOString(),
    self: snapshot.selfId,
    people: byId(snapshot.people),
    organizations: byId(snapshot.organizations),
    ties: byId(snapshot.ties),
    employments: byId(snapshot.employments),
    memberships: byId(snapshot.memberships),
  };
  return JSON.stringify(file, null, 2) + "\n";
}
