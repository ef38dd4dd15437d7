import { Field, ID, ObjectType } from "type-graphql";
import { FollowUpList, FollowUpStatus } from "./enums.js";
import { LocalDate } from "./scalars.js";

@ObjectType("FollowUp", {
  description: "A dated reminder, such as 'not hiring for six months: come back on 2027-05-20'.",
})
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
