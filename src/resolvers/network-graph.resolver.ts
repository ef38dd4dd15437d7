import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { networkGraph, NETWORK_GRAPH_DEFAULTS } from "../graph/index.js";
import { NetworkGraphType } from "../schema/network-graph.type.js";
import type { WarmpathContext } from "./context.js";
import { Needs } from "./needs.js";

@Resolver()
export class NetworkGraphResolver {
  @Needs("paths:read")
  @Query(() => NetworkGraphType, {
    description:
      "People and the ties among them, for drawing: those named in `around` and the people of `communities` (with neither, the owner), then their ego networks ring by ring (warmest ties first) up to `depth`, at most `maxNodes`.",
  })
  networkGraph(
    @Ctx() { store, ownerId }: WarmpathContext,
    @Arg("around", () => [ID], { nullable: true }) around?: string[],
    @Arg("communities", () => [Int], {
      nullable: true,
      description: "Community ids from `communities`.",
    })
    communities?: number[],
    @Arg("depth", () => Int, {
      nullable: true,
      defaultValue: NETWORK_GRAPH_DEFAULTS.depth,
      description: "0 (just them), 1 or 2.",
    })
    depth?: number,
    @Arg("maxNodes", () => Int, {
      nullable: true,
      defaultValue: NETWORK_GRAPH_DEFAULTS.maxNodes,
      description: "Up to 2,000.",
    })
    maxNodes?: number,
  ) {
    return networkGraph(store, ownerId, {
      around: around ?? null,
      communities: communities ?? null,
      depth: depth ?? null,
      maxNodes: maxNodes ?? null,
    });
  }
}
