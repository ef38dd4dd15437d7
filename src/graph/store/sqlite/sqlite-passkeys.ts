/**
 * Passkeys in SQLite: the `passkey` table (migration 5), keyed by the credential id, with the
 * transports as a JSON list. They go with their user (ON DELETE CASCADE). Every function runs in
 * whatever transaction the store opened around the call.
 */
import { fromIso, toIso } from "../accounts.js";
import type { Passkey, PasskeyWithUser } from "../passkeys.js";
import { toUser, USER, type Row } from "./sqlite-accounts.js";
import type { Sql } from "./sqlite-run.js";

const PASSKEY = `p.id, p.user_id, p.name, p.public_key, p.counter, p.transports, p.device_type,
  p.backed_up, p.created_at, p.last_used_at`;

function toPasskey(row: Row): Passkey {
  return {
    id: String(row.id),
    userId: String(row.user_id),
    name: String(row.name),
    publicKey: String(row.public_key),
    counter: Number(row.counter),
    transports: JSON.parse(String(row.transports)) as string[],
    deviceType: row.device_type === "multiDevice" ? "multiDevice" : "singleDevice",
    backedUp: row.backed_up === 1,
    createdAt: fromIso(row.created_at) as Date,
    lastUsedAt: fromIso(row.last_used_at),
  };
}

export function insertPasskey(sql: Sql, passkey: Passkey): void {
  sql(
    `INSERT INTO passkey (id, user_id, name, public_key, counter, transports, device_type,
       backed_up, created_at, last_used_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    passkey.id,
    passkey.userId,
    passkey.name,
    passkey.publicKey,
    passkey.counter,
    JSON.stringify(passkey.transports),
    passkey.deviceType,
    passkey.backedUp ? 1 : 0,
    toIso(passkey.createdAt),
    toIso(passkey.lastUsedAt),
  );
}

export function passkeyById(sql: Sql, id: string): PasskeyWithUser | null {
  const row = sql(
    `SELECT ${PASSKEY}, ${USER} FROM passkey p JOIN app_user u ON u.id = p.user_id
     WHERE p.id = ?`,
  ).get(id) as Row | undefined;
  return row ? { passkey: toPasskey(row), user: toUser(row) } : null;
}

export const passkeysOf = (sql: Sql, userId: string): Passkey[] =>
  (
    sql(`SELECT ${PASSKEY} FROM passkey p WHERE p.user_id = ? ORDER BY p.created_at, p.id`).all(
      userId,
    ) as Row[]
  ).map(toPasskey);

/** False when there is no such passkey. */
export const usePasskey = (sql: Sql, id: string, counter: number, at: Date): boolean =>
  sql("UPDATE passkey SET counter = ?, last_used_at = ? WHERE id = ?").run(counter, toIso(at), id)
    .changes > 0;

/** Removes the user's passkey with this id; false for a missing one and for another user's alike. */
export const deletePasskey = (sql: Sql, userId: string, id: string): boolean =>
  sql("DELETE FROM passkey WHERE id = ? AND user_id = ?").run(id, userId).changes > 0;
