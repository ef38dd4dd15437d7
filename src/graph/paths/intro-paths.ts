/**
 * introPaths: the warmest chains of people who can introduce the owner to a
 * person, to anyone currently at an organization, or to anyone matching a
 * filter; each hop explained. Works on a NetworkProjection (kept in step with
 * the store) and says plainly when there is no path within the limits. From a
 * person to themselves there is nothing to introduce: no paths, and the reason
 * "That is where the path starts." (shortestPath answers the zero-tie [from]).
 */
import { badInput, notFound } from "../../errors.js";
import type { PersonFilter } from "../model/person.js";
import type { NetworkProjection } from "../projection/network-projection.js";
import { introPathOf, type IntroPath } from "./intro-path.js";
import { checkLimit } from "./limits.js";
import { warmestPaths, WARMEST_PATHS_DEFAULTS, MAX_HOPS_LIMIT } from "./warmest-paths.js";

export type IntroTarget =
  { personId: string } | { organizationId: string } | { filter: PersonFilter };

export interface IntroPathsOptions {
  /** Where paths start. Default: the owner's own person. */
  from?: string | null;
  maxHops?: number | null;
  k?: number | null;
  diverseIntroducers?: boolean | null;
  /** People not to ask. */
  exclude?: readonly string[] | null;
  minWarmth?: number | null;
}

export interface IntroPathResult {
  paths: IntroPath[];
  noPathReason: string | null;
}

/** The most paths one search ranks (`k`): the engine's ceiling, for callers that want them all. */
export const MAX_K_LIMIT = 100;

/** Checks a target names exactly one of personId, organizationId or filter (before any work). */
export function checkIntroTarget(target: IntroTarget, field = "to"): void {
  const given = ["personId", "organizationId", "filter"].filter(
    (k) => (target as Record<string, unknown>)[k] != null,
  );
  if (given.length !== 1)
    throw badInput(field, "give exactly one of personId, organizationId or filter");
}

/** The options' limits, checked: cheap, so callers run it before building anything. */
export function introPathLimits(options: IntroPathsOptions): {
  maxHops: number;
  k: number;
  minWarmth: number;
} {
  const maxHops = checkLimit(
    "maxHops",
    options.maxHops ?? WARMEST_PATHS_DEFAULTS.maxHops,
    MAX_HOPS_LIMIT,
  );
  const k = checkLimit("k", options.k ?? WARMEST_PATHS_DEFAULTS.k, MAX_K_LIMIT);
  const minWarmth = options.minWarmth ?? 0;
  if (!(minWarmth >= 0 && minWarmth <= 1)) throw badInput("minWarmth", "must be between 0 and 1");
  return { maxHops, k, minWarmth };
}

/** The people a target names, how to name them, and how to say there are none. */
async function resolveTarget(
  projection: NetworkProjection,
  target: IntroTarget,
  matching: (filter: PersonFilter) => Promise<string[]>,
): Promise<{ ids: string[]; what: string; nobody: string }> {
  checkIntroTarget(target);
  if ("personId" in target && target.personId != null) {
    const person = projection.people.get(target.personId);
    if (!person) throw notFound("person", target.personId, "to.personId");
    return { ids: [person.id], what: person.name, nobody: "" };
  }
  if ("organizationId" in target && target.organizationId != null) {
    const org = projection.organizations.get(target.organizationId);
    if (!org) throw notFound("organization", target.organizationId, "to.organizationId");
    return {
      ids: projection.currentlyAt(org.id),
      what: `anyone at ${org.name}`,
      nobody: `Nobody in your network works at ${org.name} now.`,
    };
  }
  const ids = await matching((target as { filter: PersonFilter }).filter);
  return {
    ids,
    what: "anyone matching the filter",
    nobody: "Nobody in your network matches the filter.",
  };
}

export async function introPaths(
  projection: NetworkProjection,
  target: IntroTarget,
  options: IntroPathsOptions = {},
  matching: (filter: PersonFilter) => Promise<string[]> = async () => [],
): Promise<IntroPathResult> {
  const { maxHops, k, minWarmth } = introPathLimits(options);
  const from = options.from ?? projection.selfId;
  if (!projection.people.has(from)) throw notFound("person", from, "from");
  const { ids, what, nobody } = await resolveTarget(projection, target, matching);
  const targets = ids.filter((id) => id !== from);
  if (targets.length === 0)
    return {
      paths: [],
      noPathReason: ids.length === 0 ? nobody : "That is where the path starts.",
    };
  const index = projection.pathIndex();
  const exclude = (options.exclude ?? [])
    .map((id) => index.indexOf.get(id))
    .filter((i): i is number => i !== undefined);
  const found = warmestPaths(
    index,
    index.indexOf.get(from)!,
    targets.map((id) => index.indexOf.get(id)!),
    { maxHops, k, diverseIntroducers: options.diverseIntroducers ?? true, exclude, minWarmth },
  );
  if (found.length === 0) {
    const limits = [
      `${maxHops} ${maxHops === 1 ? "tie" : "ties"}`,
      ...(exclude.length ? ["without the people you excluded"] : []),
      ...(minWarmth > 0 ? [`at warmth ${minWarmth} or more`] : []),
    ];
    return {
      paths: [],
      noPathReason: `There is no warm path to ${what} within ${limits.join(", ")}. Try more ties, or add the people you know who know them.`,
    };
  }
  const paths = found.map((path) =>
    introPathOf(
      projection,
      path.nodes.map((i) => index.keys[i]!),
    ),
  );
  return { paths, noPathReason: null };
}
