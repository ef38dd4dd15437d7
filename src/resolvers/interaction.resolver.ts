import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { Interaction } from "../graph/index.js";
import { InteractionType } from "../schema/interaction.type.js";
import { PersonType } from "../schema/person.type.js";
import { LogInteractionInput } from "../schema/interaction.input.js";
import type { WarmpathContext } from "./context.js";
import { personOf } from "./load-people.js";
import { idempotentCreate } from "./idempotent.js";
import { Needs } from "./needs.js";

@Resolver(() => InteractionType)
export class InteractionResolver {
  @FieldResolver(() => PersonType)
  async person(@Root() interaction: Interaction, @Ctx() { loaders }: WarmpathContext) {
    return personOf(loaders, interaction.personId);
  }

  @Needs("contacts:write")
  @Mutation(() => InteractionType, {
    description: "Logs a contact with a person (an e-mail, a call, a coffee, ...).",
  })
  logInteraction(
    @Arg("input", () => LogInteractionInput) input: LogInteractionInput,
    @Ctx() ctx: WarmpathContext,
  ) {
    return idempotentCreate(ctx, "interaction", { ...input });
  }
}
