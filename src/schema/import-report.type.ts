import { Field, Int, ObjectType } from "type-graphql";
import { ImportFormat, RowOutcome } from "./enums.js";

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
