import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { TeamIntroRequest, TeamIntroStatus } from "../graph/index.js";
import { HopPerson, TeammateType, type HopPersonValue } from "../schema/team-path.type.js";
import {
  AskTeammateInput,
  MoveTeamRequestInput,
  TeamIntroRequestType,
} from "../schema/team-request.type.js";
import {
  askTeammate,
  moveTeammateRequest,
  requestTarget,
  teammateRequests,
} from "../teams/index.js";
import { signedInUser } from "./account-services.js";
import type { WarmpathContext } from "./context.js";
import { hopPerson } from "./hop-person.js";
import { Needs } from "./needs.js";

/** Introductions asked through a teammate, from both sides. */
@Resolver(() => TeamIntroRequestType)
export class TeamRequestResolver {
  @Needs("contacts:read")
  @Query(() => [TeamIntroRequestType], {
    description: "Requests you made or were asked (owners, admins: also those awaiting approval).",
  })
  teamIntroRequests(@Arg("teamId", () => ID) teamId: string, @Ctx() ctx: WarmpathContext) {
    return teammateRequests(ctx.store, signedInUser(ctx), teamId);
  }

  @Needs("intros:write")
  @Mutation(() => TeamIntroRequestType, {
    description:
      "Asks the teammate who knows the target (from a team path) for an introduction. Pending until they answer; nothing reminds them.",
  })
  askTeammate(
    @Arg("input", () => AskTeammateInput) input: AskTeammateInput,
    @Ctx() ctx: WarmpathContext,
  ) {
    const { teamId, ...ask } = input;
    return askTeammate(ctx.store, signedInUser(ctx), teamId, ask, ctx.now);
  }

  @Needs("intros:write")
  @Mutation(() => TeamIntroRequestType, {
    description:
      "Moves a request on: an owner or admin approves (PENDING) when the team asks for it; the teammate asked ACCEPTS (and gets the double opt-in note), DECLINES with a reason, or says INTRODUCED; the requester says MET, or WITHDRAWN.",
  })
  moveTeamIntroRequest(
    @Arg("input", () => MoveTeamRequestInput) input: MoveTeamRequestInput,
    @Ctx() ctx: WarmpathContext,
  ) {
    const { teamId, id, status, reason } = input;
    return moveTeammateRequest(
      ctx.store,
      signedInUser(ctx),
      teamId,
      id,
      { status: status as TeamIntroStatus, reason: reason ?? null },
      ctx.now,
    );
  }

  @FieldResolver(() => TeammateType)
  async requester(@Root() request: TeamIntroRequest, @Ctx() { store }: WarmpathContext) {
    const user = await store.getUser(request.requesterUserId);
    return { userId: user.id, name: user.name };
  }

  @FieldResolver(() => TeammateType)
  async member(@Root() request: TeamIntroRequest, @Ctx() { store }: WarmpathContext) {
    const user = await store.getUser(request.memberUserId);
    return { userId: user.id, name: user.name };
  }

  @FieldResolver(() => HopPerson, {
    description:
      "The target: your own contact when you were asked; else what the teammate shares of them today.",
  })
  async target(
    @Root() request: TeamIntroRequest,
    @Ctx() ctx: WarmpathContext,
  ): Promise<HopPersonValue> {
    return hopPerson(ctx.loaders, await requestTarget(ctx.store, signedInUser(ctx), request));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "For the teammate asked, once accepted: the note to send the target from their own mailbox.",
  })
  draft(@Root() request: TeamIntroRequest, @Ctx() ctx: WarmpathContext): string | null {
    return request.memberUserId === signedInUser(ctx).id ? request.draft : null;
  }
}
