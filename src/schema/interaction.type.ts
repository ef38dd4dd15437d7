import { Field, ID, ObjectType } from "type-graphql";
import { Direction, InteractionKind } from "./enums.js";
import { DateTime } from "./scalars.js";

@ObjectType("Interaction", {
  description: "A logged contact: the evidence behind recency and frequency.",
})
export class InteractionType {
  @Field(() => ID)
  id!: string;

  @Field(() => InteractionKind)
  kind!: string;

  @Field(() => DateTime)
  at!: string;

  @Field(() => Direction)
  direction!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => Boolean, { description: "A received message or ask that still needs an answer." })
  needsReply!: boolean;

  @Field(() => Boolean, {
    description:
      "Mail or a meeting within your own e-mail domain (never a public webmail one): a colleague.",
  })
  colleague!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "Where an imported interaction came from, unique in your network: `mail:<Message-ID>><address>` or `ics:<UID>|<start>|<address>`. Null when logged by hand.",
  })
  sourceKey!: string | null;
}
