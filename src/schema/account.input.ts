import { Field, InputType, Int } from "type-graphql";

@InputType()
export class SignInInput {
  @Field(() => String)
  email!: string;

  @Field(() => String)
  password!: string;
}

@InputType({ description: "Signing up with an invitation an administrator made." })
export class SignUpInput {
  @Field(() => String)
  invitation!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "15 to 256 characters." })
  password!: string;
}

@InputType({ description: "The first account, with the setup token the server printed." })
export class SetUpInput {
  @Field(() => String)
  setupToken!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  password!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field(() => String)
  currentPassword!: string;

  @Field(() => String)
  newPassword!: string;
}

@InputType()
export class CreateApiTokenInput {
  @Field(() => String, { description: 'What it is for: "import script", "laptop CLI".' })
  name!: string;

  @Field(() => [String], { description: "paths:read, contacts:read, contacts:write, ..." })
  scopes!: string[];

  @Field(() => Int, { nullable: true, description: "Default 90; ignored with neverExpires." })
  expiresInDays?: number | null;

  @Field(() => Boolean, { nullable: true })
  neverExpires?: boolean | null;
}

@InputType()
export class CreateInvitationInput {
  @Field(() => String, { nullable: true, description: "Only this address may use it." })
  email?: string | null;

  @Field(() => Boolean, { nullable: true, description: "The new user is an administrator." })
  admin?: boolean | null;

  @Field(() => Int, { nullable: true, description: "Default 7." })
  expiresInDays?: number | null;
}
