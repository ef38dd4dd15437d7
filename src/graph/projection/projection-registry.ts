/**
 * One projection per store and owner, shared by every request of a process:
 * built on first use, then synced before each query so a query always sees
 * the writes that came before it. Keyed weakly by store, so closing and
 * dropping a store frees its projections.
 */
import type { NetworkStore } from "../store/network-store.js";
import { NetworkProjection, type ProjectionOptions } from "./network-projection.js";

const registry = new WeakMap<NetworkStore, Map<string, Promise<NetworkProjection>>>();

export async function projectionFor(
  store: NetworkStore,
  ownerId: string,
  options: ProjectionOptions = {},
): Promise<NetworkProjection> {
  let byOwner = registry.get(store);
  if (!byOwner) registry.set(store, (byOwner = new Map()));
  let loading = byOwner.get(ownerId);
  if (!loading) {
    loading = NetworkProjection.load(store, ownerId, options);
    byOwner.set(ownerId, loading);
    loading.catch(() => byOwner.delete(ownerId));
    return loading;
  }
  const projection = await loading;
  await projection.sync();
  return projection;
}
