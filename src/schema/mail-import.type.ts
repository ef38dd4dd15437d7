import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("SkipCount", {
  description: "How many messages or events were skipped for one reason.",
})
export class SkipCountType {
  @Field(() => String, {
    description:
      "mailing_list, bulk_precedence, auto_submitted, no_reply_sender, chat_transcript, too_many_recipients, no_date, no_sender, no_correspondent; for events cancelled, declined, too_many_attendees, no_one_else, not_yet.",
  })
  reason!: string;

  @Field(() => Int)
  count!: number;
}

/**
 * The fields both reports share, first in each: what the import wrote. Decorated, since
 * type-graphql 2 inherits no fields from an undecorated class; no field returns it, so the
 * schema has no type of its own for it.
 */
@ObjectType()
abstract class ImportWritesType {
  @Field(() => Boolean)
  dryRun!: boolean;

  @Field(() => Int, { description: "New interactions." })
  created!: number;

  @Field(() => Int, { description: "Interactions already stored (a re-import)." })
  unchanged!: number;

  @Field(() => Int, {
    description: "One-way mail with someone who is not among your people: left out.",
  })
  oneWayUnknown!: number;

  @Field(() => Int)
  peopleCreated!: number;

  @Field(() => Int, { description: "Your ties written (created, or brought up to date)." })
  ties!: number;
}

@ObjectType("MailImportReport", {
  description: "Every message is counted or skipped with a reason; nothing of a body is kept.",
})
export class MailImportReportType extends ImportWritesType {
  @Field(() => Int)
  messages!: number;

  @Field(() => Int, { description: "Messages that count: one interaction per correspondent." })
  counted!: number;

  @Field(() => [SkipCountType])
  skipped!: SkipCountType[];
}

@ObjectType("CalendarImportReport", {
  description: "Every event is counted or skipped with a reason.",
})
export class CalendarImportReportType extends ImportWritesType {
  @Field(() => Int)
  events!: number;

  @Field(() => Int, { description: "Events with at least one occurrence that counts." })
  counted!: number;

  @Field(() => Int, { description: "Occurrences counted: one interaction per other participant." })
  occurrences!: number;

  @Field(() => [SkipCountType])
  skipped!: SkipCountType[];
}
