import { Field, ID, ObjectType } from "type-graphql";
import type { Actor } from "../accounts/index.js";
import { SCOPES } from "../auth/index.js";

@ObjectType("Viewer", {
  description: "Who is asking: the signed-in user or token, and its scopes.",
})
export class ViewerType {
  @Field(() => ID, { description: "The user's id; the owner's id on a server without accounts." })
  id!: string;

  @Field(() => String, { description: "owner (no accounts), session or token." })
  kind!: string;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => Boolean)
  admin!: boolean;

  @Field(() => [String], {
    description: "What this identity may do (see the scopes in the README).",
  })
  scopes!: string[];
}

export function viewerFrom(actor: Actor): ViewerType {
  const scopes = SCOPES.filter((scope) => actor.scopes.has(scope));
  if (actor.kind === "owner")
    return { id: actor.ownerId, kind: "owner", email: null, name: null, admin: true, scopes };
  const { user } = actor;
  return {
    id: user.id,
    kind: actor.kind,
    email: user.email,
    name: user.name,
    admin: user.admin,
    scopes,
  };
}
