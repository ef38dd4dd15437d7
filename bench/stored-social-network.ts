/**
 * A Holme-Kim network (social-graph.ts) written into a store through `bulkUpsert`, as the
 * benches that time the store's readers need it: the people, their ties, and a few hundred ties
 * of the owner's own, as a real user has.
 */
import type { NetworkStore } from "../src/graph/store/network-store.js";
import { socialGraph } from "./social-graph.js";
import { rng } from "./synthetic-network.js";

const CHUNK = 20_000;

/** Writes `people` people and their ties for `owner`; returns the people's ids (in node order) and how many ties. */
export async function storeSocialNetwork(
  store: NetworkStore,
  owner: string,
  people: number,
): Promise<{ ids: string[]; ties: number }> {
  const graph = socialGraph(people);
  const self = await store.ensureOwner(owner, { name: "Bench Owner" });
  const ids: string[] = [];
  const names = graph.nodes();
  for (let i = 0; i < names.length; i += CHUNK) {
    const chunk = names.slice(i, i + CHUNK).map((n) => ({ name: `Person ${n}` }));
    ids.push(...(await store.bulkUpsert(owner, "person", chunk)).ids);
  }
  const edges = graph.mapEdges((_e, a, s, t) => ({
    personA: ids[Number(s)]!,
    personB: ids[Number(t)]!,
    strength: a.strength as number,
  }));
  const random = rng(5);
  for (let i = 0; i < 300; i++)
    edges.push({
      personA: self.id,
      personB: ids[Math.floor(random() * ids.length)]!,
      strength: 0.8,
    });
  for (let i = 0; i < edges.length; i += CHUNK)
    await store.bulkUpsert(owner, "tie", edges.slice(i, i + CHUNK));
  return { ids, ties: edges.length };
}
