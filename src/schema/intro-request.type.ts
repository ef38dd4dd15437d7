import { Field, ID, Int, ObjectType } from "type-graphql";
import type { Person } from "../graph/index.js";
import { IntroRequestStatus } from "./enums.js";
import { PersonType } from "./person.type.js";
import { DateTime } from "./scalars.js";

@ObjectType("IntroRequest", {
  description: "A double opt-in request to an introducer, along a path the engine chose.",
})
export class IntroRequestType {
  @Field(() => ID)
  id!: string;

  @Field(() => PersonType)
  target!: Person;

  @Field(() => PersonType)
  introducer!: Person;

  @Field(() => [PersonType], { description: "From you to the target." })
  path!: Person[];

  @Field(() => IntroRequestStatus)
  status!: string;

  @Field(() => String, {
    nullable: true,
    description: "The drafted message to the introducer, with your pitch and a forwardable blurb.",
  })
  message!: string | null;

  @Field(() => String, { nullable: true })
  outcome!: string | null;

  @Field(() => DateTime, { nullable: true })
  statusChangedAt!: string | null;

  @Field(() => Int, { description: "Days in the current status." })
  waitingDays!: number;
}
