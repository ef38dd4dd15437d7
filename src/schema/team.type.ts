import { Field, ID, ObjectType } from "type-graphql";
import { AuditKindEnum, SharingLevelEnum, TeamRoleEnum } from "./enums.js";
import { DateTime } from "./scalars.js";

@ObjectType("Team", { description: "People who pool their networks under the privacy rules." })
export class TeamType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => DateTime)
  createdAt!: Date;

  @Field(() => Boolean, { description: "A member who shares nothing sees only their own network." })
  reciprocity!: boolean;

  @Field(() => Boolean, { description: "An owner or admin approves each request to a teammate." })
  approval!: boolean;
}

@ObjectType("TeamMember", { description: "A member as the team sees them: never their network." })
export class TeamMemberType {
  @Field(() => ID)
  userId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => TeamRoleEnum)
  role!: string;

  @Field(() => SharingLevelEnum, { description: "What they chose to share." })
  sharing!: string;

  @Field(() => SharingLevelEnum, { description: "The most an owner or admin lets them share." })
  sharingCap!: string;

  @Field(() => SharingLevelEnum, { description: "What the team uses: the stricter of the two." })
  effectiveSharing!: string;

  @Field(() => DateTime)
  joinedAt!: Date;
}

@ObjectType("TeamMembership", { description: "A team and your place in it." })
export class TeamMembershipType {
  @Field(() => TeamType)
  team!: TeamType;

  @Field(() => TeamMemberType)
  member!: TeamMemberType;
}

@ObjectType("TeamInvitation")
export class TeamInvitationType {
  @Field(() => ID)
  id!: string;

  @Field(() => TeamRoleEnum)
  role!: string;

  @Field(() => DateTime)
  expiresAt!: Date;

  @Field(() => DateTime, { nullable: true })
  usedAt!: Date | null;
}

@ObjectType("NewTeamInvitation")
export class NewTeamInvitationType {
  @Field(() => String, { description: "The token of the invitation link, shown this once." })
  token!: string;

  @Field(() => TeamInvitationType)
  invitation!: TeamInvitationType;
}

@ObjectType("TeamAuditEntry", {
  description: "One pooled search or request, for the members whose ties it used.",
})
export class TeamAuditEntryType {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTime)
  at!: Date;

  @Field(() => AuditKindEnum)
  kind!: string;

  @Field(() => ID, { description: "Who searched or asked." })
  actorUserId!: string;

  @Field(() => [ID], { description: "The members whose ties were used, or who were asked." })
  memberUserIds!: string[];

  @Field(() => String)
  summary!: string;
}
