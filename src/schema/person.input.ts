import { Field, ID, InputType, Int } from "type-graphql";
import { Category } from "./enums.js";
import { DateTime } from "./scalars.js";
import { IdempotencyKeyField } from "./idempotency-key.field.js";

@InputType("PersonFilter", { description: "All given conditions must hold." })
export class PersonFilterInput {
  @Field(() => String, {
    nullable: true,
    description:
      "Matches name, title, current employers and current groups, ignoring case and accents (chloe finds Chloé).",
  })
  text?: string | null;

  @Field(() => Category, { nullable: true })
  category?: string | null;

  @Field(() => String, { nullable: true })
  tag?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Currently works at, or belongs to, this organization.",
  })
  organizationId?: string | null;

  @Field(() => String, { nullable: true })
  location?: string | null;
}

/** The editable fields of a person, shared by create and update. */
@InputType()
class PersonFields {
  @Field(() => [String], { nullable: true })
  emails?: string[] | null;

  @Field(() => [String], { nullable: true })
  phones?: string[] | null;

  @Field(() => String, { nullable: true })
  profileUrl?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => [Category], { nullable: true })
  categories?: string[] | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => [String], { nullable: true })
  interests?: string[] | null;

  @Field(() => [String], { nullable: true })
  hobbies?: string[] | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;

  @Field(() => String, { nullable: true })
  news?: string | null;

  @Field(() => DateTime, { nullable: true })
  newsAt?: string | null;

  @Field(() => [String], { nullable: true })
  pressMentions?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: "What they are looking for: a company name, a role, advice.",
  })
  seeking?: string[] | null;

  @Field(() => Int, { nullable: true })
  cadenceIdealDays?: number | null;

  @Field(() => Int, { nullable: true })
  cadenceMaxDays?: number | null;
}

@InputType("CreatePersonInput")
export class CreatePersonInput extends PersonFields {
  @Field(() => String)
  name!: string;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType("UpdatePersonInput", {
  description: "Omitted fields stay as they are; null clears a field.",
})
export class UpdatePersonInput extends PersonFields {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name?: string;
}

@InputType("DeleteInput")
export class DeleteInput {
  @Field(() => ID)
  id!: string;
}
