import { Field, ID, InputType } from "type-graphql";
import { LocalDate } from "./scalars.js";
import { IdempotencyKeyField } from "./idempotency-key.field.js";

@InputType("SetEmploymentInput", {
  description: "Records a stint; the same person, organization and start date update it.",
})
export class SetEmploymentInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => LocalDate, { nullable: true })
  from?: string | null;

  @Field(() => LocalDate, { nullable: true, description: "Empty while current." })
  to?: string | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
