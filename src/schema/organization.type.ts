import { Field, ID, ObjectType } from "type-graphql";
import { OrganizationKind } from "./enums.js";
import { DateTime } from "./scalars.js";

@ObjectType("Organization", {
  description: "A company, venture firm, school, or community group (chamber, church, club).",
})
export class OrganizationType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => OrganizationKind)
  kind!: string;

  @Field(() => String, { nullable: true })
  domain!: string | null;

  @Field(() => String, { nullable: true })
  location!: string | null;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => DateTime)
  createdAt!: string;

  @Field(() => DateTime)
  updatedAt!: string;
}
