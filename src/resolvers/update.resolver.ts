import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import {
  draftsOf,
  draftUpdate,
  exportUpdate,
  markUpdateSent,
  newsHistory,
  recordNews,
  type Category,
  type Draft,
  type DraftExportFormat,
  type RecipientList,
} from "../graph/index.js";
import { DraftUpdateInput } from "../schema/draft-update.input.js";
import { DraftedUpdateType, DraftType } from "../schema/draft.type.js";
import { ExportedFileType } from "../schema/exported-file.type.js";
import { DraftFormat } from "../schema/enums.js";
import { NewsType } from "../schema/news.type.js";
import { LocalDate } from "../schema/scalars.js";
import type { WarmpathContext } from "./context.js";
import { withPerson } from "./load-people.js";
import { idempotent } from "./idempotent.js";
import { IdempotencyKeyArg } from "../schema/idempotency-key.field.js";
import { Needs } from "./needs.js";

@Resolver()
export class UpdateResolver {
  @Needs("contacts:write")
  @Mutation(() => NewsType, {
    description: "Records someone's news: kept with its date, shown as their latest when newest.",
  })
  recordNews(
    @Arg("personId", () => ID) personId: string,
    @Arg("text", () => String) text: string,
    @Ctx() { store, ownerId, now }: WarmpathContext,
    @Arg("date", () => LocalDate, { nullable: true, description: "Default: today." }) date?: string,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    return idempotent(
      { store, ownerId },
      "recordNews",
      { personId, text, date, idempotencyKey },
      (input) => recordNews(store, ownerId, { ...input, date: input.date ?? null }, { now }),
    );
  }

  @Needs("contacts:read")
  @Query(() => [NewsType], { description: "Someone's news, newest first." })
  newsHistory(
    @Arg("personId", () => ID) personId: string,
    @Ctx() { store, ownerId }: WarmpathContext,
  ) {
    return newsHistory(store, ownerId, personId);
  }

  @Needs("contacts:write")
  @Mutation(() => DraftedUpdateType, {
    description: "Renders a blanket update for each recipient into drafts. Nothing is sent.",
  })
  async draftUpdate(
    @Arg("input", () => DraftUpdateInput) input: DraftUpdateInput,
    @Ctx() ctx: WarmpathContext,
  ) {
    const { store, ownerId, loaders, now } = ctx;
    const drafted = await idempotent(ctx, "draftUpdate", { ...input }, ({ recipients, ...rest }) =>
      draftUpdate(
        store,
        ownerId,
        {
          ...rest,
          recipients: {
            ...recipients,
            category: (recipients.category ?? null) as Category | null,
            list: (recipients.list ?? null) as RecipientList | null,
          },
        },
        { now },
      ),
    );
    return { batch: drafted.batch, drafts: await withPerson(loaders, drafted.drafts) };
  }

  @Needs("contacts:read")
  @Query(() => [DraftType], { description: "The copies of one update." })
  async updateDrafts(
    @Arg("batch", () => String) batch: string,
    @Ctx() { store, ownerId, loaders }: WarmpathContext,
  ) {
    return withPerson(loaders, await draftsOf(store, ownerId, batch));
  }

  @Needs("contacts:read")
  @Query(() => [ExportedFileType], {
    description:
      "An update's drafts as files to save: TEXT (one file) or EML (one message per recipient).",
  })
  exportUpdate(
    @Arg("batch", () => String) batch: string,
    @Arg("format", () => DraftFormat) format: string,
    @Ctx() { store, ownerId, now }: WarmpathContext,
  ) {
    return exportUpdate(store, ownerId, batch, format as DraftExportFormat, { now });
  }

  @Needs("contacts:write")
  @Mutation(() => [DraftType], {
    description:
      "You sent the update yourself: logs an e-mail to each recipient and marks them to be asked for their news.",
  })
  async markUpdateSent(
    @Arg("batch", () => String) batch: string,
    @Ctx() ctx: WarmpathContext,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    const sent = await idempotent(ctx, "markUpdateSent", { batch, idempotencyKey }, () =>
      markUpdateSent(ctx.store, ctx.ownerId, batch, { now: ctx.now }),
    );
    return withPerson(ctx.loaders, sent as Draft[]);
  }
}
