import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { DateTime } from "./scalars.js";

/** Whether a passkey lives on one device or syncs (WebAuthn's credential device type). */
export enum PasskeyDeviceType {
  SINGLE_DEVICE = "singleDevice",
  MULTI_DEVICE = "multiDevice",
}
registerEnumType(PasskeyDeviceType, {
  name: "PasskeyDeviceType",
  description: "Whether a passkey is bound to one authenticator or may sync to others.",
});

@ObjectType("Passkey", {
  description: "A passkey of the signed-in user. Its public key and counter are never shown.",
})
export class PasskeyType {
  @Field(() => ID, { description: "The credential id, base64url." })
  id!: string;

  @Field(() => String, { description: 'The label the user gave it ("MacBook", "YubiKey").' })
  name!: string;

  @Field(() => DateTime)
  createdAt!: Date;

  @Field(() => DateTime, { nullable: true, description: "The last sign-in with it, if any." })
  lastUsedAt!: Date | null;

  @Field(() => PasskeyDeviceType)
  deviceType!: string;

  @Field(() => Boolean, { description: "Whether the authenticator reports it backed up." })
  backedUp!: boolean;
}
