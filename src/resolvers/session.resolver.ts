import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { SessionType } from "../schema/session.type.js";
import { signedInUser } from "./account-services.js";
import type { WarmpathContext } from "./context.js";
import { Needs } from "./needs.js";

/** Your signed-in browsers: see them, end one (a lost laptop). */
@Resolver(() => SessionType)
export class SessionResolver {
  @Needs("identity")
  @Query(() => [SessionType], { description: "Your sessions, oldest first." })
  async sessions(@Ctx() ctx: WarmpathContext): Promise<SessionType[]> {
    const current = ctx.actor?.kind === "session" ? ctx.actor.sessionId : null;
    const sessions = await ctx.store.listSessions(signedInUser(ctx).id);
    return sessions.map(({ tokenHash: _hidden, ...session }) => ({
      ...session,
      current: session.id === current,
    }));
  }

  @Needs("identity")
  @Mutation(() => Boolean, { description: "Ends one of your sessions." })
  async revokeSession(@Arg("id", () => ID) id: string, @Ctx() ctx: WarmpathContext) {
    await ctx.store.deleteUserSession(signedInUser(ctx).id, id);
    return true;
  }
}
