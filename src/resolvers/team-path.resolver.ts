import { Arg, Ctx, Float, ID, Int, Query, Resolver } from "type-graphql";
import { strengthBand, WARMEST_PATHS_DEFAULTS, type PooledHop } from "../graph/index.js";
import { TeamPathResultType, TeamPathType, type TeamHopType } from "../schema/team-path.type.js";
import { TeamTargetInput } from "../schema/team-request.type.js";
import { teamIntroPaths } from "../teams/index.js";
import { signedInUser } from "./account-services.js";
import type { WarmpathContext } from "./context.js";
import { hopPerson } from "./hop-person.js";
import { Needs } from "./needs.js";

async function hopOf(ctx: WarmpathContext, hop: PooledHop): Promise<TeamHopType> {
  return {
    from: await hopPerson(ctx.loaders, hop.from),
    to: await hopPerson(ctx.loaders, hop.to),
    strength: hop.strength,
    band: strengthBand(hop.strength),
    pooled: hop.via !== null,
    inferred: hop.inferred,
    evidence: hop.evidence,
  };
}

/** Warm paths over a team's pooled network; each search is in the team's audit log. */
@Resolver(() => TeamPathType)
export class TeamPathResolver {
  @Needs("paths:read")
  @Query(() => TeamPathResultType, {
    description:
      "The warmest paths to the target through your network and your teammates' shared ones. Teammates' contacts show only what they share; the search is recorded for the teammates whose ties it used.",
  })
  async teamIntroPaths(
    @Arg("teamId", () => ID) teamId: string,
    @Arg("to", () => TeamTargetInput) to: TeamTargetInput,
    @Ctx() ctx: WarmpathContext,
    @Arg("maxHops", () => Int, { nullable: true, defaultValue: WARMEST_PATHS_DEFAULTS.maxHops })
    maxHops?: number,
    @Arg("k", () => Int, { nullable: true, defaultValue: WARMEST_PATHS_DEFAULTS.k }) k?: number,
    @Arg("exclude", () => [ID], { nullable: true }) exclude?: string[],
    @Arg("minWarmth", () => Float, { nullable: true }) minWarmth?: number,
  ): Promise<TeamPathResultType> {
    const { result } = await teamIntroPaths(
      ctx.store,
      signedInUser(ctx),
      teamId,
      { ...to },
      {
        maxHops: maxHops ?? null,
        k: k ?? null,
        exclude: exclude ?? null,
        minWarmth: minWarmth ?? null,
      },
      ctx.now,
    );
    const paths = await Promise.all(
      result.paths.map(async (path): Promise<TeamPathType> => {
        const hops = await Promise.all(path.hops.map((hop) => hopOf(ctx, hop)));
        const weakest = path.hops.indexOf(path.weakestLink);
        return {
          warmth: path.warmth,
          label: path.label,
          people: [hops[0]!.from, ...hops.map((hop) => hop.to)],
          hops,
          weakestLink: hops[weakest < 0 ? 0 : weakest]!,
        };
      }),
    );
    return { paths, noPathReason: result.noPathReason };
  }
}
