/**
 * The analytics that walk the whole network, kept with the projection they were computed on
 * until its version moves. Louvain and betweenness cost the most of any query, and the web
 * app's map asks for communities three times a load (communities, bridges, the people to draw).
 * A projection changes only through `sync`, which moves its version, so the same version gives
 * the same answer; a projection evicted and loaded again is a new object and starts empty.
 * The answers are shared: callers copy what they hand out.
 */
import type { NetworkProjection } from "../projection/network-projection.js";
import { brokers } from "./brokers.js";
import { communities } from "./communities.js";

function keptPerVersion<T>(
  compute: (projection: NetworkProjection) => T,
): (projection: NetworkProjection) => T {
  const kept = new WeakMap<NetworkProjection, { version: number; value: T }>();
  return (projection) => {
    const hit = kept.get(projection);
    if (hit?.version === projection.version) return hit.value;
    const value = compute(projection);
    kept.set(projection, { version: projection.version, value });
    return value;
  };
}

/** The owner's communities (largest first) and the bridges between them. */
export const keptCommunities = keptPerVersion((projection) => communities(projection.graph));

/** The most brokers any call may ask for (a smaller limit slices this list). */
export const KEPT_BROKERS = 100;

/** The best `KEPT_BROKERS` brokers, best first. */
export const keptBrokers = keptPerVersion((projection) =>
  brokers(projection.pathIndex(), { limit: KEPT_BROKERS }),
);
