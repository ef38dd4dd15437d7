import { Field, ID, ObjectType } from "type-graphql";
import { LocalDate } from "./scalars.js";

@ObjectType("Employment", {
  description: "WORKS_AT: a person's time at an organization; current while `to` is empty.",
})
export class EmploymentType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => LocalDate, { nullable: true })
  from!: string | null;

  @Field(() => LocalDate, { nullable: true })
  to!: string | null;
}
