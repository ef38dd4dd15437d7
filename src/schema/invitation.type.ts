import { Field, ID, ObjectType } from "type-graphql";
import { DateTime } from "./scalars.js";

@ObjectType("Invitation", { description: "An invitation to sign up; its token is never listed." })
export class InvitationType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: "Null: whoever holds the token." })
  email!: string | null;

  @Field(() => Boolean)
  admin!: boolean;

  @Field(() => DateTime)
  createdAt!: Date;

  @Field(() => DateTime)
  expiresAt!: Date;

  @Field(() => DateTime, { nullable: true })
  usedAt!: Date | null;
}

@ObjectType("NewInvitation")
export class NewInvitationType {
  @Field(() => String, { description: "The invitation's token, shown this once: hand it over." })
  token!: string;

  @Field(() => InvitationType)
  invitation!: InvitationType;
}
