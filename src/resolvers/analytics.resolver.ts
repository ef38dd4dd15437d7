import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import {
  ANALYTICS_DEFAULTS,
  findBridges,
  findBrokers,
  findCommunities,
  findCoverage,
  findReach,
  findTopConnectors,
  type Bridge,
  type Broker,
  type Community,
  type Connector,
  type Coverage,
  type IntroTarget,
} from "../graph/index.js";
import {
  BridgeType,
  BrokerType,
  CommunityType,
  ConnectorType,
  CoverageType,
  ReachLevelType,
} from "../schema/analytics.type.js";
import { IntroPathType } from "../schema/intro-path.type.js";
import { IntroTargetInput } from "../schema/intro-target.input.js";
import { OrganizationType } from "../schema/organization.type.js";
import { PersonType } from "../schema/person.type.js";
import type { WarmpathContext } from "./context.js";
import { personOf } from "./load-people.js";
import { mustExist } from "./must-exist.js";
import { Needs } from "./needs.js";

@Resolver()
export class AnalyticsResolver {
  @Needs("paths:read")
  @Query(() => [ReachLevelType], {
    description: "How many people you reach at 1, 2 and 3 ties, and how many warmly.",
  })
  reach(
    @Ctx() { store, ownerId }: WarmpathContext,
    @Arg("from", () => ID, { nullable: true }) from?: string,
    @Arg("maxHops", () => Int, { nullable: true, defaultValue: ANALYTICS_DEFAULTS.reach.maxHops })
    maxHops?: number,
  ) {
    return findReach(store, ownerId, { from: from ?? null, maxHops: maxHops ?? null });
  }

  @Needs("paths:read")
  @Query(() => [ConnectorType], {
    description: "Who lies on the most of the best paths to these targets.",
  })
  topConnectors(
    @Arg("targets", () => [IntroTargetInput]) targets: IntroTargetInput[],
    @Ctx() { store, ownerId }: WarmpathContext,
    @Arg("limit", () => Int, {
      nullable: true,
      defaultValue: ANALYTICS_DEFAULTS.topConnectors.limit,
    })
    limit?: number,
  ) {
    return findTopConnectors(
      store,
      ownerId,
      targets.map((t) => ({ ...t }) as IntroTarget),
      limit ?? null,
    );
  }

  @Needs("paths:read")
  @Query(() => [CommunityType], {
    description: "The groups your network falls into, largest first.",
  })
  async communities(@Ctx() { store, ownerId }: WarmpathContext) {
    return (await findCommunities(store, ownerId)).communities;
  }

  @Needs("paths:read")
  @Query(() => [BridgeType], {
    description: "Ties between communities, the rarest connections first.",
  })
  bridges(
    @Ctx() { store, ownerId }: WarmpathContext,
    @Arg("limit", () => Int, {
      nullable: true,
      defaultValue: ANALYTICS_DEFAULTS.bridges.limit,
      description: "Up to 1,000.",
    })
    limit?: number,
  ) {
    return findBridges(store, ownerId, limit ?? null);
  }

  @Needs("paths:read")
  @Query(() => [BrokerType], {
    description:
      "The people who sit between groups of your network (betweenness; sampled on large networks).",
  })
  brokers(
    @Ctx() { store, ownerId }: WarmpathContext,
    @Arg("limit", () => Int, { nullable: true, defaultValue: ANALYTICS_DEFAULTS.brokers.limit })
    limit?: number,
  ) {
    return findBrokers(store, ownerId, limit ?? null);
  }

  @Needs("paths:read")
  @Query(() => [CoverageType], {
    description: "The best path into each target organization, and which have none.",
  })
  coverage(
    @Arg("organizationIds", () => [ID]) organizationIds: string[],
    @Ctx() { store, ownerId }: WarmpathContext,
  ) {
    return findCoverage(store, ownerId, organizationIds);
  }
}

@Resolver(() => ConnectorType)
export class ConnectorResolver {
  @FieldResolver(() => PersonType)
  person(@Root() connector: Connector, @Ctx() context: WarmpathContext) {
    return personOf(context.loaders, connector.personId);
  }
}

@Resolver(() => BrokerType)
export class BrokerResolver {
  @FieldResolver(() => PersonType)
  person(@Root() broker: Broker, @Ctx() context: WarmpathContext) {
    return personOf(context.loaders, broker.personId);
  }
}

@Resolver(() => CommunityType)
export class CommunityResolver {
  @FieldResolver(() => Int)
  size(@Root() community: Community) {
    return community.members.length;
  }

  @FieldResolver(() => [PersonType])
  people(@Root() community: Community, @Ctx() context: WarmpathContext) {
    return Promise.all(community.members.map((id) => personOf(context.loaders, id)));
  }
}

@Resolver(() => BridgeType)
export class BridgeResolver {
  @FieldResolver(() => PersonType)
  from(@Root() bridge: Bridge, @Ctx() context: WarmpathContext) {
    return personOf(context.loaders, bridge.a);
  }

  @FieldResolver(() => PersonType)
  to(@Root() bridge: Bridge, @Ctx() context: WarmpathContext) {
    return personOf(context.loaders, bridge.b);
  }
}

@Resolver(() => CoverageType)
export class CoverageResolver {
  @FieldResolver(() => OrganizationType)
  async organization(@Root() coverage: Coverage, @Ctx() { loaders }: WarmpathContext) {
    return mustExist(
      await loaders.organization.load(coverage.organizationId),
      "organization",
      coverage.organizationId,
    );
  }

  @FieldResolver(() => IntroPathType, { nullable: true })
  path(@Root() coverage: Coverage) {
    return coverage.path;
  }
}
