/**
 * The path queries as single calls on a store, for the API layer: they fetch
 * the owner's projection (built once, synced per call) and run the engine.
 */
import { notFound } from "../../errors.js";
import { projectionFor } from "../projection/projection-registry.js";
import { listAll } from "../store/list-all.js";
import type { NetworkStore } from "../store/network-store.js";
import {
  checkIntroTarget,
  introPathLimits,
  introPaths,
  type IntroPathResult,
  type IntroPathsOptions,
  type IntroTarget,
} from "./intro-paths.js";
import { checkLimit } from "./limits.js";
import { fewestHopsPath } from "./shortest-path.js";
import { MAX_HOPS_LIMIT } from "./warmest-paths.js";

export async function findIntroPaths(
  store: NetworkStore,
  ownerId: string,
  to: IntroTarget,
  options: IntroPathsOptions = {},
): Promise<IntroPathResult> {
  // Arguments first: a bad request must not pay for building the projection.
  checkIntroTarget(to);
  introPathLimits(options);
  const projection = await projectionFor(store, ownerId);
  return introPaths(projection, to, options, async (filter) =>
    (await listAll(store, ownerId, "person", filter)).map((p) => p.id),
  );
}

/**
 * Person ids of a path with the fewest ties from `from` (default: the owner) to `to`, or null when none within maxHops.
 * When `to` is `from`, the zero-tie path [from]: the same answer introPaths gives in words ("That is where the path starts.").
 */
export async function findShortestPath(
  store: NetworkStore,
  ownerId: string,
  to: string,
  options: { from?: string | null; maxHops?: number | null } = {},
): Promise<string[] | null> {
  const maxHops = checkLimit("maxHops", options.maxHops ?? 6, MAX_HOPS_LIMIT);
  const projection = await projectionFor(store, ownerId);
  const from = options.from ?? projection.selfId;
  const index = projection.pathIndex();
  const [s, t] = [index.indexOf.get(from), index.indexOf.get(to)];
  if (s === undefined) throw notFound("person", from, "from");
  if (t === undefined) throw notFound("person", to, "to");
  return fewestHopsPath(index, s, t, maxHops)?.map((i) => index.keys[i]!) ?? null;
}
