import { Field, ID, InputType } from "type-graphql";
import { FavorDirection, FavorKind } from "./enums.js";
import { LocalDate } from "./scalars.js";
import { IdempotencyKeyField } from "./idempotency-key.field.js";

@InputType("RecordFavorInput")
export class RecordFavorInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => FavorDirection)
  direction!: string;

  @Field(() => FavorKind)
  kind!: string;

  @Field(() => LocalDate, { nullable: true, description: "Default: today." })
  date?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
