import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { Membership } from "../graph/index.js";
import { AddMembershipInput } from "../schema/membership.input.js";
import { MembershipType } from "../schema/membership.type.js";
import { OrganizationType } from "../schema/organization.type.js";
import { PersonType } from "../schema/person.type.js";
import type { WarmpathContext } from "./context.js";
import { personOf } from "./load-people.js";
import { mustExist } from "./must-exist.js";
import { idempotentCreate } from "./idempotent.js";
import { Needs } from "./needs.js";

@Resolver(() => MembershipType)
export class MembershipResolver {
  @FieldResolver(() => PersonType)
  async person(@Root() membership: Membership, @Ctx() { loaders }: WarmpathContext) {
    return personOf(loaders, membership.personId);
  }

  @FieldResolver(() => OrganizationType)
  async organization(@Root() membership: Membership, @Ctx() { loaders }: WarmpathContext) {
    return mustExist(
      await loaders.organization.load(membership.organizationId),
      "organization",
      membership.organizationId,
    );
  }

  @Needs("contacts:write")
  @Mutation(() => MembershipType, {
    description: "Adds a person to a group; CONFLICT when they already belong.",
  })
  addMembership(
    @Arg("input", () => AddMembershipInput) input: AddMembershipInput,
    @Ctx() ctx: WarmpathContext,
  ) {
    return idempotentCreate(ctx, "membership", { ...input });
  }
}
