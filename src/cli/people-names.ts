/** Names (and current employers) for the person ids a list or a path returns, fetched in one call each. */
import type { Person } from "../graph/model/person.js";
import type { NetworkStore } from "../graph/store/network-store.js";

/** Each person by id, for the ids given; ids of people deleted meanwhile are left out. */
export async function peopleById(store: NetworkStore, ownerId: string, ids: Iterable<string>): Promise<Map<string, Person>> {
  const unique = [...new Set(ids)];
  const people = await store.getMany(ownerId, "person", unique);
  return new Map(people.filter((p): p is Person => p !== null).map((p) => [p.id, p]));
}

/** The names of each person's current employers, in the store's order. */
export async function currentEmployers(store: NetworkStore, ownerId: string, personIds: readonly string[]): Promise<Map<string, string[]>> {
  const jobs = (await store.listByRefs(ownerId, "employment", "person", personIds)).filter((e) => e.to === null);
  const orgs = await store.getMany(ownerId, "organization", [...new Set(jobs.map((e) => e.organizationId))]);
  const orgName = new Map(orgs.filter((o) => o !== null).map((o) => [o.id, o.name]));
  const out = new Map<string, string[]>();
  for (const job of jobs) {
    const name = orgName.get(job.organizationId);
    if (name !== undefined) out.set(job.personId, [...(out.get(job.personId) ?? []), name]);
  }
  return out;
}

/** "VP Engineering at Fabrikam", "VP Engineering", "at Fabrikam", or "". */
export function roleLine(title: string | null, employers: readonly string[]): string {
  const at = employers.length > 0 ? `at ${employers.join(", ")}` : "";
  return [title ?? "", at].filter((s) => s !== "").join(" ");
}
