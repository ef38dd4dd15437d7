import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { badInput } from "../errors.js";
import {
  addFollowUp,
  categoryCadences,
  completeFollowUp,
  immediateFollowUps,
  losingTouch,
  nextContacts,
  NEXT_CONTACTS_DEFAULTS,
  setCadence,
  snoozeFollowUp,
  type Category,
  type FollowUpList,
} from "../graph/index.js";
import { CadenceRuleType, CategoryCadenceType } from "../schema/cadence.type.js";
import { Category as CategoryEnum } from "../schema/enums.js";
import { AddFollowUpInput } from "../schema/follow-up.input.js";
import { FollowUpType } from "../schema/follow-up.type.js";
import {
  ImmediateFollowUpType,
  LosingTouchType,
  NextContactType,
} from "../schema/keep-in-touch.type.js";
import { LocalDate } from "../schema/scalars.js";
import type { WarmpathContext } from "./context.js";
import { optional, withPerson } from "./load-people.js";
import { idempotent } from "./idempotent.js";
import { Needs } from "./needs.js";

@Resolver()
export class KeepInTouchResolver {
  @Needs("contacts:read")
  @Query(() => [CategoryCadenceType], {
    description: "Your keep-in-touch cadence for every category (yours, or the built-in default).",
  })
  cadences(@Ctx() { store, ownerId }: WarmpathContext) {
    return categoryCadences(store, ownerId);
  }

  @Needs("contacts:write")
  @Mutation(() => CadenceRuleType, {
    nullable: true,
    description:
      "Sets the cadence of a category or of one person (give one). Without idealDays and maxDays it clears the override. Returns the cadence now in effect.",
  })
  setCadence(
    @Ctx() { store, ownerId }: WarmpathContext,
    @Arg("category", () => CategoryEnum, { nullable: true }) category?: string,
    @Arg("personId", () => ID, { nullable: true }) personId?: string,
    @Arg("idealDays", () => Int, { nullable: true }) idealDays?: number,
    @Arg("maxDays", () => Int, { nullable: true }) maxDays?: number,
  ) {
    if ((idealDays == null) !== (maxDays == null))
      throw badInput(
        idealDays == null ? "idealDays" : "maxDays",
        "give both idealDays and maxDays, or neither to clear the cadence",
      );
    const cadence = idealDays == null || maxDays == null ? null : { idealDays, maxDays };
    return setCadence(
      store,
      ownerId,
      { category: (category ?? null) as Category | null, personId: personId ?? null },
      cadence,
    );
  }

  @Needs("contacts:read")
  @Query(() => [NextContactType], {
    description:
      "Next Contact: people due within the window, by due date, then by how many paths to your targets pass through them.",
  })
  async nextContacts(
    @Ctx() { store, ownerId, loaders, now }: WarmpathContext,
    @Arg("withinDays", () => Int, {
      nullable: true,
      defaultValue: NEXT_CONTACTS_DEFAULTS.withinDays,
    })
    withinDays?: number,
  ) {
    const rows = await withPerson(
      loaders,
      await nextContacts(store, ownerId, {
        withinDays: withinDays ?? NEXT_CONTACTS_DEFAULTS.withinDays,
        now,
      }),
    );
    return Promise.all(
      rows.map(async (row) => ({
        ...row,
        followUp: await optional(loaders.followUp, row.followUpId),
      })),
    );
  }

  @Needs("contacts:read")
  @Query(() => [ImmediateFollowUpType], {
    description: "Immediate Follow-up: what waits for your answer, longest-waiting first.",
  })
  async immediateFollowUps(@Ctx() { store, ownerId, loaders, now }: WarmpathContext) {
    const rows = await withPerson(loaders, await immediateFollowUps(store, ownerId, { now }));
    return Promise.all(
      rows.map(async (row) => ({
        ...row,
        interaction: await optional(loaders.interaction, row.interactionId),
        followUp: await optional(loaders.followUp, row.followUpId),
        introRequest: await optional(loaders.introRequest, row.introRequestId),
      })),
    );
  }

  @Needs("contacts:read")
  @Query(() => [LosingTouchType], {
    description: "People past the longest gap their cadence allows, longest silence first.",
  })
  async losingTouch(@Ctx() { store, ownerId, loaders, now }: WarmpathContext) {
    return withPerson(loaders, await losingTouch(store, ownerId, { now }));
  }

  @Needs("contacts:write")
  @Mutation(() => FollowUpType, {
    description: "Adds a dated follow-up; it shows on its list when due.",
  })
  addFollowUp(
    @Arg("input", () => AddFollowUpInput) input: AddFollowUpInput,
    @Ctx() ctx: WarmpathContext,
  ) {
    return idempotent(ctx, "addFollowUp", { ...input }, (data) =>
      addFollowUp(
        ctx.store,
        ctx.ownerId,
        { ...data, list: (data.list ?? null) as FollowUpList | null },
        { now: ctx.now },
      ),
    );
  }

  @Needs("contacts:write")
  @Mutation(() => FollowUpType, { description: "Hides a follow-up until a later date." })
  snoozeFollowUp(
    @Arg("id", () => ID) id: string,
    @Arg("until", () => LocalDate) until: string,
    @Ctx() { store, ownerId, now }: WarmpathContext,
  ) {
    return snoozeFollowUp(store, ownerId, id, until, { now });
  }

  @Needs("contacts:write")
  @Mutation(() => FollowUpType)
  completeFollowUp(@Arg("id", () => ID) id: string, @Ctx() { store, ownerId }: WarmpathContext) {
    return completeFollowUp(store, ownerId, id);
  }
}
