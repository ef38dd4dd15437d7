import { Field, Float, ObjectType } from "type-graphql";
import type { IntroHop, IntroPath } from "../graph/index.js";

@ObjectType("IntroHop", {
  description:
    "One tie of a path: who introduces whom, how strong the tie is, and why we think so.",
})
export class IntroHopType {
  @Field(() => Float, { description: "Tie strength in (0, 1] from the warmth model." })
  strength!: number;

  @Field(() => Boolean, {
    description: "True for a tie inferred from a shared employer or group, not one you recorded.",
  })
  inferred!: boolean;

  @Field(() => [String], {
    description:
      'Evidence in words: "worked together at Acme 2019-2022", "had coffee 3 weeks ago".',
  })
  evidence!: string[];
}

@ObjectType("IntroPath", { description: "A chain of introductions from you to the target." })
export class IntroPathType {
  @Field(() => Float, {
    description:
      "The product of the ties' strengths: the chance every hop passes the request on (0-1).",
  })
  warmth!: number;

  @Field(() => String, { description: "warm, lukewarm, cool or cold." })
  label!: string;

  @Field(() => IntroHopType, { description: "The weakest tie of the path." })
  weakestLink!: IntroHop;
}

@ObjectType("IntroPathResult")
export class IntroPathResultType {
  @Field(() => [IntroPathType], { description: "Warmest first." })
  paths!: IntroPath[];

  @Field(() => String, {
    nullable: true,
    description: "Why there is no path, in words, when `paths` is empty.",
  })
  noPathReason!: string | null;
}
