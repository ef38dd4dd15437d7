import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { changePassword, endSession, signInWithPassword, signUp } from "../accounts/index.js";
import { ErrorCode, WarmpathError } from "../errors.js";
import {
  ChangePasswordInput,
  SetUpInput,
  SignInInput,
  SignUpInput,
} from "../schema/account.input.js";
import { ViewerType, viewerFrom } from "../schema/viewer.type.js";
import { accountServices, clientAddress, signedInUser } from "./account-services.js";
import type { WarmpathContext } from "./context.js";
import { Needs, Public } from "./needs.js";
import { requestSide, signInAs } from "./sign-in-as.js";

/** Signing up, in and out, and one's own account. */
@Resolver(() => ViewerType)
export class AccountResolver {
  @Needs("identity")
  @Query(() => ViewerType, { description: "Who is asking, and what they may do." })
  viewer(@Ctx() ctx: WarmpathContext): ViewerType {
    return viewerFrom(ctx.actor!);
  }

  @Public()
  @Mutation(() => ViewerType, {
    description: "Signs in with a password and sets the session cookie (a new token each time).",
  })
  async signIn(@Arg("input", () => SignInInput) input: SignInInput, @Ctx() ctx: WarmpathContext) {
    const user = await signInWithPassword(ctx.store, accountServices(ctx).limiter, {
      ...input,
      address: clientAddress(ctx),
    });
    return viewerFrom(await signInAs(ctx, user));
  }

  @Public()
  @Mutation(() => ViewerType, { description: "Creates an account with an invitation, signed in." })
  async signUp(@Arg("input", () => SignUpInput) input: SignUpInput, @Ctx() ctx: WarmpathContext) {
    accountServices(ctx);
    return viewerFrom(await signInAs(ctx, await signUp(ctx.store, input, ctx.now)));
  }

  @Public()
  @Mutation(() => ViewerType, {
    description: "Creates the first account, an administrator, with the server's setup token.",
  })
  async setUp(@Arg("input", () => SetUpInput) input: SetUpInput, @Ctx() ctx: WarmpathContext) {
    const { setup, adoptOwner } = accountServices(ctx);
    if (!setup) throw new WarmpathError(ErrorCode.UNAUTHENTICATED, "The setup token is not valid.");
    const user = await setup.exchange(ctx.store, { ...input, token: input.setupToken }, adoptOwner);
    return viewerFrom(await signInAs(ctx, user));
  }

  @Public()
  @Mutation(() => Boolean, { description: "Ends this browser's session and clears its cookie." })
  async signOut(@Ctx() ctx: WarmpathContext): Promise<boolean> {
    const http = requestSide(ctx);
    if (http.sessionToken !== null) await endSession(ctx.store, http.sessionToken);
    http.clearSessionCookie();
    return true;
  }

  @Needs("identity")
  @Mutation(() => ViewerType, {
    description: "Changes your password: every session ends, and this browser gets a new one.",
  })
  async changePassword(
    @Arg("input", () => ChangePasswordInput) input: ChangePasswordInput,
    @Ctx() ctx: WarmpathContext,
  ) {
    if (ctx.actor?.kind !== "session")
      throw new WarmpathError(ErrorCode.FORBIDDEN, "Change a password from a signed-in browser.");
    const user = await changePassword(ctx.store, accountServices(ctx).limiter, signedInUser(ctx), {
      current: input.currentPassword,
      next: input.newPassword,
      address: clientAddress(ctx),
    });
    return viewerFrom(await signInAs(ctx, user));
  }
}
