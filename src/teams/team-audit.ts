/**
 * The audit log of pooled use (issue 14, rule 9): every pooled search and every request
 * through a member is recorded, and a member sees the entries that used their ties or were
 * theirs. Owners and admins see all of the team's.
 */
import type { NetworkStore, TeamAuditEntry, User } from "../graph/index.js";
import { membership } from "./team-access.js";
import { manages } from "./team-rules.js";

export async function teamAudit(
  store: NetworkStore,
  user: User,
  teamId: string,
  first = 100,
): Promise<TeamAuditEntry[]> {
  const member = await membership(store, teamId, user);
  return store.listTeamAudit(teamId, {
    first,
    ...(manages(member.role) ? {} : { memberUserId: user.id }),
  });
}
