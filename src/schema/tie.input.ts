import { Field, Float, ID, InputType } from "type-graphql";
import { Direction as DirectionEnum, InteractionKind as InteractionKindEnum, TieContext as TieContextEnum } from "./enums.js";
import { DateTime, LocalDate } from "./scalars.js";

@InputType("ConnectInput", { description: "Creates the KNOWS tie between two people, or updates it when it exists." })
export class ConnectInput {
  @Field(() => ID)
  personA!: string;

  @Field(() => ID)
  personB!: string;

  @Field(() => Float, { nullable: true, description: "In (0, 1]; leave empty when not rated." })
  strength?: number | null;

  @Field(() => TieContextEnum, { nullable: true })
  context?: string | null;

  @Field(() => LocalDate, { nullable: true })
  since?: string | null;

  @Field(() => String, { nullable: true, description: "Private to the owner." })
  notes?: string | null;
}

@InputType("DisconnectInput")
export class DisconnectInput {
  @Field(() => ID)
  personA!: string;

  @Field(() => ID)
  personB!: string;
}

@InputType("SetEmploymentInput", { description: "Records a stint; the same person, organization and start date update it." })
export class SetEmploymentInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => LocalDate, { nullable: true })
  from?: string | null;

  @Field(() => LocalDate, { nullable: true, description: "Empty while current." })
  to?: string | null;
}

@InputType("AddMembershipInput")
export class AddMembershipInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => String, { nullable: true })
  role?: string | null;

  @Field(() => LocalDate, { nullable: true })
  since?: string | null;
}

@InputType("LogInteractionInput")
export class LogInteractionInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => InteractionKindEnum)
  kind!: string;

  @Field(() => DateTime)
  at!: string;

  @Field(() => DirectionEnum, { nullable: true })
  direction?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => Boolean, { nullable: true })
  needsReply?: boolean | null;
}
