/**
 * The path queries as single calls on a store, for the API layer: they fetch
 * the owner's projection (built once, synced per call) and run the engine.
 */
import { badInput, notFound } from "../../errors.js";
import type { PersonFilter } from "../model/person.js";
import { projectionFor } from "../projection/projection-registry.js";
import type { NetworkStore } from "../store/network-store.js";
import { introPaths, type IntroPathResult, type IntroPathsOptions, type IntroTarget } from "./intro-paths.js";
import { fewestHopsPath } from "./shortest-path.js";
import { MAX_HOPS_LIMIT } from "./warmest-paths.js";

/** Every person of the owner matching a list filter, by id. */
async function peopleMatching(store: NetworkStore, ownerId: string, filter: PersonFilter): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof store.list<"person">>> = await store.list(ownerId, "person", filter, { first: 1_000, after });
    ids.push(...page.edges.map((e) => e.node.id));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after !== null);
  return ids;
}

export async function findIntroPaths(store: NetworkStore, ownerId: string, to: IntroTarget, options: IntroPathsOptions = {}): Promise<IntroPathResult> {
  const projection = await projectionFor(store, ownerId);
  return introPaths(projection, to, options, (filter) => peopleMatching(store, ownerId, filter));
}

/** Person ids of a path with the fewest ties from `from` (default: the owner) to `to`, or null when none within maxHops. */
export async function findShortestPath(store: NetworkStore, ownerId: string, to: string, options: { from?: string | null; maxHops?: number | null } = {}): Promise<string[] | null> {
  const maxHops = options.maxHops ?? 6;
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > MAX_HOPS_LIMIT) throw badInput("maxHops", `must be a whole number from 1 to ${MAX_HOPS_LIMIT}`);
  const projection = await projectionFor(store, ownerId);
  const from = options.from ?? projection.selfId;
  const index = projection.pathIndex();
  const [s, t] = [index.indexOf.get(from), index.indexOf.get(to)];
  if (s === undefined) throw notFound("person", from, "from");
  if (t === undefined) throw notFound("person", to, "to");
  return fewestHopsPath(index, s, t, maxHops)?.map((i) => index.keys[i]!) ?? null;
}
