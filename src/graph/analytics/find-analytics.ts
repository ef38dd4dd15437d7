/**
 * The analytics as single calls on a store, for the API layer (each on the
 * owner's synced projection). Arguments are checked before the projection is
 * fetched, so a bad request never pays for building it.
 */
import { badInput, notFound } from "../../errors.js";
import { checkIntroTarget, type IntroTarget } from "../paths/intro-paths.js";
import { checkLimit } from "../paths/limits.js";
import { MAX_HOPS_LIMIT } from "../paths/warmest-paths.js";
import { projectionFor } from "../projection/projection-registry.js";
import type { NetworkStore } from "../store/network-store.js";
import { BROKERS_DEFAULTS } from "./brokers.js";
import type { Bridge } from "./communities.js";
import { coverage, topConnectors, TOP_CONNECTORS_DEFAULTS } from "./connectors-and-coverage.js";
import { keptBrokers, keptCommunities, KEPT_BROKERS } from "./kept-analytics.js";
import { reach, REACH_DEFAULTS } from "./reach.js";

/** The defaults of these calls, stated once: the GraphQL arguments read them too. */
export const ANALYTICS_DEFAULTS = Object.freeze({
  reach: Object.freeze({ maxHops: REACH_DEFAULTS.maxHops }),
  topConnectors: Object.freeze({ limit: TOP_CONNECTORS_DEFAULTS.limit }),
  bridges: Object.freeze({ limit: 20 }),
  brokers: Object.freeze({ limit: BROKERS_DEFAULTS.limit }),
});

export async function findReach(
  store: NetworkStore,
  ownerId: string,
  options: { from?: string | null; maxHops?: number | null } = {},
) {
  const maxHops = checkLimit(
    "maxHops",
    options.maxHops ?? ANALYTICS_DEFAULTS.reach.maxHops,
    MAX_HOPS_LIMIT,
  );
  const projection = await projectionFor(store, ownerId);
  const from = options.from ?? projection.selfId;
  if (!projection.people.has(from)) throw notFound("person", from, "from");
  return reach(projection.pathIndex(), from, { maxHops });
}

export async function findTopConnectors(
  store: NetworkStore,
  ownerId: string,
  targets: readonly IntroTarget[],
  given?: number | null,
) {
  const limit = checkLimit("limit", given ?? ANALYTICS_DEFAULTS.topConnectors.limit, 100);
  if (targets.length > 100) throw badInput("targets", "at most 100 targets");
  targets.forEach((target, i) => checkIntroTarget(target, `targets[${i}]`));
  return topConnectors(await projectionFor(store, ownerId), targets, limit);
}

const copyBridge = (b: Bridge): Bridge => ({ ...b, communities: [...b.communities] });

/** The communities, largest first, and every bridge between them; the caller's own copy. */
export async function findCommunities(store: NetworkStore, ownerId: string) {
  const found = keptCommunities(await projectionFor(store, ownerId));
  return {
    communities: found.communities.map((c) => ({ id: c.id, members: [...c.members] })),
    bridges: found.bridges.map(copyBridge),
  };
}

/** Ties between communities, the rarest first; at most `limit` (up to 1,000). */
export async function findBridges(store: NetworkStore, ownerId: string, given?: number | null) {
  const limit = checkLimit("limit", given ?? ANALYTICS_DEFAULTS.bridges.limit, 1_000);
  return keptCommunities(await projectionFor(store, ownerId))
    .bridges.slice(0, limit)
    .map(copyBridge);
}

export async function findBrokers(store: NetworkStore, ownerId: string, given?: number | null) {
  const limit = checkLimit("limit", given ?? ANALYTICS_DEFAULTS.brokers.limit, KEPT_BROKERS);
  return keptBrokers(await projectionFor(store, ownerId))
    .slice(0, limit)
    .map((b) => ({ ...b }));
}

export async function findCoverage(
  store: NetworkStore,
  ownerId: string,
  organizationIds: readonly string[],
) {
  if (organizationIds.length > 200) throw badInput("organizationIds", "at most 200 organizations");
  return coverage(await projectionFor(store, ownerId), organizationIds);
}
