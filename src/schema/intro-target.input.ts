import { Field, ID, InputType } from "type-graphql";
import { PersonFilterInput } from "./person.input.js";

@InputType("IntroTargetInput", {
  description:
    "Exactly one: a person, anyone currently at an organization, or anyone matching a filter.",
})
export class IntroTargetInput {
  @Field(() => ID, { nullable: true })
  personId?: string | null;

  @Field(() => ID, { nullable: true })
  organizationId?: string | null;

  @Field(() => PersonFilterInput, { nullable: true })
  filter?: PersonFilterInput | null;
}
