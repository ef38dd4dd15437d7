import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { disconnect } from "../graph/index.js";
import { PersonType } from "../schema/person.type.js";
import { ConnectInput, DisconnectInput } from "../schema/tie.input.js";
import { tieFrom, TieType, type TieView } from "../schema/tie.type.js";
import type { WarmpathContext } from "./context.js";
import { personOf } from "./load-people.js";
import { idempotent } from "./idempotent.js";
import { Needs } from "./needs.js";

@Resolver(() => TieType)
export class TieResolver {
  @FieldResolver(() => PersonType, { description: "The other person of the tie." })
  async person(@Root() tie: TieView, @Ctx() { loaders }: WarmpathContext) {
    return personOf(loaders, tie.otherId);
  }

  @Needs("contacts:write")
  @Mutation(() => TieType, {
    description: "Connects two people (KNOWS), or updates their tie; seen from personA.",
  })
  async connect(
    @Arg("input", () => ConnectInput) input: ConnectInput,
    @Ctx() ctx: WarmpathContext,
  ) {
    const record = await idempotent(
      ctx,
      "connect",
      { ...input },
      async (data) =>
        (await ctx.store.upsert(ctx.ownerId, "tie", { ...data, provenance: "manual" } as never))
          .record,
    );
    return tieFrom(record, input.personA);
  }

  @Needs("contacts:write")
  @Mutation(() => TieType, {
    description: "Removes the tie between two people; returns it as it was.",
  })
  async disconnect(
    @Arg("input", () => DisconnectInput) input: DisconnectInput,
    @Ctx() { store, ownerId }: WarmpathContext,
  ) {
    return tieFrom(await disconnect(store, ownerId, input.personA, input.personB), input.personA);
  }
}
