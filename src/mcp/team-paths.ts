/**
 * find_intro_paths and who_knows with `teamId`: the warmest paths through my network and my
 * teammates' shared ones (src/teams' pooled search, which the audit log records). People are
 * shown as the team's rules let me see them: a teammate's contact by name, title and company,
 * or only "someone at <company>"; each hop says whose tie it is, so an introduction goes
 * through the teammate who knows them.
 */
import { badInput } from "../errors.js";
import {
  MAX_K_LIMIT,
  viewName,
  type PooledHop,
  type PooledPath,
  type PooledTarget,
  type User,
} from "../graph/index.js";
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

/** The pooled search itself, and the names of the teammates whose ties its hops are. */
async function search(
  context: McpContext,
  user: User,
  teamId: string,
  target: PooledTarget,
  options: { page: PageRequest; maxHops?: number; minWarmth?: number; exclude?: string[] },
) {
  const { pool, result } = await teamIntroPaths(
    context.store,
    user,
    teamId,
    target,
    {
      k: Math.min(options.page.offset + options.page.limit + 1, MAX_K_LIMIT),
      maxHops: options.maxHops ?? null,
      minWarmth: options.minWarmth ?? null,
      exclude: options.exclude ?? null,
    },
    context.now(),
  );
  // A hop through a teammate's tie names that teammate, who is on the path (the hop before).
  const names = new Map<string, string>();
  for (const path of result.paths)
    for (const hop of path.hops)
      if (hop.to.kind === "teammate") names.set(hop.to.userId, hop.to.name);
  const tieOf = (hop: PooledHop) =>
    hop.via === null ? "me" : (names.get(hop.via) ?? "a teammate");
  const nameAt = (path: PooledPath, i: number) =>
    viewName(pool, i === 0 ? path.hops[0]!.from : path.hops[i - 1]!.to);
  return { pool, result, tieOf, nameAt };
}

export async function teamPaths(context: McpContext, args: TeamPathsArgs, page: PageRequest) {
  const user = teamUser(context); // teams need an account: said before any other mistake
  // People not to ask: pooled ids as they are, my own people as I name them.
  const exclude = await Promise.all(
    (args.exclude ?? []).map(async (e, i) =>
      ID.test(e.trim()) ? e.trim() : (await personArg(context, e, `exclude[${i}]`)).id,
    ),
  );
  const { pool, result, tieOf, nameAt } = await search(
    context,
    user,
    args.teamId,
    pooledTarget(args),
    {
      page,
      ...(args.maxHops === undefined ? {} : { maxHops: args.maxHops }),
      ...(args.minWarmth === undefined ? {} : { minWarmth: args.minWarmth }),
      exclude,
    },
  );
  const shown = (hop: PooledHop) => ({
    from: viewName(pool, hop.from),
    to: viewName(pool, hop.to),
    strength: round3(hop.strength),
    tieOf: tieOf(hop),
  });
  const { items, nextCursor } = pageOf(result.paths, page);
  return {
    teamId: args.teamId,
    paths: items.map((path) => ({
      warmth: round3(path.warmth),
      label: path.label,
      people: path.people.map((id, i) => ({ id, name: nameAt(path, i) })),
      hops: path.hops.map(shown),
      weakestLink: shown(path.weakestLink),
    })),
    noPathReason: result.paths.length === 0 ? result.noPathReason : null,
    nextCursor,
  };
}

/**
 * who_knows with `teamId`: one entry per first introducer (mine or a teammate) to someone at
 * `company` or whose shown title, name or company holds `role`. The pooled search takes one
 * target, so not both.
 */
export async function teamWhoKnows(
  context: McpContext,
  args: { teamId: string; company?: string | undefined; role?: string | undefined },
  page: PageRequest,
) {
  const user = teamUser(context); // teams need an account: said before any other mistake
  if (args.company !== undefined && args.role !== undefined)
    throw badInput("role", "with teamId, give a company or a role, not both");
  const target =
    args.role !== undefined
      ? { text: args.role.trim() }
      : pooledTarget({ teamId: args.teamId, org: args.company });
  const { result, tieOf, nameAt } = await search(context, user, args.teamId, target, { page });
  const { items, nextCursor } = pageOf(result.paths, page);
  return {
    teamId: args.teamId,
    introducers: items.map((path) => ({
      // Two people on the path: I know them myself, nobody needs to introduce me.
      introducer: path.people.length > 2 ? nameAt(path, 1) : null,
      reaches: { id: path.people.at(-1)!, name: nameAt(path, path.people.length - 1) },
      tieOf: tieOf(path.hops.at(-1)!),
      warmth: round3(path.warmth),
      label: path.label,
      people: path.people,
    })),
    noPathReason: result.paths.length === 0 ? result.noPathReason : null,
    nextCursor,
  };
}
