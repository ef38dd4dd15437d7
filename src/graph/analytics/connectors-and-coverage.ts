/**
 * Top connectors (who lies on the most of the best paths to a list of targets)
 * and coverage (the best path to each of a list of organizations, and which
 * have none), both built on introPaths.
 */
import type { PersonFilter } from "../model/person.js";
import type { NetworkProjection } from "../projection/network-projection.js";
import type { IntroPath } from "../paths/intro-path.js";
import { introPaths, type IntroTarget } from "../paths/intro-paths.js";

export interface Connector {
  personId: string;
  /** Best paths (up to three per target) this person lies on as an introducer. */
  paths: number;
  /** The sum of those paths' warmth. */
  warmth: number;
}

export interface Coverage {
  organizationId: string;
  path: IntroPath | null;
  noPathReason: string | null;
}

type Matching = (filter: PersonFilter) => Promise<string[]>;

/** How many connectors topConnectors lists unless told. */
export const TOP_CONNECTORS_DEFAULTS = Object.freeze({ limit: 10 });

export async function topConnectors(
  projection: NetworkProjection,
  targets: readonly IntroTarget[],
  limit: number = TOP_CONNECTORS_DEFAULTS.limit,
  matching?: Matching,
): Promise<Connector[]> {
  const tally = new Map<string, Connector>();
  for (const target of targets) {
    const { paths } = await introPaths(projection, target, {}, matching);
    for (const path of paths) {
      for (const personId of path.people.slice(1, -1)) {
        const c = tally.get(personId) ?? { personId, paths: 0, warmth: 0 };
        c.paths++;
        c.warmth += path.warmth;
        tally.set(personId, c);
      }
    }
  }
  return [...tally.values()]
    .sort((a, b) => b.paths - a.paths || b.warmth - a.warmth)
    .slice(0, limit);
}

export async function coverage(
  projection: NetworkProjection,
  organizationIds: readonly string[],
): Promise<Coverage[]> {
  const out: Coverage[] = [];
  for (const organizationId of organizationIds) {
    const { paths, noPathReason } = await introPaths(projection, { organizationId }, { k: 1 });
    out.push({ organizationId, path: paths[0] ?? null, noPathReason });
  }
  return out;
}
