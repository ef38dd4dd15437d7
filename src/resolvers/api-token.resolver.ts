import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { listApiTokens, mintApiToken, revokeApiToken } from "../accounts/index.js";
import { ApiTokenType, NewApiTokenType } from "../schema/api-token.type.js";
import { CreateApiTokenInput } from "../schema/account.input.js";
import { signedInUser } from "./account-services.js";
import type { WarmpathContext } from "./context.js";
import { Needs } from "./needs.js";

/** API tokens for the CLI, scripts and apps; a token never mints one wider than itself. */
@Resolver(() => ApiTokenType)
export class ApiTokenResolver {
  @Needs("identity")
  @Query(() => [ApiTokenType], { description: "Your API tokens, revoked ones included." })
  apiTokens(@Ctx() ctx: WarmpathContext) {
    return listApiTokens(ctx.store, signedInUser(ctx).id);
  }

  @Needs("identity")
  @Mutation(() => NewApiTokenType, {
    description: "A new token with at most your own scopes; its text is shown only in this answer.",
  })
  async createApiToken(
    @Arg("input", () => CreateApiTokenInput) input: CreateApiTokenInput,
    @Ctx() ctx: WarmpathContext,
  ): Promise<NewApiTokenType> {
    const user = signedInUser(ctx);
    const expiresInDays = input.neverExpires ? null : (input.expiresInDays ?? undefined);
    const { token, record } = await mintApiToken(
      ctx.store,
      { user, scopes: ctx.actor!.scopes },
      {
        name: input.name,
        scopes: input.scopes,
        ...(expiresInDays === undefined ? {} : { expiresInDays }),
      },
      ctx.now,
    );
    return { token, apiToken: record };
  }

  @Needs("identity")
  @Mutation(() => ApiTokenType, { description: "Revokes one of your tokens, at once." })
  revokeApiToken(@Arg("id", () => ID) id: string, @Ctx() ctx: WarmpathContext) {
    return revokeApiToken(ctx.store, signedInUser(ctx).id, id);
  }
}
