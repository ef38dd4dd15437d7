import { Arg, Ctx, Float, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import {
  conversationStarters,
  favorBalance,
  peopleYouCouldHelp,
  recordFavor,
  type FavorDirection,
  type FavorKind,
} from "../graph/index.js";
import { ConversationStartersType } from "../schema/conversation-starters.type.js";
import { FavorBalanceType, HelpOpportunityType } from "../schema/favor-balance.type.js";
import { RecordFavorInput } from "../schema/favor.input.js";
import { FavorType } from "../schema/favor.type.js";
import type { WarmpathContext } from "./context.js";
import { optional, personOf, withPerson } from "./load-people.js";
import { idempotent } from "./idempotent.js";
import { Needs } from "./needs.js";

@Resolver()
export class FavorResolver {
  @Needs("contacts:write")
  @Mutation(() => FavorType, { description: "Records a favor you gave or received." })
  recordFavor(
    @Arg("input", () => RecordFavorInput) input: RecordFavorInput,
    @Ctx() ctx: WarmpathContext,
  ) {
    return idempotent(ctx, "recordFavor", { ...input }, (data) =>
      recordFavor(
        ctx.store,
        ctx.ownerId,
        { ...data, direction: data.direction as FavorDirection, kind: data.kind as FavorKind },
        { now: ctx.now },
      ),
    );
  }

  @Needs("contacts:read")
  @Query(() => FavorBalanceType, { description: "Favors given and received with one person." })
  async favorBalance(
    @Arg("personId", () => ID) personId: string,
    @Ctx() { store, ownerId, loaders }: WarmpathContext,
  ) {
    const [balance] = await withPerson(loaders, [await favorBalance(store, ownerId, personId)]);
    return balance;
  }

  @Needs("contacts:read")
  @Query(() => [HelpOpportunityType], {
    description:
      "People you could help: those who asked you, and those whose targets you can reach warmly.",
  })
  async peopleYouCouldHelp(
    @Ctx() { store, ownerId, loaders, now }: WarmpathContext,
    @Arg("minWarmth", () => Float, { nullable: true }) minWarmth?: number,
    @Arg("limit", () => Int, { nullable: true }) limit?: number,
  ) {
    const rows = await withPerson(
      loaders,
      await peopleYouCouldHelp(store, ownerId, {
        now,
        ...(minWarmth != null && { minWarmth }),
        ...(limit != null && { limit }),
      }),
    );
    return Promise.all(
      rows.map(async (row) => ({ ...row, target: await optional(loaders.person, row.targetId) })),
    );
  }

  @Needs("contacts:read")
  @Query(() => ConversationStartersType, {
    description:
      "What you share with someone (and with whoever would introduce you), their news and press, as openers.",
  })
  async conversationStarters(
    @Arg("personId", () => ID) personId: string,
    @Ctx() { store, ownerId, loaders }: WarmpathContext,
  ) {
    const starters = await conversationStarters(store, ownerId, personId);
    return {
      ...starters,
      person: await personOf(loaders, starters.personId),
      introducer: await optional(loaders.person, starters.introducerId),
    };
  }
}
