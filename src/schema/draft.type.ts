import { Field, ID, ObjectType } from "type-graphql";
import type { Person } from "../graph/index.js";
import { DraftStatus } from "./enums.js";
import { PersonType } from "./person.type.js";
import { DateTime } from "./scalars.js";

@ObjectType("Draft", {
  description: "One recipient's copy of a blanket update. warmpath never sends e-mail itself.",
})
export class DraftType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "The update this copy belongs to." })
  batch!: string;

  @Field(() => PersonType)
  person!: Person;

  @Field(() => String, { nullable: true, description: "Their e-mail address, when known." })
  to!: string | null;

  @Field(() => String)
  subject!: string;

  @Field(() => String)
  body!: string;

  @Field(() => DraftStatus)
  status!: string;

  @Field(() => DateTime, { nullable: true })
  sentAt!: string | null;
}

@ObjectType("DraftedUpdate")
export class DraftedUpdateType {
  @Field(() => String)
  batch!: string;

  @Field(() => [DraftType])
  drafts!: DraftType[];
}
