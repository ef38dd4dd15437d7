/**
 * Invitations in SQLite: the `invitation` table (migration 5), found by the SHA-256 of their
 * token, which is stored but never read back out. Every function runs in whatever transaction
 * the store opened around the call; a sign-up's is IMMEDIATE, so two sign-ups with one
 * invitation run one after the other and the second finds it used.
 */
import { fromIso, toIso } from "../accounts.js";
import type { Invitation } from "../invitations.js";
import type { Row } from "./sqlite-accounts.js";
import type { Sql } from "./sqlite-run.js";

const INVITATION = `i.id, i.email, i.admin, i.invited_by, i.created_at, i.expires_at, i.used_at,
  i.used_by`;

function toInvitation(row: Row): Invitation {
  return {
    id: String(row.id),
    email: typeof row.email === "string" ? row.email : null,
    admin: row.admin === 1,
    invitedBy: String(row.invited_by),
    createdAt: fromIso(row.created_at) as Date,
    expiresAt: fromIso(row.expires_at) as Date,
    usedAt: fromIso(row.used_at),
    usedBy: typeof row.used_by === "string" ? row.used_by : null,
  };
}

export function insertInvitation(sql: Sql, invitation: Invitation, tokenHash: string): void {
  sql(
    `INSERT INTO invitation (id, token_hash, email, admin, invited_by, created_at, expires_at,
       used_at, used_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    invitation.id,
    tokenHash,
    invitation.email,
    invitation.admin ? 1 : 0,
    invitation.invitedBy,
    toIso(invitation.createdAt),
    toIso(invitation.expiresAt),
    toIso(invitation.usedAt),
    invitation.usedBy,
  );
}

export function invitationByHash(sql: Sql, tokenHash: string): Invitation | undefined {
  const row = sql(`SELECT ${INVITATION} FROM invitation i WHERE i.token_hash = ?`).get(
    tokenHash,
  ) as Row | undefined;
  return row && toInvitation(row);
}

/** Marks the invitation used by the user it created. */
export function markUsed(sql: Sql, id: string, usedAt: Date, usedBy: string): void {
  sql("UPDATE invitation SET used_at = ?, used_by = ? WHERE id = ?").run(toIso(usedAt), usedBy, id);
}

export const invitationsBy = (sql: Sql, invitedBy: string): Invitation[] =>
  (
    sql(
      `SELECT ${INVITATION} FROM invitation i WHERE i.invited_by = ? ORDER BY i.created_at, i.id`,
    ).all(invitedBy) as Row[]
  ).map(toInvitation);
