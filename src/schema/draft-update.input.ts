import { Field, ID, InputType } from "type-graphql";
import { Category } from "./enums.js";

@InputType("UpdateRecipientsInput", { description: "Who gets the update: everyone in the category, with the tag, or named (together)." })
export class UpdateRecipientsInput {
  @Field(() => Category, { nullable: true })
  category?: string | null;

  @Field(() => String, { nullable: true })
  tag?: string | null;

  @Field(() => [ID], { nullable: true })
  personIds?: string[] | null;
}

@InputType("DraftUpdateInput")
export class DraftUpdateInput {
  @Field(() => String)
  subject!: string;

  @Field(() => String, { description: "The body, with placeholders {{firstName}}, {{name}}, {{company}}, {{latestNews}}, {{sharedInterest}}." })
  template!: string;

  @Field(() => UpdateRecipientsInput)
  recipients!: UpdateRecipientsInput;
}
