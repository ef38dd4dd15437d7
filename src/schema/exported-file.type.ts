import { Field, ObjectType } from "type-graphql";

@ObjectType("ExportedFile", {
  description: "A file to save: a network export, an update's drafts as text, or one .eml message.",
})
export class ExportedFileType {
  @Field(() => String)
  filename!: string;

  @Field(() => String)
  mediaType!: string;

  @Field(() => String)
  content!: string;
}
