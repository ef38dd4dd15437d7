/**
 * One pooled network per store, team and requester, shared by the requests of a process
 * (like projection-registry.ts for one owner): each call syncs the requester's and the
 * members' projections (projectionFor), then keeps the pool in step through their change
 * feeds: the people each projection changed since the pool last saw it are redone in the
 * pool (pool-assembly.ts), so a write costs about what it touched. The pool is built anew
 * only when what it is made of changed: the members and their levels, roles, names and
 * pooling settings, the caller's own fingerprint (say, the team's settings), or a
 * projection that was reloaded or whose change log no longer reaches back. Repeated
 * searches cost the syncs and a comparison. Keyed weakly by store, like the projections, and
 * under the same memory budget (LRU, memory-budget.ts): a cold pool is evicted, and so is a pool
 * whose member's projection was evicted (it would hold that projection's memory).
 */
import { createHash } from "node:crypto";
import { badInput } from "../../errors.js";
import type { NetworkProjection, ProjectionOptions } from "../projection/network-projection.js";
import { memoryBudgetOf, projectionFor, projectionKey } from "../projection/projection-registry.js";
import type { NetworkStore } from "../store/network-store.js";
import type { PoolingSettings, SharingLevel, TeamRole } from "../store/teams.js";
import type { PoolAssembly } from "./pool-assembly.js";
import type { PooledNetwork } from "./pooled-graph.js";
import { assemblePooledNetwork, type PooledNetworkOptions } from "./pooled-network.js";

/** A pooled member as the caller knows it: the projection is fetched here. */
export interface TeamPoolMember {
  userId: string;
  ownerId: string;
  name: string;
  role: TeamRole;
  level: SharingLevel;
  settings: PoolingSettings;
}

export interface TeamPoolInput {
  teamId: string;
  requester: { userId: string; ownerId: string };
  /** The members to pool (poolMembers decides), with their settings. */
  members: readonly TeamPoolMember[];
  /** Anything else the pool depends on that the caller can name cheaply (a team's settings). */
  fingerprint?: string;
}

export interface TeamPoolOptions extends Omit<PooledNetworkOptions, "teamId"> {
  /** For projections built here (a fixed clock in tests). */
  projection?: ProjectionOptions;
}

interface Cached {
  fingerprint: string;
  projections: NetworkProjection[];
  /** The version of each projection the pool reflects. */
  versions: number[];
  assembly: PoolAssembly;
}

const registry = new WeakMap<NetworkStore, Map<string, Cached>>();

/**
 * Estimated bytes per node and per edge of a pooled network (a Graphology graph with views,
 * holders and an index): assumed, not measured, at what the Graphology projection cost per
 * person and per edge before the index-first rewrite (projection-bytes.ts has the method).
 */
export const POOL_SIZE_ESTIMATE = Object.freeze({ nodeBytes: 2_400, edgeBytes: 900 });

const poolKey = (key: string): string => `pool:${key}`;

/** Records a use of the pool under the store's budget, which may evict it (or colder graphs) later. */
function keepWarm(store: NetworkStore, byKey: Map<string, Cached>, key: string): void {
  const cached = byKey.get(key)!;
  const { graph } = cached.assembly.network;
  memoryBudgetOf(store).touch(
    poolKey(key),
    graph.order * POOL_SIZE_ESTIMATE.nodeBytes + graph.size * POOL_SIZE_ESTIMATE.edgeBytes,
    () => {
      if (byKey.get(key) === cached) byKey.delete(key);
    },
    cached.projections.map((p) => projectionKey(p.ownerId)),
  );
}

/** The requester's pooled network in this team, rebuilt only when something it depends on changed. */
export async function teamPoolFor(
  store: NetworkStore,
  input: TeamPoolInput,
  options: TeamPoolOptions = {},
): Promise<PooledNetwork> {
  if (!input.teamId) throw badInput("teamId", "is required");
  if (!input.requester?.userId) throw badInput("requester.userId", "is required");
  const members = [...input.members].sort((a, b) =>
    a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0,
  );
  const projections = await Promise.all(
    [input.requester.ownerId, ...members.map((m) => m.ownerId)].map((ownerId) =>
      projectionFor(store, ownerId, options.projection),
    ),
  );
  const fingerprint = createHash("sha256")
    .update(
      JSON.stringify([
        input.fingerprint ?? null,
        options.teammateStrength ?? null,
        input.requester,
        members,
      ]),
    )
    .digest("hex");
  let byKey = registry.get(store);
  if (!byKey) registry.set(store, (byKey = new Map()));
  const key = JSON.stringify([input.teamId, input.requester.userId]);
  const cached = byKey.get(key);
  const versions = projections.map((p) => p.version);
  if (
    cached !== undefined &&
    cached.fingerprint === fingerprint &&
    cached.projections.every((p, i) => p === projections[i])
  ) {
    const changed = projections.map((p, i) => p.peopleChangedSince(cached.versions[i]!));
    if (changed.every((people) => people !== null)) {
      const touched = new Map(projections.map((p, i) => [p.ownerId, changed[i]!] as const));
      if ([...touched.values()].some((people) => people.size > 0)) cached.assembly.sync(touched);
      cached.versions = versions;
      keepWarm(store, byKey, key);
      return cached.assembly.network;
    }
  }
  const [own, ...others] = projections;
  const { projection: _, ...poolOptions } = options;
  const assembly = assemblePooledNetwork(
    { ...input.requester, projection: own! },
    members.map((m, i) => ({ ...m, projection: others[i]! })),
    { ...poolOptions, teamId: input.teamId },
  );
  byKey.set(key, { fingerprint, projections, versions, assembly });
  keepWarm(store, byKey, key);
  return assembly.network;
}

/** Forgets the cached pools of a team (all of a store when no team is given): after a team is deleted. */
export function forgetTeamPools(store: NetworkStore, teamId?: string): void {
  const byKey = registry.get(store);
  if (!byKey) return;
  for (const key of byKey.keys()) {
    if (teamId !== undefined && (JSON.parse(key) as string[])[0] !== teamId) continue;
    byKey.delete(key);
    memoryBudgetOf(store).delete(poolKey(key));
  }
}
