import { Field, ID, ObjectType } from "type-graphql";
import { DateTime } from "./scalars.js";

@ObjectType("Session", { description: "A signed-in browser. Its token is never shown." })
export class SessionType {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTime)
  createdAt!: Date;

  @Field(() => DateTime)
  lastSeenAt!: Date;

  @Field(() => DateTime)
  expiresAt!: Date;

  @Field(() => String, { nullable: true })
  userAgent!: string | null;

  @Field(() => Boolean, { description: "Whether this is the session making the request." })
  current!: boolean;
}
