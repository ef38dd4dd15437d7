import { Field, ID, InputType } from "type-graphql";
import { FollowUpList } from "./enums.js";
import { LocalDate } from "./scalars.js";
import { IdempotencyKeyField } from "./idempotency-key.field.js";

@InputType("AddFollowUpInput", {
  description: "A dated follow-up, such as 'not hiring for six months: come back on 2027-05-20'.",
})
export class AddFollowUpInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => LocalDate, { description: "Today or later." })
  due!: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => FollowUpList, { nullable: true, description: "Default: NEXT_CONTACT." })
  list?: string | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
