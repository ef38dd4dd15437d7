import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { PasskeyCeremonies } from "../accounts/index.js";
import { ErrorCode, notFound, WarmpathError } from "../errors.js";
import type { User } from "../graph/index.js";
import { PasskeyType } from "../schema/passkey.type.js";
import { viewerFrom, ViewerType } from "../schema/viewer.type.js";
import type { WarmpathContext } from "./context.js";
import { Needs, Public } from "./needs.js";
import { signedInUser } from "./account-services.js";
import { requestSide, signInAs } from "./sign-in-as.js";

/** The server's passkey ceremonies; UNAVAILABLE when it was started without them. */
function ceremonies(ctx: WarmpathContext): PasskeyCeremonies {
  if (!ctx.passkeys)
    throw new WarmpathError(ErrorCode.UNAVAILABLE, "passkeys are not set up on this server");
  return ctx.passkeys;
}

/** The user of a browser session: a passkey is added by a person at a browser, not by a script. */
function sessionUser(ctx: WarmpathContext): User {
  const user = signedInUser(ctx);
  if (ctx.actor?.kind !== "session")
    throw new WarmpathError(
      ErrorCode.FORBIDDEN,
      "Passkeys are added in a signed-in browser, not with an API token.",
    );
  return user;
}

@Resolver()
export class PasskeyResolver {
  @Needs("identity")
  @Mutation(() => String, {
    description:
      "Starts adding a passkey: the options (JSON) for the browser's navigator.credentials.create(). Answer with registerPasskey within 5 minutes.",
  })
  async passkeyRegistrationOptions(@Ctx() ctx: WarmpathContext): Promise<string> {
    const user = signedInUser(ctx);
    const options = await ceremonies(ctx).registrationOptions(
      ctx.store,
      user,
      requestSide(ctx).relyingParty,
      ctx.now,
    );
    return JSON.stringify(options);
  }

  @Needs("identity")
  @Mutation(() => PasskeyType, {
    description:
      "Adds a passkey to your account: `response` is the browser's answer to passkeyRegistrationOptions, as JSON.",
  })
  registerPasskey(
    @Arg("response", () => String) response: string,
    @Arg("name", () => String) name: string,
    @Ctx() ctx: WarmpathContext,
  ) {
    const user = sessionUser(ctx);
    return ceremonies(ctx).verifyRegistration(
      ctx.store,
      user,
      response,
      name,
      requestSide(ctx).relyingParty,
      ctx.now,
    );
  }

  @Needs("identity")
  @Query(() => [PasskeyType], { description: "Your passkeys, oldest first." })
  async passkeys(@Ctx() ctx: WarmpathContext) {
    const actor = ctx.actor;
    if (actor === null || actor.kind === "owner") return [];
    return ctx.store.listPasskeys(actor.user.id);
  }

  @Needs("identity")
  @Mutation(() => Boolean, {
    description: "Removes one of your passkeys; NOT_FOUND for an id that is not yours.",
  })
  async removePasskey(
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: WarmpathContext,
  ): Promise<boolean> {
    const actor = ctx.actor;
    // The owner of an install without accounts has no passkeys: any id is one not found.
    if (actor === null || actor.kind === "owner") throw notFound("passkey", id);
    await ctx.store.deletePasskey(actor.user.id, id);
    return true;
  }

  @Public()
  @Mutation(() => String, {
    description:
      "Starts a passkey sign-in: the options (JSON) for the browser's navigator.credentials.get(). Answer with signInWithPasskey within 5 minutes.",
  })
  async passkeySignInOptions(@Ctx() ctx: WarmpathContext): Promise<string> {
    const options = await ceremonies(ctx).authenticationOptions(
      requestSide(ctx).relyingParty,
      ctx.now,
    );
    return JSON.stringify(options);
  }

  @Public()
  @Mutation(() => ViewerType, {
    description:
      "Signs in with a passkey: `response` is the browser's answer to passkeySignInOptions, as JSON. Sets the session cookie.",
  })
  async signInWithPasskey(
    @Arg("response", () => String) response: string,
    @Ctx() ctx: WarmpathContext,
  ): Promise<ViewerType> {
    const user = await ceremonies(ctx).verifyAuthentication(
      ctx.store,
      response,
      requestSide(ctx).relyingParty,
      ctx.now,
    );
    return viewerFrom(await signInAs(ctx, user));
  }
}
