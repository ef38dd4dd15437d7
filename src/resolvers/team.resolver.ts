import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { SharingLevel, TeamMember, TeamRole } from "../graph/index.js";
import { SharingLevelEnum } from "../schema/enums.js";
import {
  CapSharingInput,
  CreateTeamInput,
  InviteToTeamInput,
  SetRoleInput,
  TeamMemberInput,
  UpdateTeamInput,
} from "../schema/team.input.js";
import {
  NewTeamInvitationType,
  TeamAuditEntryType,
  TeamInvitationType,
  TeamMemberType,
  TeamMembershipType,
  TeamType,
} from "../schema/team.type.js";
import {
  capMemberSharing,
  createTeam,
  effectiveSharing,
  inviteToTeam,
  joinTeam,
  managerOf,
  membership,
  removeMember,
  setMemberRole,
  setMySharing,
  teamAudit,
  updateTeamSettings,
} from "../teams/index.js";
import { signedInUser } from "./account-services.js";
import type { WarmpathContext } from "./context.js";
import { Needs } from "./needs.js";

const memberView = (member: TeamMember): TeamMemberType => ({
  ...member,
  effectiveSharing: effectiveSharing(member),
});

const definedOnly = <T extends object>(patch: T): Partial<{ [K in keyof T]: NonNullable<T[K]> }> =>
  Object.fromEntries(
    Object.entries(patch).filter(([, v]) => v !== null && v !== undefined),
  ) as never;

/** Teams: creating, joining, members, roles and sharing. Pooled paths and requests live beside. */
@Resolver(() => TeamType)
export class TeamResolver {
  @Needs("contacts:read")
  @Query(() => [TeamMembershipType], { description: "The teams you belong to." })
  async teams(@Ctx() ctx: WarmpathContext): Promise<TeamMembershipType[]> {
    const found = await ctx.store.listUserTeams(signedInUser(ctx).id);
    return found.map(({ team, member }) => ({ team, member: memberView(member) }));
  }

  @Needs("contacts:read")
  @Query(() => [TeamMemberType], { description: "The team's members (never their networks)." })
  async teamMembers(@Arg("teamId", () => ID) teamId: string, @Ctx() ctx: WarmpathContext) {
    await membership(ctx.store, teamId, signedInUser(ctx));
    return (await ctx.store.listTeamMembers(teamId)).map(memberView);
  }

  @Needs("contacts:read")
  @Query(() => [TeamInvitationType], { description: "The team's invitations (owners, admins)." })
  async teamInvitations(@Arg("teamId", () => ID) teamId: string, @Ctx() ctx: WarmpathContext) {
    await managerOf(ctx.store, teamId, signedInUser(ctx));
    return ctx.store.listTeamInvitations(teamId);
  }

  @Needs("contacts:read")
  @Query(() => [TeamAuditEntryType], {
    description:
      "Pooled searches and requests: those that used your ties or were yours (owners and admins: all).",
  })
  teamAudit(
    @Arg("teamId", () => ID) teamId: string,
    @Ctx() ctx: WarmpathContext,
    @Arg("first", () => Int, { nullable: true }) first?: number,
  ) {
    return teamAudit(ctx.store, signedInUser(ctx), teamId, first ?? undefined);
  }

  @Needs("contacts:write")
  @Mutation(() => TeamMembershipType, { description: "A new team, with you as its owner." })
  async createTeam(
    @Arg("input", () => CreateTeamInput) input: CreateTeamInput,
    @Ctx() ctx: WarmpathContext,
  ): Promise<TeamMembershipType> {
    const { team, member } = await createTeam(ctx.store, signedInUser(ctx), {
      name: input.name,
      ...definedOnly({ reciprocity: input.reciprocity, approval: input.approval }),
    });
    return { team, member: memberView(member) };
  }

  @Needs("contacts:write")
  @Mutation(() => TeamType, {
    description: "Renames the team or changes its rules (owners, admins).",
  })
  updateTeam(
    @Arg("input", () => UpdateTeamInput) input: UpdateTeamInput,
    @Ctx() ctx: WarmpathContext,
  ) {
    const { teamId, ...patch } = input;
    return updateTeamSettings(ctx.store, signedInUser(ctx), teamId, definedOnly(patch));
  }

  @Needs("contacts:write")
  @Mutation(() => NewTeamInvitationType, { description: "An invitation link's token, shown once." })
  inviteToTeam(
    @Arg("input", () => InviteToTeamInput) input: InviteToTeamInput,
    @Ctx() ctx: WarmpathContext,
  ) {
    return inviteToTeam(
      ctx.store,
      signedInUser(ctx),
      input.teamId,
      definedOnly({ role: input.role as TeamRole | null, expiresInDays: input.expiresInDays }),
      ctx.now,
    );
  }

  @Needs("contacts:write")
  @Mutation(() => TeamMembershipType, {
    description: "Joins a team with an invitation's token. You share nothing until you choose to.",
  })
  async joinTeam(
    @Arg("invitation", () => String) invitation: string,
    @Ctx() ctx: WarmpathContext,
  ): Promise<TeamMembershipType> {
    const { team, member } = await joinTeam(ctx.store, signedInUser(ctx), invitation, ctx.now);
    return { team, member: memberView(member) };
  }

  @Needs("contacts:write")
  @Mutation(() => TeamMemberType, {
    description: "How much of your network this team may use; takes effect at the next search.",
  })
  async setTeamSharing(
    @Arg("teamId", () => ID) teamId: string,
    @Arg("sharing", () => SharingLevelEnum) sharing: string,
    @Ctx() ctx: WarmpathContext,
  ) {
    return memberView(
      await setMySharing(ctx.store, signedInUser(ctx), teamId, sharing as SharingLevel),
    );
  }

  @Needs("contacts:write")
  @Mutation(() => TeamMemberType, {
    description: "Makes a member's sharing stricter (owners, admins); never wider.",
  })
  async capMemberSharing(
    @Arg("input", () => CapSharingInput) input: CapSharingInput,
    @Ctx() ctx: WarmpathContext,
  ) {
    const { teamId, userId, cap } = input;
    return memberView(
      await capMemberSharing(ctx.store, signedInUser(ctx), teamId, userId, cap as SharingLevel),
    );
  }

  @Needs("contacts:write")
  @Mutation(() => TeamMemberType, { description: "Changes a member's role (owners, admins)." })
  async setMemberRole(
    @Arg("input", () => SetRoleInput) input: SetRoleInput,
    @Ctx() ctx: WarmpathContext,
  ) {
    const { teamId, userId, role } = input;
    return memberView(
      await setMemberRole(ctx.store, signedInUser(ctx), teamId, userId, role as TeamRole),
    );
  }

  @Needs("contacts:write")
  @Mutation(() => Boolean, {
    description: "Removes a member (owners, admins), or leaves when the id is yours.",
  })
  async removeTeamMember(
    @Arg("input", () => TeamMemberInput) input: TeamMemberInput,
    @Ctx() ctx: WarmpathContext,
  ) {
    await removeMember(ctx.store, signedInUser(ctx), input.teamId, input.userId);
    return true;
  }
}
