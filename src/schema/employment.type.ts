import { Field, ID, ObjectType } from "type-graphql";
import { LocalDate } from "./scalars.js";

@ObjectType("Employment", { description: "WORKS_AT: a person's time at an organization; current while `to` is empty." })
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

@ObjectType("Membership", { description: "MEMBER_OF: belonging to a group such as a chamber, church, club or alumni association." })
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
