import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { POOLED_ANALYTICS_DEFAULTS } from "../graph/index.js";
import { ReachLevelType } from "../schema/analytics.type.js";
import { TeamConnectorType, TeamCoverageType } from "../schema/team-analytics.type.js";
import { TeamTargetInput } from "../schema/team-request.type.js";
import { teamCoverage, teamReach, teamTopConnectors } from "../teams/index.js";
import { signedInUser } from "./account-services.js";
import type { WarmpathContext } from "./context.js";
import { hopPerson } from "./hop-person.js";
import { Needs } from "./needs.js";

/** Reach, top connectors and coverage over a team's pooled network; each is in the audit log. */
@Resolver()
export class TeamAnalyticsResolver {
  @Needs("paths:read")
  @Query(() => [ReachLevelType], {
    description:
      "How many people of your network and your teammates' shared ones you reach at 1, 2 and 3 ties, and how many warmly.",
  })
  async teamReach(
    @Arg("teamId", () => ID) teamId: string,
    @Ctx() ctx: WarmpathContext,
    @Arg("maxHops", () => Int, {
      nullable: true,
      defaultValue: POOLED_ANALYTICS_DEFAULTS.reach.maxHops,
    })
    maxHops?: number,
  ): Promise<ReachLevelType[]> {
    const { result } = await teamReach(
      ctx.store,
      signedInUser(ctx),
      teamId,
      { maxHops: maxHops ?? null },
      ctx.now,
    );
    return result.levels;
  }

  @Needs("paths:read")
  @Query(() => [TeamConnectorType], {
    description:
      "Who opens the most of these targets as the first person to ask, over your team's pooled network.",
  })
  async teamTopConnectors(
    @Arg("teamId", () => ID) teamId: string,
    @Arg("targets", () => [TeamTargetInput]) targets: TeamTargetInput[],
    @Ctx() ctx: WarmpathContext,
    @Arg("limit", () => Int, {
      nullable: true,
      defaultValue: POOLED_ANALYTICS_DEFAULTS.topConnectors.limit,
    })
    limit?: number,
  ): Promise<TeamConnectorType[]> {
    const { result } = await teamTopConnectors(
      ctx.store,
      signedInUser(ctx),
      teamId,
      targets.map((t) => ({ ...t })),
      limit ?? null,
      ctx.now,
    );
    return Promise.all(
      result.connectors.map(async ({ view, targets: opened, paths, warmth }) => ({
        person: await hopPerson(ctx.loaders, view),
        targets: opened,
        paths,
        warmth,
      })),
    );
  }

  @Needs("paths:read")
  @Query(() => [TeamCoverageType], {
    description:
      "For each company name: how many people your team's pooled network has there now, and the warmest path in.",
  })
  async teamCoverage(
    @Arg("teamId", () => ID) teamId: string,
    @Arg("organizationNames", () => [String]) organizationNames: string[],
    @Ctx() ctx: WarmpathContext,
  ): Promise<TeamCoverageType[]> {
    const { result } = await teamCoverage(
      ctx.store,
      signedInUser(ctx),
      teamId,
      organizationNames,
      ctx.now,
    );
    return Promise.all(
      result.coverage.map(async ({ organizationName, people, path, noPathReason }) => {
        const first = path !== null && path.hops.length > 1 ? path.hops[0]!.to : null;
        return {
          organizationName,
          people,
          warmth: path?.warmth ?? null,
          label: path?.label ?? null,
          firstIntroducer: first === null ? null : await hopPerson(ctx.loaders, first),
          noPathReason,
        };
      }),
    );
  }
}
