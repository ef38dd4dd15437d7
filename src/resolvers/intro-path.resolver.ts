import { Arg, Ctx, FieldResolver, Float, ID, Int, Query, Resolver, Root } from "type-graphql";
import {
  findIntroPaths,
  findShortestPath,
  WARMEST_PATHS_DEFAULTS,
  type IntroHop,
  type IntroPath,
  type IntroTarget,
} from "../graph/index.js";
import { IntroHopType, IntroPathResultType, IntroPathType } from "../schema/intro-path.type.js";
import { IntroTargetInput } from "../schema/intro-target.input.js";
import { PersonType } from "../schema/person.type.js";
import type { WarmpathContext } from "./context.js";
import { personOf } from "./load-people.js";
import { Needs } from "./needs.js";

@Resolver(() => IntroPathType)
export class IntroPathResolver {
  @Needs("paths:read")
  @Query(() => IntroPathResultType, {
    description:
      "The warmest chains of people who can introduce you to the target, each hop explained.",
  })
  introPaths(
    @Arg("to", () => IntroTargetInput) to: IntroTargetInput,
    @Ctx() { store, ownerId }: WarmpathContext,
    @Arg("from", () => ID, { nullable: true, description: "Where paths start. Default: you." })
    from?: string,
    @Arg("maxHops", () => Int, {
      nullable: true,
      defaultValue: WARMEST_PATHS_DEFAULTS.maxHops,
      description: "Most ties on a path (4 = three introducers); up to 12.",
    })
    maxHops?: number,
    @Arg("k", () => Int, { nullable: true, defaultValue: WARMEST_PATHS_DEFAULTS.k }) k?: number,
    @Arg("diverseIntroducers", () => Boolean, {
      nullable: true,
      defaultValue: WARMEST_PATHS_DEFAULTS.diverseIntroducers,
      description: "No two paths share their first introducer.",
    })
    diverseIntroducers?: boolean,
    @Arg("exclude", () => [ID], { nullable: true, description: "People not to ask." })
    exclude?: string[],
    @Arg("minWarmth", () => Float, { nullable: true }) minWarmth?: number,
  ) {
    return findIntroPaths(store, ownerId, { ...to } as IntroTarget, {
      from: from ?? null,
      maxHops: maxHops ?? null,
      k: k ?? null,
      diverseIntroducers: diverseIntroducers ?? null,
      exclude: exclude ?? null,
      minWarmth: minWarmth ?? null,
    });
  }

  @Needs("paths:read")
  @Query(() => [PersonType], {
    nullable: true,
    description: "The path with the fewest ties, for comparison; null when unreachable.",
  })
  async shortestPath(
    @Arg("to", () => ID) to: string,
    @Ctx() { store, ownerId, loaders }: WarmpathContext,
    @Arg("from", () => ID, { nullable: true }) from?: string,
    @Arg("maxHops", () => Int, { nullable: true }) maxHops?: number,
  ) {
    const ids = await findShortestPath(store, ownerId, to, {
      from: from ?? null,
      maxHops: maxHops ?? null,
    });
    return ids === null ? null : Promise.all(ids.map((id) => personOf(loaders, id)));
  }

  @FieldResolver(() => [PersonType], { description: "From you to the target." })
  people(@Root() path: IntroPath, @Ctx() { loaders }: WarmpathContext) {
    return Promise.all(path.people.map((id) => personOf(loaders, id)));
  }

  @FieldResolver(() => [IntroHopType])
  hops(@Root() path: IntroPath) {
    return path.hops;
  }
}

@Resolver(() => IntroHopType)
export class IntroHopResolver {
  @FieldResolver(() => PersonType)
  async from(@Root() hop: IntroHop, @Ctx() { loaders }: WarmpathContext) {
    return personOf(loaders, hop.from);
  }

  @FieldResolver(() => PersonType)
  async to(@Root() hop: IntroHop, @Ctx() { loaders }: WarmpathContext) {
    return personOf(loaders, hop.to);
  }
}
