import { Field, ID, ObjectType } from "type-graphql";
import { Direction, FavorDirection, FavorKind, FollowUpList, FollowUpStatus, InteractionKind } from "./enums.js";
import { DateTime, LocalDate } from "./scalars.js";

@ObjectType("Interaction", { description: "A logged contact: the evidence behind recency and frequency." })
export class InteractionType {
  @Field(() => ID)
  id!: string;

  @Field(() => InteractionKind)
  kind!: string;

  @Field(() => DateTime)
  at!: string;

  @Field(() => Direction)
  direction!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => Boolean, { description: "A received message or ask that still needs an answer." })
  needsReply!: boolean;
}

@ObjectType("FollowUp", { description: "A dated reminder, such as 'not hiring for six months: come back on 2027-05-20'." })
export class FollowUpType {
  @Field(() => ID)
  id!: string;

  @Field(() => LocalDate)
  due!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => FollowUpList)
  list!: string;

  @Field(() => FollowUpStatus)
  status!: string;

  @Field(() => LocalDate, { nullable: true })
  snoozedUntil!: string | null;
}

@ObjectType("Favor", { description: "Help the owner gave to, or received from, a person." })
export class FavorType {
  @Field(() => ID)
  id!: string;

  @Field(() => FavorDirection)
  direction!: string;

  @Field(() => FavorKind)
  kind!: string;

  @Field(() => LocalDate)
  date!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;
}
