import { Field, ID, ObjectType } from "type-graphql";
import { LocalDate } from "./scalars.js";

@ObjectType("Membership", {
  description:
    "MEMBER_OF: belonging to a group such as a chamber, church, club or alumni association.",
})
export class MembershipType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  role!: string | null;

  @Field(() => LocalDate, { nullable: true })
  since!: string | null;

  @Field(() => LocalDate, { nullable: true })
  until!: string | null;
}
