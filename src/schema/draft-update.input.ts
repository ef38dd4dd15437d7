import { Field, ID, InputType } from "type-graphql";
import { Category, RecipientList } from "./enums.js";
import { IdempotencyKeyField } from "./idempotency-key.field.js";

@InputType("UpdateRecipientsInput", {
  description:
    "Who gets the update: everyone in the category, with the tag, on the list, and the people named, together.",
})
export class UpdateRecipientsInput {
  @Field(() => Category, { nullable: true })
  category?: string | null;

  @Field(() => String, { nullable: true })
  tag?: string | null;

  @Field(() => RecipientList, {
    nullable: true,
    description: "Everyone on Next Contact (the default 30 days) or Losing touch.",
  })
  list?: string | null;

  @Field(() => [ID], { nullable: true })
  personIds?: string[] | null;
}

@InputType("DraftUpdateInput")
export class DraftUpdateInput {
  @Field(() => String)
  subject!: string;

  @Field(() => String, {
    description:
      "The body, with placeholders {{firstName}}, {{name}}, {{company}}, {{latestNews}}, {{sharedInterest}}.",
  })
  template!: string;

  @Field(() => UpdateRecipientsInput)
  recipients!: UpdateRecipientsInput;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}
