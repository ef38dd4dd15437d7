/** Relay-style cursor connections: `totalCount`, `edges { cursor node }` and `pageInfo`. */
import { Field, Int, ObjectType, type ClassType } from "type-graphql";
import { OrganizationType } from "./organization.type.js";
import { PersonType } from "./person.type.js";

@ObjectType("PageInfo")
export class PageInfoType {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: "Pass as `after` to get the next page." })
  endCursor!: string | null;
}

function connectionOf<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => Int, { description: "How many match the filter, on every page." })
    totalCount!: number;

    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfoType)
    pageInfo!: PageInfoType;
  }
  return Connection;
}

export const PersonConnection = connectionOf(PersonType, "Person");
export const OrganizationConnection = connectionOf(OrganizationType, "Organization");
