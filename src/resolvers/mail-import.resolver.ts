import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { importCalendarFromText, importMailFromText } from "../graph/index.js";
import { CalendarImportReportType, MailImportReportType } from "../schema/mail-import.type.js";
import { IdempotencyKeyArg } from "../schema/idempotency-key.field.js";
import type { WarmpathContext } from "./context.js";
import { idempotent } from "./idempotent.js";
import { Needs } from "./needs.js";

/** The largest mailbox or calendar the API imports in one request, as for contact files. */
const MAIL_TEXT_LIMIT = 1_000_000;

const counts = (skipped: Readonly<Record<string, number>>) =>
  Object.entries(skipped).map(([reason, count]) => ({ reason, count }));

/** Mail and calendar text into interactions; larger files and archives go through the CLI. */
@Resolver()
export class MailImportResolver {
  @Needs("imports:write")
  @Mutation(() => MailImportReportType, {
    description:
      "Imports an mbox mailbox given as text (at most 1,000,000 characters; the command line reads files, folders and Takeout ZIPs of any size): headers only, subjects only with keepSubjects. Re-importing changes nothing.",
  })
  async importMail(
    @Arg("text", () => String) text: string,
    @Ctx() { store, ownerId }: WarmpathContext,
    @Arg("me", () => [String], {
      nullable: true,
      description: "More of your addresses, beside your profile's.",
    })
    me?: string[],
    @Arg("keepSubjects", () => Boolean, { nullable: true, defaultValue: false })
    keepSubjects?: boolean,
    @Arg("dryRun", () => Boolean, { nullable: true, defaultValue: false }) dryRun?: boolean,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    const args = {
      text,
      me: me ?? [],
      keepSubjects: keepSubjects ?? false,
      dryRun: dryRun ?? false,
      idempotencyKey,
    };
    const report = await idempotent({ store, ownerId }, "importMail", args, (input) =>
      importMailFromText(store, ownerId, text, { ...input, maxChars: MAIL_TEXT_LIMIT }),
    );
    return { ...report, skipped: counts(report.skipped) };
  }

  @Needs("imports:write")
  @Mutation(() => CalendarImportReportType, {
    description:
      "Imports an iCalendar (.ics) file given as text (at most 1,000,000 characters): its meetings become mutual interactions with the people met. Declined and cancelled events count nothing; a series at most once a week and 12 times.",
  })
  async importCalendar(
    @Arg("text", () => String) text: string,
    @Ctx() { store, ownerId, now }: WarmpathContext,
    @Arg("me", () => [String], {
      nullable: true,
      description: "More of your addresses, beside your profile's.",
    })
    me?: string[],
    @Arg("keepSubjects", () => Boolean, { nullable: true, defaultValue: false })
    keepSubjects?: boolean,
    @Arg("dryRun", () => Boolean, { nullable: true, defaultValue: false }) dryRun?: boolean,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    const args = {
      text,
      me: me ?? [],
      keepSubjects: keepSubjects ?? false,
      dryRun: dryRun ?? false,
      idempotencyKey,
    };
    const report = await idempotent({ store, ownerId }, "importCalendar", args, (input) =>
      importCalendarFromText(store, ownerId, text, { ...input, now, maxChars: MAIL_TEXT_LIMIT }),
    );
    return { ...report, skipped: counts(report.skipped) };
  }
}
