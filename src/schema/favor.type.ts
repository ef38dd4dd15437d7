import { Field, ID, ObjectType } from "type-graphql";
import { FavorDirection, FavorKind } from "./enums.js";
import { LocalDate } from "./scalars.js";

@ObjectType("Favor", { description: "Help the owner gave to, or received from, a person." })
export class FavorType {
  @Field(() => ID)
  id!: string;

  @Field(() => FavorDirection)
  direction!: string;

  @Field(() => FavorKind)
  kind!: string;

  @Field(() => LocalDate)
  date!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;
}
