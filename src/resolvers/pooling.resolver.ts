import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { ContactSharingEnum, PoolingSettingsType } from "../schema/pooling.type.js";
import type { ContactSharing } from "../graph/index.js";
import type { WarmpathContext } from "./context.js";
import { Needs } from "./needs.js";

/** Your pooling choices, for every team at once: they are about your contacts, not a team. */
@Resolver()
export class PoolingResolver {
  @Needs("contacts:read")
  @Query(() => PoolingSettingsType)
  poolingSettings(@Ctx() { store, ownerId }: WarmpathContext) {
    return store.getPoolingSettings(ownerId);
  }

  @Needs("contacts:write")
  @Mutation(() => Boolean, {
    description:
      "Shares a contact hidden by default (a gmail-only address, no company) or hides one; null returns it to the defaults. Takes effect at the next search.",
  })
  async setContactSharing(
    @Arg("personId", () => ID) personId: string,
    @Arg("sharing", () => ContactSharingEnum, { nullable: true }) sharing: string | null,
    @Ctx() { store, ownerId }: WarmpathContext,
  ) {
    await store.setContactSharing(ownerId, personId, (sharing ?? null) as ContactSharing | null);
    return true;
  }

  @Needs("contacts:write")
  @Mutation(() => PoolingSettingsType, {
    description: "The categories and tags whose people are never pooled (your blocklist).",
  })
  async setBlockedLabels(
    @Arg("labels", () => [String]) labels: string[],
    @Ctx() { store, ownerId }: WarmpathContext,
  ) {
    await store.setBlockedLabels(ownerId, labels);
    return store.getPoolingSettings(ownerId);
  }
}
