import { Field, ID, InputType, ObjectType } from "type-graphql";
import { TeamIntroStatusEnum } from "./enums.js";
import { TeammateType } from "./team-path.type.js";
import { DateTime } from "./scalars.js";

@ObjectType("TeamIntroRequest", {
  description:
    "An introduction asked of the teammate who knows the target. The requester never gets the target's contact details through it.",
})
export class TeamIntroRequestType {
  @Field(() => ID)
  id!: string;

  @Field(() => TeamIntroStatusEnum)
  status!: string;

  @Field(() => TeammateType)
  requester!: TeammateType;

  @Field(() => TeammateType, { description: "The teammate asked: the one who knows the target." })
  member!: TeammateType;

  @Field(() => String, {
    nullable: true,
    description: "The requester's note: why, and their pitch.",
  })
  note!: string | null;

  @Field(() => String, { nullable: true, description: "The member's reason, when declined." })
  reason!: string | null;

  @Field(() => DateTime)
  createdAt!: Date;

  @Field(() => DateTime)
  updatedAt!: Date;
}

@InputType()
export class TeamTargetInput {
  @Field(() => ID, { nullable: true, description: "One of your people, or a pooled id." })
  personId?: string | null;

  @Field(() => ID, { nullable: true, description: "Anyone now at an organization of yours." })
  organizationId?: string | null;

  @Field(() => String, { nullable: true, description: "Anyone now at a company of this name." })
  organizationName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Anyone whose name, title or company has it.",
  })
  text?: string | null;
}

@InputType()
export class AskTeammateInput {
  @Field(() => ID)
  teamId!: string;

  @Field(() => ID, { description: "The target's pooled id, from a team path." })
  personId!: string;

  @Field(() => ID, { nullable: true, description: "Which teammate, when several know them." })
  memberUserId?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class MoveTeamRequestInput {
  @Field(() => ID)
  teamId!: string;

  @Field(() => ID)
  id!: string;

  @Field(() => TeamIntroStatusEnum)
  status!: string;

  @Field(() => String, { nullable: true, description: "Why, when declining." })
  reason?: string | null;
}
