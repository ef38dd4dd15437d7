/**
 * A stand-in for a NetworkStore that answers only what NetworkProjection.load reads: one
 * owner's snapshot (loadNetwork) and no interactions or favors (list). Benches that measure
 * what comes after the load (the pooled search, its memory) build projections with it, so
 * the projection runs its own code on the records without the store's write and read cost
 * (bench/projection.ts measures that). It hands the snapshot out once and then forgets it,
 * so the projection holds the records and nothing else does.
 *
 * `writeTie` records a new tie as a committed write, which the projection's sync then reads
 * (changesSince, getMany), so a bench can time what a write costs downstream of the store.
 * Any other store call throws.
 */
import type { Tie } from "../src/graph/model/tie.js";
import type { ChangeEntry } from "../src/graph/store/change-set.js";
import type { NetworkSnapshot } from "../src/graph/store/network-snapshot.js";
import type { NetworkStore } from "../src/graph/store/network-store.js";

export interface SnapshotStore extends NetworkStore {
  /** Commits a new tie between two people of the snapshot. */
  writeTie(personA: string, personB: string, strength: number): void;
}

export function snapshotStore(snapshot: NetworkSnapshot): SnapshotStore {
  let held: NetworkSnapshot | null = snapshot;
  const ownerId = snapshot.people[0]?.ownerId ?? "";
  let version = snapshot.version;
  const log: ChangeEntry[] = [];
  const written = new Map<string, Tie>();
  const store: Pick<NetworkStore, "loadNetwork" | "list" | "changesSince" | "getMany"> &
    Pick<SnapshotStore, "writeTie"> = {
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
    changesSince: async (_owner, since) => ({
      version,
      changes: log.filter((entry) => entry.version > since),
    }),
    getMany: (async (_owner: string, _kind: string, ids: string[]) =>
      ids.map((id) => written.get(id) ?? null)) as NetworkStore["getMany"],
    writeTie(personA, personB, strength) {
      version++;
      const now = new Date().toISOString();
      const id = `tie_bench_${version}`;
      written.set(id, {
        id,
        ownerId,
        createdAt: now,
        updatedAt: now,
        personA,
        personB,
        strength,
        context: "worked_together",
        since: null,
        lastInteraction: null,
        provenance: "manual",
        notes: null,
      });
      log.push({ version, kind: "tie", op: "upsert", ids: [id] });
    },
  };
  return store as SnapshotStore;
}
