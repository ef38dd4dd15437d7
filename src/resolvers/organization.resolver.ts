import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { isCurrentEmployment, type Organization, type Patches } from "../graph/index.js";
import { OrganizationConnection } from "../schema/connection.type.js";
import { EmploymentType } from "../schema/employment.type.js";
import { MembershipType } from "../schema/membership.type.js";
import {
  CreateOrganizationInput,
  OrganizationFilterInput,
  UpdateOrganizationInput,
} from "../schema/organization.input.js";
import { OrganizationType } from "../schema/organization.type.js";
import { DeleteInput } from "../schema/person.input.js";
import { PersonType } from "../schema/person.type.js";
import type { WarmpathContext } from "./context.js";
import { idempotentCreate } from "./idempotent.js";
import { Needs } from "./needs.js";

@Resolver(() => OrganizationType)
export class OrganizationResolver {
  @Needs("contacts:read")
  @Query(() => OrganizationType)
  organization(@Arg("id", () => ID) id: string, @Ctx() { store, ownerId }: WarmpathContext) {
    return store.get(ownerId, "organization", id);
  }

  @Needs("contacts:read")
  @Query(() => OrganizationConnection, {
    description: "Organizations ordered by name, a page at a time.",
  })
  organizations(
    @Ctx() { store, ownerId }: WarmpathContext,
    @Arg("filter", () => OrganizationFilterInput, { nullable: true })
    filter?: OrganizationFilterInput,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return store.list(ownerId, "organization", { ...filter } as never, {
      first: first ?? null,
      after: after ?? null,
    });
  }

  @Needs("contacts:write")
  @Mutation(() => OrganizationType)
  createOrganization(
    @Arg("input", () => CreateOrganizationInput) input: CreateOrganizationInput,
    @Ctx() ctx: WarmpathContext,
  ) {
    return idempotentCreate(ctx, "organization", { ...input });
  }

  @Needs("contacts:write")
  @Mutation(() => OrganizationType)
  updateOrganization(
    @Arg("input", () => UpdateOrganizationInput) input: UpdateOrganizationInput,
    @Ctx() { store, ownerId }: WarmpathContext,
  ) {
    const { id, ...patch } = input;
    return store.update(ownerId, "organization", id, patch as Patches["organization"]);
  }

  @Needs("contacts:write")
  @Mutation(() => ID, {
    description:
      "Deletes the organization with its employment and membership records; returns the id.",
  })
  async deleteOrganization(
    @Arg("input", () => DeleteInput) input: DeleteInput,
    @Ctx() { store, ownerId }: WarmpathContext,
  ) {
    await store.delete(ownerId, "organization", input.id);
    return input.id;
  }

  @FieldResolver(() => [PersonType], { description: "People who work here now." })
  async currentPeople(@Root() org: Organization, @Ctx() { loaders }: WarmpathContext) {
    const stints = await loaders.employmentAtOrganization.load(org.id);
    return loaders.person.loadMany([
      ...new Set(stints.filter(isCurrentEmployment).map((s) => s.personId)),
    ]);
  }

  @FieldResolver(() => [PersonType], { description: "People who worked here and no longer do." })
  async formerPeople(@Root() org: Organization, @Ctx() { loaders }: WarmpathContext) {
    const stints = await loaders.employmentAtOrganization.load(org.id);
    const current = new Set(stints.filter(isCurrentEmployment).map((s) => s.personId));
    return loaders.person.loadMany(
      [...new Set(stints.map((s) => s.personId))].filter((id) => !current.has(id)),
    );
  }

  @FieldResolver(() => [EmploymentType])
  employment(@Root() org: Organization, @Ctx() { loaders }: WarmpathContext) {
    return loaders.employmentAtOrganization.load(org.id);
  }

  @FieldResolver(() => [MembershipType])
  members(@Root() org: Organization, @Ctx() { loaders }: WarmpathContext) {
    return loaders.membersOfOrganization.load(org.id);
  }
}
