import { Field, ID, ObjectType } from "type-graphql";
import { LocalDate } from "./scalars.js";

@ObjectType("News", { description: "A dated piece of someone's news." })
export class NewsType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  text!: string;

  @Field(() => LocalDate)
  date!: string;
}
