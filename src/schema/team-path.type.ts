/**
 * Paths over a team's pooled network (issue 14). A hop's person is a union: one of your own
 * people (the whole Person), a teammate (their account's name), a teammate's contact shared in
 * full (name, title, company, a strength band and who knows them), or one shared company-only
 * ("someone at Acme, via Ada").
 * What a teammate may not show has no field here, so no query can reach it.
 */
import { createUnionType, Field, Float, ID, ObjectType, registerEnumType } from "type-graphql";
import { PersonType } from "./person.type.js";

export const StrengthBandEnum = { STRONG: "strong", GOOD: "good", WEAK: "weak" } as const;
registerEnumType(StrengthBandEnum, {
  name: "StrengthBand",
  description: "How well a teammate knows someone, in words: never the number.",
});

@ObjectType("PooledPerson", { description: "A teammate's contact, as far as they share it." })
export class PooledPersonType {
  @Field(() => ID, { description: "Opaque, and good only in this team's searches and requests." })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  company!: string | null;

  @Field(() => StrengthBandEnum, { description: "How well the best-placed teammate knows them." })
  band!: string;

  @Field(() => [String], { description: "The teammates who know them." })
  via!: string[];
}

@ObjectType("OpaquePerson", {
  description: "A contact a teammate shares company-only: someone at Acme, via Ada.",
})
export class OpaquePersonType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  company!: string | null;

  @Field(() => [String])
  via!: string[];
}

@ObjectType("Teammate", { description: "A member of the team, shown by their account's name." })
export class TeammateType {
  @Field(() => ID)
  userId!: string;

  @Field(() => String)
  name!: string;
}

/** A view of a node as the engine gives it: `kind` tells which member of the union it is. */
export type HopPersonValue =
  | (PersonType & { kind?: undefined })
  | (TeammateType & { kind: "teammate" })
  | (PooledPersonType & { kind: "pooled" })
  | (OpaquePersonType & { kind: "opaque" });

const UNION_MEMBER: Readonly<Record<string, string>> = Object.freeze({
  own: "Person",
  teammate: "Teammate",
  pooled: "PooledPerson",
  opaque: "OpaquePerson",
});

export const HopPerson = createUnionType({
  name: "HopPerson",
  description:
    "A person on a team path: yours, a teammate, a teammate's shared contact, or company-only.",
  types: () => [PersonType, TeammateType, PooledPersonType, OpaquePersonType] as const,
  resolveType: (value) => UNION_MEMBER[(value as { kind?: string }).kind ?? "own"] ?? "Person",
});

@ObjectType("TeamHop", { description: "One tie of a team path, explained only as far as allowed." })
export class TeamHopType {
  @Field(() => HopPerson)
  from!: HopPersonValue;

  @Field(() => HopPerson)
  to!: HopPersonValue;

  @Field(() => Float, {
    description: "Your own tie's strength; for a teammate's tie, the middle of its band.",
  })
  strength!: number;

  @Field(() => StrengthBandEnum)
  band!: string;

  @Field(() => Boolean, { description: "A teammate's tie, not yours." })
  pooled!: boolean;

  @Field(() => Boolean)
  inferred!: boolean;

  @Field(() => [String])
  evidence!: string[];
}

@ObjectType("TeamPath", { description: "A chain of introductions through the team's network." })
export class TeamPathType {
  @Field(() => Float, { description: "The product of the strengths shown." })
  warmth!: number;

  @Field(() => String)
  label!: string;

  @Field(() => [HopPerson], { description: "From you to the target." })
  people!: HopPersonValue[];

  @Field(() => [TeamHopType])
  hops!: TeamHopType[];

  @Field(() => TeamHopType)
  weakestLink!: TeamHopType;
}

@ObjectType("TeamPathResult")
export class TeamPathResultType {
  @Field(() => [TeamPathType], { description: "Warmest first." })
  paths!: TeamPathType[];

  @Field(() => String, { nullable: true })
  noPathReason!: string | null;
}
