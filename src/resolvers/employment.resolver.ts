import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { isCurrentEmployment, type Employment, type Inputs } from "../graph/index.js";
import { EmploymentType } from "../schema/employment.type.js";
import { OrganizationType } from "../schema/organization.type.js";
import { PersonType } from "../schema/person.type.js";
import { SetEmploymentInput } from "../schema/employment.input.js";
import type { WarmpathContext } from "./context.js";
import { personOf } from "./load-people.js";
import { mustExist } from "./must-exist.js";
import { idempotent } from "./idempotent.js";
import { Needs } from "./needs.js";

@Resolver(() => EmploymentType)
export class EmploymentResolver {
  @FieldResolver(() => Boolean, { description: "True while the stint has no end date." })
  current(@Root() stint: Employment) {
    return isCurrentEmployment(stint);
  }

  @FieldResolver(() => PersonType)
  async person(@Root() stint: Employment, @Ctx() { loaders }: WarmpathContext) {
    return personOf(loaders, stint.personId);
  }

  @FieldResolver(() => OrganizationType)
  async organization(@Root() stint: Employment, @Ctx() { loaders }: WarmpathContext) {
    return mustExist(
      await loaders.organization.load(stint.organizationId),
      "organization",
      stint.organizationId,
    );
  }

  @Needs("contacts:write")
  @Mutation(() => EmploymentType, {
    description: "Records where a person works or worked; the same start date updates the stint.",
  })
  setEmployment(
    @Arg("input", () => SetEmploymentInput) input: SetEmploymentInput,
    @Ctx() ctx: WarmpathContext,
  ) {
    return idempotent(
      ctx,
      "setEmployment",
      { ...input },
      async (data) =>
        (await ctx.store.upsert(ctx.ownerId, "employment", data as Inputs["employment"])).record,
    );
  }
}
