/**
 * One projection per store and owner, shared by every request of a process: built on first
 * use, then synced with the store's change feed before each query, so a query sees every write
 * the store acknowledged before it began, whichever process made it (several API processes on
 * one Neo4j: read-your-writes per owner, bound 0). Projections not used lately are evicted
 * when the store's projections and pools pass their memory budget (memory-budget.ts, LRU); an
 * evicted owner's next query loads the projection again. Keyed weakly by store, so closing and
 * dropping a store frees its projections.
 */
import type { NetworkStore } from "../store/network-store.js";
import { MemoryBudget } from "./memory-budget.js";
import { NetworkProjection, type ProjectionOptions } from "./network-projection.js";
import { projectionBytes } from "./projection-bytes.js";

/**
 * The memory budget of one store's projections and team pools, 2 GiB: at PROJECTION_SIZE_ESTIMATE's
 * costs, about 2,200 owners of 500 people and 5,000 ties, or one of 1,000,000 people and
 * 10,000,000 ties.
 */
export const PROJECTION_BUDGET_DEFAULTS = Object.freeze({ budgetBytes: 2 * 1024 ** 3 });

interface Registry {
  budget: MemoryBudget;
  byOwner: Map<string, Promise<NetworkProjection>>;
  /** Where the store's projections keep their warm-start snapshots (none when undefined). */
  snapshotDir?: string;
}

const registries = new WeakMap<NetworkStore, Registry>();

function registryOf(store: NetworkStore): Registry {
  let registry = registries.get(store);
  if (!registry) {
    registry = {
      budget: new MemoryBudget(PROJECTION_BUDGET_DEFAULTS.budgetBytes),
      byOwner: new Map(),
    };
    registries.set(store, registry);
  }
  return registry;
}

/** The budget key of an owner's projection (team pools name it as what they depend on). */
export const projectionKey = (ownerId: string): string => `projection:${ownerId}`;

/** The LRU budget shared by a store's projections and team pools (team-projection.ts). */
export function memoryBudgetOf(store: NetworkStore): MemoryBudget {
  return registryOf(store).budget;
}

/** Sets how many bytes of projections and pools a store keeps warm; evicts what no longer fits. */
export function setProjectionBudget(store: NetworkStore, budgetBytes: number): void {
  registryOf(store).budget.resize(budgetBytes);
}

/**
 * Keeps the store's projections' snapshots in `dir` (projection-snapshot.ts), so a restart loads
 * them instead of the whole network; undefined turns snapshots off (the default).
 */
export function setProjectionSnapshots(store: NetworkStore, dir: string | undefined): void {
  const registry = registryOf(store);
  if (dir === undefined) delete registry.snapshotDir;
  else registry.snapshotDir = dir;
}

/**
 * Saves a snapshot of every projection of the store that has changed since its last one, and
 * waits for saves in progress: for a clean shutdown, so the next start is warm.
 */
export async function saveProjectionSnapshots(store: NetworkStore): Promise<void> {
  const loaded = await Promise.allSettled(registryOf(store).byOwner.values());
  await Promise.allSettled(
    loaded.map(async (result) => {
      if (result.status !== "fulfilled") return;
      await result.value.saved();
      await result.value.saveSnapshot();
    }),
  );
}

/** The owner's projection, in step with the store (see the header). */
export async function projectionFor(
  store: NetworkStore,
  ownerId: string,
  options: ProjectionOptions = {},
): Promise<NetworkProjection> {
  const { budget, byOwner, snapshotDir } = registryOf(store);
  const key = projectionKey(ownerId);
  // Pinned while this caller waits for it: a load or sync in flight is never evicted under it.
  const release = budget.pin(key);
  try {
    let loading = byOwner.get(ownerId);
    if (!loading) {
      const started = NetworkProjection.load(store, ownerId, { snapshotDir, ...options });
      byOwner.set(ownerId, started);
      started.catch(() => {
        if (byOwner.get(ownerId) === started) byOwner.delete(ownerId);
      });
      loading = started;
    }
    const projection = await loading;
    const kept = loading;
    try {
      // Also after a fresh load: on a cluster the load may come from a follower that lags, and the
      // sync's change feed is read on the leader (see the Neo4j adapter's changesSince).
      await projection.sync();
    } catch (error) {
      // A projection that could not catch up is not trusted again: the next call loads afresh.
      if (byOwner.get(ownerId) === kept) byOwner.delete(ownerId);
      budget.delete(key);
      throw error;
    }
    budget.touch(key, projectionBytes(projection), () => {
      if (byOwner.get(ownerId) === kept) byOwner.delete(ownerId);
      // With snapshots on, the owner's next load is warm: the projection is saved as it leaves.
      projection.saveSnapshot().catch(() => undefined);
    });
    return projection;
  } finally {
    release();
  }
}
