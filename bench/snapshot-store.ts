/**
 * A stand-in for a NetworkStore that answers only what NetworkProjection.load reads: one
 * owner's snapshot (loadNetwork) and no interactions or favors (list). Benches that measure
 * what comes after the load (the pooled search, its memory) build projections with it, so
 * the projection runs its own code on the records without the store's write and read cost
 * (bench/projection.ts measures that). It hands the snapshot out once and then forgets it,
 * so the projection holds the records and nothing else does. Any other store call throws.
 */
import type { NetworkSnapshot } from "../src/graph/store/network-snapshot.js";
import type { NetworkStore } from "../src/graph/store/network-store.js";

export function snapshotStore(snapshot: NetworkSnapshot): NetworkStore {
  let held: NetworkSnapshot | null = snapshot;
  const store: Pick<NetworkStore, "loadNetwork" | "list"> = {
    loadNetwork: async () => {
      if (held === null) throw new Error("snapshotStore: the snapshot was handed out already");
      const out = held;
      held = null;
      return out;
    },
    list: async () => ({
      edges: [],
      totalCount: 0,
      pageInfo: { hasNextPage: false, endCursor: null },
    }),
  };
  // Only the two methods above are ever called by NetworkProjection.load (and no sync runs here).
  return store as NetworkStore;
}
