import { Field, Int, ObjectType } from "type-graphql";
import { CadenceSource, Category } from "./enums.js";

@ObjectType("CadenceRule", {
  description:
    "The keep-in-touch cadence in effect: an ideal and a maximum gap between contacts, in days.",
})
export class CadenceRuleType {
  @Field(() => Int)
  idealDays!: number;

  @Field(() => Int)
  maxDays!: number;

  @Field(() => CadenceSource)
  source!: string;

  @Field(() => Category, {
    nullable: true,
    description: "The category it comes from, unless it is the person's own override.",
  })
  category!: string | null;
}

@ObjectType("CategoryCadence", {
  description: "Your cadence for one category, or the built-in default.",
})
export class CategoryCadenceType {
  @Field(() => Category)
  category!: string;

  @Field(() => Int)
  idealDays!: number;

  @Field(() => Int)
  maxDays!: number;

  @Field(() => Boolean)
  isDefault!: boolean;
}
