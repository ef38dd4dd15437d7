import { Field, ID, InputType } from "type-graphql";
import { Direction, InteractionKind } from "./enums.js";
import { DateTime } from "./scalars.js";
import { IdempotencyKeyField } from "./idempotency-key.field.js";

@InputType("LogInteractionInput")
export class LogInteractionInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => InteractionKind)
  kind!: string;

  @Field(() => DateTime)
  at!: string;

  @Field(() => Direction, { nullable: true })
  direction?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => Boolean, { nullable: true })
  needsReply?: boolean | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
