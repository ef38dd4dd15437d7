/**
 * Warm paths over a team's pooled network (issue 14), recorded in the audit log so the members
 * whose ties a search used can see it (rule 9). The summary names the target only as the
 * requester may see it, and one of the requester's own contacts not at all: the members see
 * that their ties were used, never the requester's private network.
 */
import {
  pooledIntroPaths,
  viewName,
  type NetworkStore,
  type PooledNetwork,
  type PooledPathResult,
  type PooledPathsOptions,
  type PooledTarget,
  type User,
} from "../graph/index.js";
import { checkPooledTarget } from "../graph/index.js";
import { memberPool } from "./team-pool.js";

function summaryOf(pool: PooledNetwork, target: PooledTarget): string {
  if (target.text != null) return `paths to people matching "${target.text.trim().slice(0, 100)}"`;
  if (target.organizationName != null)
    return `paths to anyone at ${target.organizationName.trim()}`;
  if (target.organizationId != null) {
    const org = pool.requester.organizations.get(target.organizationId);
    return org ? `paths to anyone at ${org.name}` : "paths to anyone at an organization";
  }
  const node = pool.nodeOf(target.personId!);
  const view = node === undefined ? undefined : pool.view(node);
  return view === undefined || view.kind === "own"
    ? "paths to one of their own contacts"
    : `paths to ${viewName(pool, view)}`;
}

export interface TeamPathSearch {
  pool: PooledNetwork;
  result: PooledPathResult;
}

export async function teamIntroPaths(
  store: NetworkStore,
  user: User,
  teamId: string,
  target: PooledTarget,
  options: PooledPathsOptions,
  now: Date,
): Promise<TeamPathSearch> {
  checkPooledTarget(target);
  const { pool } = await memberPool(store, user, teamId);
  const result = pooledIntroPaths(pool, target, options);
  await store.appendTeamAudit({
    teamId,
    at: now,
    kind: "pooled_search",
    actorUserId: user.id,
    memberUserIds: result.memberUserIds,
    summary: summaryOf(pool, target),
  });
  return { pool, result };
}
