import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { importCalendarFromText, importMailFromText } from "../graph/index.js";
import { CalendarImportReportType, MailImportReportType } from "../schema/mail-import.type.js";
import { IdempotencyKeyArg } from "../schema/idempotency-key.field.js";
import type { WarmpathContext } from "./context.js";
import { idempotent } from "./idempotent.js";
import { IMPORT_TEXT_LIMIT } from "./import-text-limit.js";
import { Needs } from "./needs.js";

// The arguments both imports take beside the text and the key, declared once.
const MeArg = () =>
  Arg("me", () => [String], {
    nullable: true,
    description: "More of your addresses, beside your profile's.",
  });
const KeepSubjectsArg = () =>
  Arg("keepSubjects", () => Boolean, { nullable: true, defaultValue: false });
const DryRunArg = () => Arg("dryRun", () => Boolean, { nullable: true, defaultValue: false });

/** The arguments as src/graph reads them (and as the idempotency key fingerprints them). */
const importArgs = (
  text: string,
  me: string[] | undefined,
  keepSubjects: boolean | undefined,
  dryRun: boolean | undefined,
  idempotencyKey: string | undefined,
) => ({
  text,
  me: me ?? [],
  keepSubjects: keepSubjects ?? false,
  dryRun: dryRun ?? false,
  idempotencyKey,
});

/** The report with its skips as a list of reasons and counts. */
const withSkipList = <R extends { skipped: Readonly<Record<string, number>> }>(report: R) => ({
  ...report,
  skipped: Object.entries(report.skipped).map(([reason, count]) => ({ reason, count })),
});

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
    @MeArg() me?: string[],
    @KeepSubjectsArg() keepSubjects?: boolean,
    @DryRunArg() dryRun?: boolean,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    const args = importArgs(text, me, keepSubjects, dryRun, idempotencyKey);
    const report = await idempotent({ store, ownerId }, "importMail", args, (input) =>
      importMailFromText(store, ownerId, text, { ...input, maxChars: IMPORT_TEXT_LIMIT }),
    );
    return withSkipList(report);
  }

  @Needs("imports:write")
  @Mutation(() => CalendarImportReportType, {
    description:
      "Imports an iCalendar (.ics) file given as text (at most 1,000,000 characters): its meetings become mutual interactions with the people met. Declined and cancelled events count nothing; a series at most once a week and 12 times.",
  })
  async importCalendar(
    @Arg("text", () => String) text: string,
    @Ctx() { store, ownerId, now }: WarmpathContext,
    @MeArg() me?: string[],
    @KeepSubjectsArg() keepSubjects?: boolean,
    @DryRunArg() dryRun?: boolean,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    const args = importArgs(text, me, keepSubjects, dryRun, idempotencyKey);
    const report = await idempotent({ store, ownerId }, "importCalendar", args, (input) =>
      importCalendarFromText(store, ownerId, text, { ...input, now, maxChars: IMPORT_TEXT_LIMIT }),
    );
    return withSkipList(report);
  }
}
