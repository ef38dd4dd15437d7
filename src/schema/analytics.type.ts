import { Field, Float, Int, ObjectType } from "type-graphql";

@ObjectType("ReachLevel", {
  description:
    "How many people are this many ties away (by the fewest ties), and how many of them warmly (a path of warmth 0.5 or more).",
})
export class ReachLevelType {
  @Field(() => Int)
  hops!: number;

  @Field(() => Int)
  people!: number;

  @Field(() => Int)
  warm!: number;
}

@ObjectType("Connector", {
  description: "Someone who lies on many of the best paths to your targets.",
})
export class ConnectorType {
  @Field(() => Int, {
    description: "Best paths (up to three per target) this person is an introducer on.",
  })
  paths!: number;

  @Field(() => Float, { description: "The sum of those paths' warmth." })
  warmth!: number;
}

@ObjectType("Broker", {
  description:
    "Someone between groups: many shortest paths between others pass through them (betweenness).",
})
export class BrokerType {
  @Field(() => Float)
  score!: number;
}

@ObjectType("Community", {
  description: "A group of people more tied to each other than to the rest (Louvain).",
})
export class CommunityType {
  @Field(() => Int)
  id!: number;

  @Field(() => Int)
  size!: number;
}

@ObjectType("Bridge", {
  description: "A tie between two communities; the fewer such ties, the more this one matters.",
})
export class BridgeType {
  @Field(() => Float)
  strength!: number;

  @Field(() => [Int])
  communities!: number[];

  @Field(() => Int)
  tiesBetween!: number;
}

@ObjectType("Coverage", {
  description: "The warmest path into one target organization, or why there is none.",
})
export class CoverageType {
  @Field(() => String, { nullable: true })
  noPathReason!: string | null;
}
