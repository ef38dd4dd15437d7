/**
 * The TEAM versions of topConnectors and coverage (issue 14): people as the HopPerson union of
 * team paths, so a teammate's contact shows only what they share, and warmth only as shown
 * (a teammate's tie at its band's middle). teamReach reuses ReachLevel.
 */
import { Field, Float, Int, ObjectType } from "type-graphql";
import { HopPerson, type HopPersonValue } from "./team-path.type.js";

@ObjectType("TeamConnector", {
  description:
    "Someone who opens many of your targets as the first person to ask: nearly always one of your own people or a teammate.",
})
export class TeamConnectorType {
  @Field(() => HopPerson)
  person!: HopPersonValue;

  @Field(() => Int, {
    description: "Targets with a path on which this person is the first to ask.",
  })
  targets!: number;

  @Field(() => Int, { description: "Paths (up to three per target) this person is first on." })
  paths!: number;

  @Field(() => Float, { description: "The sum of those paths' warmth, as shown." })
  warmth!: number;
}

@ObjectType("TeamCoverage", {
  description:
    "How many people your team's pooled network has at a company now, and the warmest path in.",
})
export class TeamCoverageType {
  @Field(() => String, { description: "The company name as asked." })
  organizationName!: string;

  @Field(() => Int, { description: "People now there, in your network or shared with the team." })
  people!: number;

  @Field(() => Float, { nullable: true, description: "The warmest path's warmth, as shown." })
  warmth!: number | null;

  @Field(() => String, { nullable: true })
  label!: string | null;

  @Field(() => HopPerson, {
    nullable: true,
    description:
      "The first person to ask on the warmest path; null when you know someone there yourself, or there is no path.",
  })
  firstIntroducer!: HopPersonValue | null;

  @Field(() => String, { nullable: true })
  noPathReason!: string | null;
}
