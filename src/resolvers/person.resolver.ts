import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Patches, Person } from "../graph/index.js";
import { PersonConnection } from "../schema/connection.type.js";
import { EmploymentType } from "../schema/employment.type.js";
import { MembershipType } from "../schema/membership.type.js";
import { FavorType } from "../schema/favor.type.js";
import { FollowUpType } from "../schema/follow-up.type.js";
import { InteractionType } from "../schema/interaction.type.js";
import {
  CreatePersonInput,
  DeleteInput,
  PersonFilterInput,
  UpdatePersonInput,
} from "../schema/person.input.js";
import { PersonType } from "../schema/person.type.js";
import { tieFrom, TieType } from "../schema/tie.type.js";
import type { WarmpathContext } from "./context.js";
import { idempotentCreate } from "./idempotent.js";
import { Needs } from "./needs.js";

@Resolver(() => PersonType)
export class PersonResolver {
  @Needs("contacts:read")
  @Query(() => PersonType, { description: "The owner's own person, where their paths start." })
  me(@Ctx() { store, ownerId }: WarmpathContext) {
    return store.getSelf(ownerId);
  }

  @Needs("contacts:read")
  @Query(() => PersonType)
  person(@Arg("id", () => ID) id: string, @Ctx() { store, ownerId }: WarmpathContext) {
    return store.get(ownerId, "person", id);
  }

  @Needs("contacts:read")
  @Query(() => PersonConnection, { description: "People ordered by name, a page at a time." })
  people(
    @Ctx() { store, ownerId }: WarmpathContext,
    @Arg("filter", () => PersonFilterInput, { nullable: true }) filter?: PersonFilterInput,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    return store.list(ownerId, "person", { ...filter } as never, {
      first: first ?? null,
      after: after ?? null,
    });
  }

  @Needs("contacts:write")
  @Mutation(() => PersonType)
  createPerson(
    @Arg("input", () => CreatePersonInput) input: CreatePersonInput,
    @Ctx() ctx: WarmpathContext,
  ) {
    return idempotentCreate(ctx, "person", { ...input });
  }

  @Needs("contacts:write")
  @Mutation(() => PersonType)
  updatePerson(
    @Arg("input", () => UpdatePersonInput) input: UpdatePersonInput,
    @Ctx() { store, ownerId }: WarmpathContext,
  ) {
    const { id, ...patch } = input;
    return store.update(ownerId, "person", id, patch as Patches["person"]);
  }

  @Needs("contacts:write")
  @Mutation(() => ID, {
    description: "Deletes the person with their ties and every record about them; returns the id.",
  })
  async deletePerson(
    @Arg("input", () => DeleteInput) input: DeleteInput,
    @Ctx() { store, ownerId }: WarmpathContext,
  ) {
    await store.delete(ownerId, "person", input.id);
    return input.id;
  }

  @FieldResolver(() => [TieType], {
    description: "The people this person knows, as ties seen from this person.",
  })
  async knows(@Root() person: Person, @Ctx() { loaders }: WarmpathContext) {
    return (await loaders.tiesOfPerson.load(person.id)).map((tie) => tieFrom(tie, person.id));
  }

  @FieldResolver(() => [EmploymentType], {
    description: "Current jobs first, then by when they ended.",
  })
  employment(@Root() person: Person, @Ctx() { loaders }: WarmpathContext) {
    return loaders.employmentOfPerson.load(person.id);
  }

  @FieldResolver(() => [MembershipType])
  memberships(@Root() person: Person, @Ctx() { loaders }: WarmpathContext) {
    return loaders.membershipsOfPerson.load(person.id);
  }

  @FieldResolver(() => [InteractionType], { description: "Newest first." })
  interactions(@Root() person: Person, @Ctx() { loaders }: WarmpathContext) {
    return loaders.interactionsOfPerson.load(person.id);
  }

  @FieldResolver(() => [FollowUpType], { description: "Soonest due first." })
  followUps(@Root() person: Person, @Ctx() { loaders }: WarmpathContext) {
    return loaders.followUpsOfPerson.load(person.id);
  }

  @FieldResolver(() => [FavorType], { description: "Newest first." })
  favors(@Root() person: Person, @Ctx() { loaders }: WarmpathContext) {
    return loaders.favorsOfPerson.load(person.id);
  }
}
