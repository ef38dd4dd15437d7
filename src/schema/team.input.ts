import { Field, ID, InputType, Int } from "type-graphql";
import { SharingLevelEnum, TeamRoleEnum } from "./enums.js";

@InputType()
export class CreateTeamInput {
  @Field(() => String)
  name!: string;

  @Field(() => Boolean, { nullable: true, description: "Default true." })
  reciprocity?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Default false." })
  approval?: boolean | null;
}

@InputType()
export class UpdateTeamInput {
  @Field(() => ID)
  teamId!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Boolean, { nullable: true })
  reciprocity?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  approval?: boolean | null;
}

@InputType()
export class InviteToTeamInput {
  @Field(() => ID)
  teamId!: string;

  @Field(() => TeamRoleEnum, { nullable: true, description: "Default MEMBER." })
  role?: string | null;

  @Field(() => Int, { nullable: true, description: "Default 7, at most 30." })
  expiresInDays?: number | null;
}

@InputType()
export class TeamMemberInput {
  @Field(() => ID)
  teamId!: string;

  @Field(() => ID)
  userId!: string;
}

@InputType()
export class CapSharingInput extends TeamMemberInput {
  @Field(() => SharingLevelEnum)
  cap!: string;
}

@InputType()
export class SetRoleInput extends TeamMemberInput {
  @Field(() => TeamRoleEnum)
  role!: string;
}
