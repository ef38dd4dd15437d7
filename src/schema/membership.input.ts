import { Field, ID, InputType } from "type-graphql";
import { LocalDate } from "./scalars.js";
import { IdempotencyKeyField } from "./idempotency-key.field.js";

@InputType("AddMembershipInput")
export class AddMembershipInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => String, { nullable: true })
  role?: string | null;

  @Field(() => LocalDate, { nullable: true })
  since?: string | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
