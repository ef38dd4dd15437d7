import { Field, ObjectType } from "type-graphql";
import type { Person } from "../graph/index.js";
import { PersonType } from "./person.type.js";

@ObjectType("ConversationStarters", {
  description:
    "Research before you meet: what you share with them (and with the introducer), their news, their press.",
})
export class ConversationStartersType {
  @Field(() => PersonType)
  person!: Person;

  @Field(() => PersonType, {
    nullable: true,
    description:
      "The first introducer of the warmest path to them, if you do not know them directly.",
  })
  introducer!: Person | null;

  @Field(() => [String])
  sharedInterests!: string[];

  @Field(() => [String])
  sharedGroups!: string[];

  @Field(() => [String])
  sharedEmployers!: string[];

  @Field(() => String, { nullable: true })
  theirNews!: string | null;

  @Field(() => [String])
  pressMentions!: string[];

  @Field(() => [String], { description: "Openers built from the above." })
  starters!: string[];
}
