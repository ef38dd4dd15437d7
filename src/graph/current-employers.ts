/** Where people work now, by name: for {{company}} in updates, the blurb of an introduction request, and the command line. */
import { isCurrentEmployment } from "./model/employment.js";
import type { NetworkStore } from "./store/network-store.js";

/** The names of each person's current employers (open-ended employment), the one started last first; people with none are absent. */
export async function currentEmployers(
  store: NetworkStore,
  ownerId: string,
  personIds: readonly string[],
): Promise<Map<string, string[]>> {
  const jobs = (await store.listByRefs(ownerId, "employment", "person", personIds)).filter(
    isCurrentEmployment,
  );
  jobs.sort((a, b) =>
    (b.from ?? "") < (a.from ?? "") ? -1 : (b.from ?? "") > (a.from ?? "") ? 1 : 0,
  );
  const orgs = await store.getMany(ownerId, "organization", [
    ...new Set(jobs.map((e) => e.organizationId)),
  ]);
  const orgName = new Map(orgs.flatMap((o) => (o ? [[o.id, o.name] as const] : [])));
  const out = new Map<string, string[]>();
  for (const job of jobs) {
    const name = orgName.get(job.organizationId);
    const names = out.get(job.personId) ?? [];
    if (name !== undefined && !names.includes(name)) out.set(job.personId, [...names, name]);
  }
  return out;
}
