import { Field, Int, ObjectType } from "type-graphql";
import { PersonType } from "./person.type.js";

@ObjectType("PeopleSearch", {
  description: "People found by a search that ignores case and accents, best first.",
})
export class PeopleSearchType {
  @Field(() => Int, { description: "How many matched, beyond those returned." })
  totalCount!: number;

  @Field(() => [PersonType], {
    description:
      "Best first: a name starting with the text, a word of it, the name containing it, then a title or current employer.",
  })
  people!: unknown[];
}
