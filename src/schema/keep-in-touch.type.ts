import { Field, Int, ObjectType } from "type-graphql";
import type { Person } from "../graph/index.js";
import { FollowUpType } from "./follow-up.type.js";
import { InteractionType } from "./interaction.type.js";
import { IntroRequestType } from "./intro-request.type.js";
import { PersonType } from "./person.type.js";
import { DateTime, LocalDate } from "./scalars.js";

@ObjectType("NextContact", {
  description: "Someone to get in touch with soon: their cadence is due, or a dated follow-up is.",
})
export class NextContactType {
  @Field(() => PersonType)
  person!: Person;

  @Field(() => LocalDate)
  due!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => FollowUpType, {
    nullable: true,
    description: "The dated follow-up behind this entry, if any.",
  })
  followUp!: unknown;

  @Field(() => Int, {
    description: "How many of the warmest paths to your targets pass through them.",
  })
  pathsThrough!: number;

  @Field(() => Boolean)
  overdue!: boolean;
}

@ObjectType("ImmediateFollowUp", {
  description:
    "Something waiting for your answer: a message or ask, a due follow-up, an introduction request gone quiet.",
})
export class ImmediateFollowUpType {
  @Field(() => PersonType)
  person!: Person;

  @Field(() => DateTime)
  since!: string;

  @Field(() => Int)
  waitingDays!: number;

  @Field(() => String)
  reason!: string;

  @Field(() => InteractionType, { nullable: true })
  interaction!: unknown;

  @Field(() => FollowUpType, { nullable: true })
  followUp!: unknown;

  @Field(() => IntroRequestType, { nullable: true })
  introRequest!: unknown;
}

@ObjectType("LosingTouch", { description: "Someone past the longest gap their cadence allows." })
export class LosingTouchType {
  @Field(() => PersonType)
  person!: Person;

  @Field(() => String, {
    nullable: true,
    description: "The last contact (a date or a date-time); null when never.",
  })
  lastContact!: string | null;

  @Field(() => Int)
  maxDays!: number;

  @Field(() => Int, {
    description: "Days since the last contact, or since they were added when never.",
  })
  daysSince!: number;
}
