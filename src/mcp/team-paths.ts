/**
 * find_intro_paths with `teamId`: the warmest paths through my network and my teammates'
 * shared ones (src/teams' pooled search, which the audit log records). People are shown as
 * the team's rules let me see them: a teammate's contact by name, title and company, or only
 * "someone at <company>"; each hop says whose tie it is, so an introduction goes through the
 * teammate who knows them.
 */
import { MAX_K_LIMIT, viewName, type PooledHop, type PooledTarget } from "../graph/index.js";
import { teamIntroPaths } from "../teams/index.js";
import { pageOf, type PageRequest } from "./list-page.js";
import type { McpContext } from "./mcp-context.js";
import { round3 } from "./named-people.js";
import { personArg } from "./target-args.js";
import { teamUser } from "./team-user.js";

/** An id a tool returned: mine (`per_`, `org_`) or pooled (`pp_`). */
const ID = /^(per|pp|org)_[A-Za-z0-9_-]+$/;

export interface TeamPathsArgs {
  teamId: string;
  to?: string | undefined;
  org?: string | undefined;
  maxHops?: number | undefined;
  minWarmth?: number | undefined;
  exclude?: string[] | undefined;
}

/** A person or organization as typed: an id as it is, anything else as words to match. */
function pooledTarget(args: TeamPathsArgs): PooledTarget {
  if (args.to !== undefined) {
    const to = args.to.trim();
    return ID.test(to) ? { personId: to } : { text: to };
  }
  const org = args.org!.trim();
  return ID.test(org) ? { organizationId: org } : { organizationName: org };
}

export async function teamPaths(context: McpContext, args: TeamPathsArgs, page: PageRequest) {
  const user = teamUser(context);
  // People not to ask: pooled ids as they are, my own people as I name them.
  const exclude = await Promise.all(
    (args.exclude ?? []).map(async (e, i) =>
      ID.test(e.trim()) ? e.trim() : (await personArg(context, e, `exclude[${i}]`)).id,
    ),
  );
  const { pool, result } = await teamIntroPaths(
    context.store,
    user,
    args.teamId,
    pooledTarget(args),
    {
      k: Math.min(page.offset + page.limit + 1, MAX_K_LIMIT),
      maxHops: args.maxHops ?? null,
      minWarmth: args.minWarmth ?? null,
      exclude,
    },
    context.now(),
  );
  // A hop through a teammate's tie names that teammate, who is on the path (the hop before).
  const names = new Map<string, string>();
  for (const path of result.paths)
    for (const hop of path.hops)
      if (hop.to.kind === "teammate") names.set(hop.to.userId, hop.to.name);
  const shown = (hop: PooledHop) => ({
    from: viewName(pool, hop.from),
    to: viewName(pool, hop.to),
    strength: round3(hop.strength),
    tieOf: hop.via === null ? "me" : (names.get(hop.via) ?? "a teammate"),
  });
  const { items, nextCursor } = pageOf(result.paths, page);
  return {
    teamId: args.teamId,
    paths: items.map((path) => ({
      warmth: round3(path.warmth),
      label: path.label,
      people: path.people.map((id, i) => ({
        id,
        name: viewName(pool, i === 0 ? path.hops[0]!.from : path.hops[i - 1]!.to),
      })),
      hops: path.hops.map(shown),
      weakestLink: shown(path.weakestLink),
    })),
    noPathReason: result.paths.length === 0 ? result.noPathReason : null,
    nextCursor,
  };
}
