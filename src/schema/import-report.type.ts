import { Field, Int, ObjectType } from "type-graphql";
import { ImportFormat, RowOutcome } from "./enums.js";

@ObjectType("ImportWarning", {
  description:
    "A value of a kept row that was left out or cleaned: an impossible date, a malformed URL or e-mail, control characters.",
})
export class ImportWarningType {
  @Field(() => String, {
    description: "The field as the model names it: emails[1], connectedOn, name.",
  })
  field!: string;

  @Field(() => String)
  reason!: string;
}

@ObjectType("ImportRow", { description: "What became of one row of an imported file." })
export class ImportRowType {
  @Field(() => Int, { description: "The line of the file where the row starts." })
  line!: number;

  @Field(() => RowOutcome)
  outcome!: string;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: "The person the row became or matched." })
  personId!: string | null;

  @Field(() => [ImportWarningType], {
    description: "Values left out or cleaned; the row was kept unless its outcome says otherwise.",
  })
  warnings!: ImportWarningType[];
}

@ObjectType("ImportReport", { description: "Every row ends in exactly one outcome." })
export class ImportReportType {
  @Field(() => ImportFormat, { description: "The layout read (as detected, for AUTO)." })
  layout!: string;

  @Field(() => Boolean)
  dryRun!: boolean;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;

  @Field(() => Int)
  skipped!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => [ImportRowType])
  rows!: ImportRowType[];
}
