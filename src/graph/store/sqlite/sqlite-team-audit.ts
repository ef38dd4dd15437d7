/**
 * The team audit log in SQLite: the `team_audit` table (migration 6), the members a pooled use
 * named as a JSON list. Read newest first through the (team, time) index. Every function runs
 * in whatever transaction the store opened around the call.
 */
import { fromIso, toIso } from "../accounts.js";
import type { AuditKind, TeamAuditEntry } from "../teams.js";
import type { Row } from "./sqlite-accounts.js";
import type { Sql } from "./sqlite-run.js";

function toEntry(row: Row): TeamAuditEntry {
  return {
    id: String(row.id),
    teamId: String(row.team_id),
    at: fromIso(row.at) as Date,
    kind: row.kind as AuditKind,
    actorUserId: String(row.actor_user_id),
    memberUserIds: JSON.parse(String(row.member_user_ids)) as string[],
    summary: String(row.summary),
  };
}

export function insertAuditEntry(sql: Sql, entry: TeamAuditEntry): void {
  sql(
    `INSERT INTO team_audit (id, team_id, at, kind, actor_user_id, member_user_ids, summary)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    entry.id,
    entry.teamId,
    toIso(entry.at),
    entry.kind,
    entry.actorUserId,
    JSON.stringify(entry.memberUserIds),
    entry.summary,
  );
}

/** The team's newest `first` entries; with `member`, only those naming them as actor or member. */
export const auditEntriesOf = (
  sql: Sql,
  teamId: string,
  member: string | null,
  first: number,
): TeamAuditEntry[] =>
  (
    sql(
      `SELECT a.id, a.team_id, a.at, a.kind, a.actor_user_id, a.member_user_ids, a.summary
       FROM team_audit a
       WHERE a.team_id = @teamId AND (@member IS NULL OR a.actor_user_id = @member
         OR EXISTS (SELECT 1 FROM json_each(a.member_user_ids) WHERE value = @member))
       ORDER BY a.at DESC, a.id DESC LIMIT @first`,
    ).all({ teamId, member, first }) as Row[]
  ).map(toEntry);
