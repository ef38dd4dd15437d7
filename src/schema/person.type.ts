import { Field, ID, Int, ObjectType } from "type-graphql";
import { Category } from "./enums.js";
import { DateTime } from "./scalars.js";

/** Someone in the owner's network. Nested fields (ties, employment, ...) are resolved in batches. */
@ObjectType("Person", {
  description: "Someone in the owner's network; `isSelf` marks the owner, where paths start.",
})
export class PersonType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => [String])
  emails!: string[];

  @Field(() => [String])
  phones!: string[];

  @Field(() => String, {
    nullable: true,
    description: "Normalized: https, no www., lower case, no trailing slash.",
  })
  profileUrl!: string | null;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  location!: string | null;

  @Field(() => [Category])
  categories!: string[];

  @Field(() => [String])
  tags!: string[];

  @Field(() => [String])
  interests!: string[];

  @Field(() => [String])
  hobbies!: string[];

  @Field(() => String, { nullable: true, description: "Private to the owner." })
  notes!: string | null;

  @Field(() => String, { nullable: true, description: "Their latest news." })
  news!: string | null;

  @Field(() => DateTime, { nullable: true })
  newsAt!: string | null;

  @Field(() => [String], { description: "Press mentions and quotes found while researching them." })
  pressMentions!: string[];

  @Field(() => [String], {
    description: "What they are looking for (a company, a role, advice): where you might help.",
  })
  seeking!: string[];

  @Field(() => Int, {
    nullable: true,
    description: "Keep-in-touch override: the ideal gap in days (else their categories' cadence).",
  })
  cadenceIdealDays!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Keep-in-touch override: the longest acceptable gap in days.",
  })
  cadenceMaxDays!: number | null;

  @Field(() => Boolean, {
    description: "An update went out to them: ask for their news next time.",
  })
  askForNews!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "Your two-minute summary of skills and goals (on your own person).",
  })
  elevatorPitch!: string | null;

  @Field(() => Boolean)
  isSelf!: boolean;

  @Field(() => DateTime)
  createdAt!: string;

  @Field(() => DateTime)
  updatedAt!: string;
}
