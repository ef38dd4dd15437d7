import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { searchPeople } from "../graph/index.js";
import { PeopleSearchType } from "../schema/people-search.type.js";
import type { WarmpathContext } from "./context.js";
import { Needs } from "./needs.js";

@Resolver()
export class PeopleSearchResolver {
  @Needs("contacts:read")
  @Query(() => PeopleSearchType, {
    description:
      "People whose name, title or current employer contains the text, ignoring case and accents (chloe finds Chloé); a blank text lists everyone by name.",
  })
  searchPeople(
    @Arg("text", () => String) text: string,
    @Ctx() { store, ownerId }: WarmpathContext,
    @Arg("first", () => Int, { nullable: true, description: "Default 20, at most 100." })
    first?: number,
  ) {
    return searchPeople(store, ownerId, text, { first: first ?? null });
  }
}
