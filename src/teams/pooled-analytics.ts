/**
 * Reach, top connectors and coverage over a team's pooled network (issue 14), each recorded in
 * the audit log for the members whose ties the answer used (rule 9), as teamIntroPaths is. The
 * summaries name what the requester asked in words they typed (company names) or counts, and
 * never one of the requester's own contacts.
 */
import {
  checkConnectorArguments,
  checkOrganizationNames,
  checkReachOptions,
  pooledCoverage,
  pooledReach,
  pooledTopConnectors,
  viewName,
  type NetworkStore,
  type PooledConnectors,
  type PooledCoverageResult,
  type PooledNetwork,
  type PooledReach,
  type PooledReachOptions,
  type PooledTarget,
  type User,
} from "../graph/index.js";
import { memberPool } from "./team-pool.js";

/** An answer over the pool, with the pool it came from (to show its nodes). */
export interface TeamAnalysis<T> {
  pool: PooledNetwork;
  result: T;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

async function audited<T extends { memberUserIds: string[] }>(
  store: NetworkStore,
  user: User,
  teamId: string,
  now: Date,
  answer: (pool: PooledNetwork) => { result: T; summary: string },
): Promise<TeamAnalysis<T>> {
  const { pool } = await memberPool(store, user, teamId);
  const { result, summary } = answer(pool);
  await store.appendTeamAudit({
    teamId,
    at: now,
    kind: "pooled_search",
    actorUserId: user.id,
    memberUserIds: result.memberUserIds,
    summary,
  });
  return { pool, result };
}

/** Counts per tie of the pool's people the member reaches, and how many warmly. */
export async function teamReach(
  store: NetworkStore,
  user: User,
  teamId: string,
  options: PooledReachOptions,
  now: Date,
): Promise<TeamAnalysis<PooledReach>> {
  checkReachOptions(options);
  return audited(store, user, teamId, now, (pool) => {
    const result = pooledReach(pool, options);
    const node = options.from == null ? pool.selfNode : pool.nodeOf(options.from)!;
    const view = pool.view(node);
    const start =
      node === pool.selfNode
        ? ""
        : view.kind === "own"
          ? " from one of their own contacts"
          : ` from ${viewName(pool, view)}`;
    return { result, summary: `reach${start} within ${plural(result.levels.length, "tie")}` };
  });
}

/** Who opens the most of these targets as first introducer, over the pool. */
export async function teamTopConnectors(
  store: NetworkStore,
  user: User,
  teamId: string,
  targets: readonly PooledTarget[],
  limit: number | null,
  now: Date,
): Promise<TeamAnalysis<PooledConnectors>> {
  checkConnectorArguments(targets, limit);
  return audited(store, user, teamId, now, (pool) => ({
    result: pooledTopConnectors(pool, targets, { limit }),
    summary: `top connectors to ${plural(targets.length, "target")}`,
  }));
}

/** For each company name: the pool's people there now, and the warmest path in. */
export async function teamCoverage(
  store: NetworkStore,
  user: User,
  teamId: string,
  organizationNames: readonly string[],
  now: Date,
): Promise<TeamAnalysis<PooledCoverageResult>> {
  checkOrganizationNames(organizationNames);
  return audited(store, user, teamId, now, (pool) => {
    const result = pooledCoverage(pool, organizationNames);
    const names = result.coverage.map((c) => c.organizationName).join(", ");
    return {
      result,
      summary: `coverage of ${names.length > 200 ? `${names.slice(0, 199)}…` : names}`,
    };
  });
}
