import { Field, Float, Int, ObjectType } from "type-graphql";
import type { Person } from "../graph/index.js";
import { FavorType } from "./favor.type.js";
import { HelpKind } from "./enums.js";
import { PersonType } from "./person.type.js";

@ObjectType("FavorBalance", {
  description: "The net goes both ways: favors given and received with one person.",
})
export class FavorBalanceType {
  @Field(() => PersonType)
  person!: Person;

  @Field(() => Int)
  given!: number;

  @Field(() => Int)
  received!: number;

  @Field(() => Int, { description: "given - received: positive when you have helped more." })
  balance!: number;

  @Field(() => [FavorType])
  favors!: FavorType[];
}

@ObjectType("HelpOpportunity", {
  description:
    "Someone you could help: they asked you, or you can reach what they are looking for.",
})
export class HelpOpportunityType {
  @Field(() => PersonType)
  person!: Person;

  @Field(() => HelpKind)
  kind!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => PersonType, { nullable: true, description: "Whom you could introduce them to." })
  target!: Person | null;

  @Field(() => Float, { nullable: true })
  warmth!: number | null;
}
