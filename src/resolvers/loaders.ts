/**
 * Per-request batching: every nested field of one request that needs the same
 * kind of record shares one store call (DataLoader), so a page of 50 people
 * with their ties and employers costs a handful of calls, not one per person.
 */
import DataLoader from "dataloader";
import { refFields, type NetworkStore, type RecordKind, type Records } from "../graph/index.js";

function byId<K extends RecordKind>(store: NetworkStore, ownerId: string, kind: K) {
  return new DataLoader<string, Records[K] | null>((ids) => store.getMany(ownerId, kind, ids));
}

function byRef<K extends RecordKind>(
  store: NetworkStore,
  ownerId: string,
  kind: K,
  refKind: "person" | "organization",
) {
  const fields = refFields(kind, refKind);
  return new DataLoader<string, Records[K][]>(async (ids) => {
    const records = await store.listByRefs(ownerId, kind, refKind, ids);
    const byRefId = new Map<string, Records[K][]>(ids.map((id) => [id, []]));
    for (const record of records) {
      const source = record as unknown as Record<string, string>;
      for (const field of fields) byRefId.get(source[field]!)?.push(record);
    }
    return ids.map((id) => byRefId.get(id) ?? []);
  });
}

export function createLoaders(store: NetworkStore, ownerId: string) {
  return {
    person: byId(store, ownerId, "person"),
    organization: byId(store, ownerId, "organization"),
    tiesOfPerson: byRef(store, ownerId, "tie", "person"),
    employmentOfPerson: byRef(store, ownerId, "employment", "person"),
    employmentAtOrganization: byRef(store, ownerId, "employment", "organization"),
    membershipsOfPerson: byRef(store, ownerId, "membership", "person"),
    membersOfOrganization: byRef(store, ownerId, "membership", "organization"),
    interactionsOfPerson: byRef(store, ownerId, "interaction", "person"),
    followUpsOfPerson: byRef(store, ownerId, "followUp", "person"),
    favorsOfPerson: byRef(store, ownerId, "favor", "person"),
    newsOfPerson: byRef(store, ownerId, "news", "person"),
    interaction: byId(store, ownerId, "interaction"),
    followUp: byId(store, ownerId, "followUp"),
    introRequest: byId(store, ownerId, "introRequest"),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
