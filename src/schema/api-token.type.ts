import { Field, ID, ObjectType } from "type-graphql";
import { DateTime } from "./scalars.js";

@ObjectType("ApiToken", {
  description: "An API token as listed: its start and last four characters, never the token.",
})
export class ApiTokenType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "The first characters, such as wp_Ab3xY." })
  prefix!: string;

  @Field(() => String)
  lastFour!: string;

  @Field(() => [String])
  scopes!: string[];

  @Field(() => DateTime)
  createdAt!: Date;

  @Field(() => DateTime, { nullable: true, description: "Null: it never expires." })
  expiresAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: "Written at most every 5 minutes." })
  lastUsedAt!: Date | null;

  @Field(() => DateTime, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType("NewApiToken")
export class NewApiTokenType {
  @Field(() => String, { description: "The token itself, shown this once and never again." })
  token!: string;

  @Field(() => ApiTokenType)
  apiToken!: ApiTokenType;
}
