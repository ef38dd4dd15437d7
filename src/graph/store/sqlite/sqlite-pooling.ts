/**
 * Each owner's pooling settings in SQLite (migration 6): `contact_sharing`, one row per contact
 * whose default the owner overrode, keyed (owner, person) so it goes with the person, and
 * `blocked_label`, one row per label. Nothing is stored for an owner who changed nothing.
 * Every function runs in whatever transaction the store opened around the call.
 */
import type { ContactSharing, PoolingSettings } from "../teams.js";
import type { Sql } from "./sqlite-run.js";

export function poolingSettingsOf(sql: Sql, owner: string): PoolingSettings {
  const contacts = sql(
    "SELECT person_id AS personId, sharing FROM contact_sharing WHERE owner = ? ORDER BY person_id",
  ).all(owner) as { personId: string; sharing: ContactSharing }[];
  const blockedLabels = sql("SELECT label FROM blocked_label WHERE owner = ? ORDER BY label")
    .pluck()
    .all(owner) as string[];
  return { contacts, blockedLabels };
}

/** Sets or (null) removes the override of a person the caller found to be the owner's. */
export function putContactSharing(
  sql: Sql,
  owner: string,
  personId: string,
  sharing: ContactSharing | null,
): void {
  if (sharing === null) {
    sql("DELETE FROM contact_sharing WHERE owner = ? AND person_id = ?").run(owner, personId);
    return;
  }
  sql(
    `INSERT INTO contact_sharing (owner, person_id, sharing) VALUES (?, ?, ?)
     ON CONFLICT (owner, person_id) DO UPDATE SET sharing = excluded.sharing`,
  ).run(owner, personId, sharing);
}

/** Replaces the owner's blocked labels (already normalized). */
export function putBlockedLabels(sql: Sql, owner: string, labels: readonly string[]): void {
  sql("DELETE FROM blocked_label WHERE owner = ?").run(owner);
  const insert = sql("INSERT INTO blocked_label (owner, label) VALUES (?, ?)");
  for (const label of labels) insert.run(owner, label);
}
