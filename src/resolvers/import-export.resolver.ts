import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import {
  exportNetwork,
  importContacts,
  IMPORT_DEFAULTS,
  type NetworkExportFormat,
  type ImportLayout,
} from "../graph/index.js";
import { ExportedFileType } from "../schema/exported-file.type.js";
import { ExportFormat as ExportFormatEnum, ImportFormat } from "../schema/enums.js";
import { ImportReportType } from "../schema/import-report.type.js";
import type { WarmpathContext } from "./context.js";
import { idempotent } from "./idempotent.js";
import { IdempotencyKeyArg } from "../schema/idempotency-key.field.js";
import { IMPORT_TEXT_LIMIT } from "./import-text-limit.js";
import { Needs } from "./needs.js";

@Resolver()
export class ImportExportResolver {
  @Needs("imports:write")
  @Mutation(() => ImportReportType, {
    description:
      'Imports a contact file given as text (at most 1,000,000 characters; use the CLI for larger files and for ZIP archives such as LinkedIn\'s export as downloaded). CSV fields may be separated by ",", ";" or tab. A bad optional value is left out with a warning and the person kept. With dryRun, reports the same outcomes and writes nothing.',
  })
  importContacts(
    @Arg("format", () => ImportFormat) format: string,
    @Arg("text", () => String) text: string,
    @Ctx() { store, ownerId, now }: WarmpathContext,
    @Arg("dryRun", () => Boolean, { nullable: true, defaultValue: IMPORT_DEFAULTS.dryRun })
    dryRun?: boolean,
    @IdempotencyKeyArg() idempotencyKey?: string,
  ) {
    const args = { format, text, dryRun: dryRun ?? IMPORT_DEFAULTS.dryRun, idempotencyKey };
    return idempotent({ store, ownerId }, "importContacts", args, () =>
      importContacts(store, ownerId, text, {
        layout: format as ImportLayout | "auto",
        dryRun: dryRun ?? IMPORT_DEFAULTS.dryRun,
        now,
        maxChars: IMPORT_TEXT_LIMIT,
      }),
    );
  }

  @Needs("contacts:read")
  @Query(() => ExportedFileType, {
    description:
      "Your network as a file other tools read. Private notes appear only in JSON, your own backup.",
  })
  exportNetwork(
    @Arg("format", () => ExportFormatEnum) format: string,
    @Ctx() { store, ownerId, now }: WarmpathContext,
  ) {
    return exportNetwork(store, ownerId, format as NetworkExportFormat, { now });
  }
}
