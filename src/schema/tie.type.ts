import { Field, Float, ID, ObjectType } from "type-graphql";
import type { Tie } from "../graph/index.js";
import { Provenance, TieContext } from "./enums.js";
import { DateTime, LocalDate } from "./scalars.js";

/** A KNOWS tie seen from one of its ends: `person` is the other end. */
export type TieView = Tie & { otherId: string };

export const tieFrom = (tie: Tie, viewerId: string): TieView => ({
  ...tie,
  otherId: tie.personA === viewerId ? tie.personB : tie.personA,
});

@ObjectType("Tie", { description: "A KNOWS tie, seen from one person: `person` is the other one." })
export class TieType {
  @Field(() => ID)
  id!: string;

  @Field(() => Float, {
    nullable: true,
    description: "The owner's rating, from 0.000001 to 1, or null when not rated.",
  })
  strength!: number | null;

  @Field(() => TieContext, { nullable: true })
  context!: string | null;

  @Field(() => LocalDate, { nullable: true })
  since!: string | null;

  @Field(() => LocalDate, { nullable: true })
  lastInteraction!: string | null;

  @Field(() => Provenance)
  provenance!: string;

  @Field(() => String, { nullable: true, description: "Private to the owner." })
  notes!: string | null;

  @Field(() => DateTime)
  createdAt!: string;
}
