import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { createInvitation } from "../accounts/index.js";
import { CreateInvitationInput } from "../schema/account.input.js";
import { InvitationType, NewInvitationType } from "../schema/invitation.type.js";
import { signedInUser } from "./account-services.js";
import type { WarmpathContext } from "./context.js";
import { Needs } from "./needs.js";

/** Administrators invite people; each invitation makes one account. */
@Resolver(() => InvitationType)
export class InvitationResolver {
  @Needs("admin")
  @Query(() => [InvitationType], { description: "The invitations you made, used ones included." })
  invitations(@Ctx() ctx: WarmpathContext) {
    return ctx.store.listInvitations(signedInUser(ctx).id);
  }

  @Needs("admin")
  @Mutation(() => NewInvitationType, {
    description: "An invitation to sign up, valid 7 days unless said otherwise.",
  })
  createInvitation(
    @Arg("input", () => CreateInvitationInput, { nullable: true })
    input: CreateInvitationInput | null,
    @Ctx() ctx: WarmpathContext,
  ) {
    return createInvitation(
      ctx.store,
      ctx.actor!,
      {
        email: input?.email ?? null,
        admin: input?.admin === true,
        ...(input?.expiresInDays == null ? {} : { expiresInDays: input.expiresInDays }),
      },
      ctx.now,
    );
  }
}
