import { Field, Float, ID, Int, ObjectType } from "type-graphql";

@ObjectType("GraphNode", { description: "A person in a drawing of your network." })
export class GraphNodeType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => Boolean)
  isSelf!: boolean;

  @Field(() => Int, { description: "Ties from the nearest person asked for: 0 for them." })
  depth!: number;

  @Field(() => [String], { description: "Current employers' names." })
  employers!: string[];
}

@ObjectType("GraphEdge", { description: "A tie between two people of a drawing." })
export class GraphEdgeType {
  @Field(() => ID)
  source!: string;

  @Field(() => ID)
  target!: string;

  @Field(() => Float, { description: "The warmth model's strength of the tie, 0 to 1." })
  warmth!: number;

  @Field(() => Boolean, { description: "Guessed from a shared employer or group." })
  inferred!: boolean;
}

@ObjectType("NetworkGraph", {
  description: "People and the ties among them, capped to a size a browser can draw.",
})
export class NetworkGraphType {
  @Field(() => [GraphNodeType], {
    description: "Nearest first: the people asked for, then ring by ring.",
  })
  nodes!: unknown[];

  @Field(() => [GraphEdgeType])
  edges!: unknown[];

  @Field(() => Int, {
    description:
      "How many people the request reaches without the cap (more than nodes when capped).",
  })
  reachable!: number;

  @Field(() => Int, {
    description:
      "How many ties join the people shown; the weakest are left out beyond four per person.",
  })
  tiesAmong!: number;
}
