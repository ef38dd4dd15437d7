import { Field, ID, InputType } from "type-graphql";
import { OrganizationKind } from "./enums.js";
import { IdempotencyKeyField } from "./idempotency-key.field.js";

@InputType("OrganizationFilter")
export class OrganizationFilterInput {
  @Field(() => String, {
    nullable: true,
    description: "Matches the name, ignoring case and accents.",
  })
  text?: string | null;

  @Field(() => OrganizationKind, { nullable: true })
  kind?: string | null;
}

@InputType()
class OrganizationFields {
  @Field(() => OrganizationKind, { nullable: true })
  kind?: string | null;

  @Field(() => String, { nullable: true })
  domain?: string | null;

  @Field(() => String, { nullable: true })
  location?: string | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType("CreateOrganizationInput")
export class CreateOrganizationInput extends OrganizationFields {
  @Field(() => String)
  name!: string;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType("UpdateOrganizationInput", {
  description: "Omitted fields stay as they are; null clears a field.",
})
export class UpdateOrganizationInput extends OrganizationFields {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name?: string;
}
