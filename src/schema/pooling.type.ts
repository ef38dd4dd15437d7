import { Field, ID, ObjectType, registerEnumType } from "type-graphql";

export const ContactSharingEnum = { SHARED: "shared", HIDDEN: "hidden" } as const;
registerEnumType(ContactSharingEnum, {
  name: "ContactSharing",
  description: "Your choice for one contact in the teams you share with, over the defaults.",
});

@ObjectType("ContactSharingChoice")
export class ContactSharingChoiceType {
  @Field(() => ID)
  personId!: string;

  @Field(() => ContactSharingEnum)
  sharing!: string;
}

@ObjectType("PoolingSettings", {
  description:
    "What your teams may never see: hidden contacts, and the categories and tags never pooled.",
})
export class PoolingSettingsType {
  @Field(() => [ContactSharingChoiceType])
  contacts!: ContactSharingChoiceType[];

  @Field(() => [String], { description: 'Categories and tags never pooled: "family", "doctor".' })
  blockedLabels!: string[];
}
