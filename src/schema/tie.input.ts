import { Field, Float, ID, InputType } from "type-graphql";
import { TieContext } from "./enums.js";
import { LocalDate } from "./scalars.js";
import { IdempotencyKeyField } from "./idempotency-key.field.js";

@InputType("ConnectInput", {
  description: "Creates the KNOWS tie between two people, or updates it when it exists.",
})
export class ConnectInput {
  @Field(() => ID)
  personA!: string;

  @Field(() => ID)
  personB!: string;

  @Field(() => Float, {
    nullable: true,
    description: "From 0.000001 to 1, taken exactly; leave empty when not rated.",
  })
  strength?: number | null;

  @Field(() => TieContext, { nullable: true })
  context?: string | null;

  @Field(() => LocalDate, { nullable: true })
  since?: string | null;

  @Field(() => String, { nullable: true, description: "Private to the owner." })
  notes?: string | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType("DisconnectInput")
export class DisconnectInput {
  @Field(() => ID)
  personA!: string;

  @Field(() => ID)
  personB!: string;
}
