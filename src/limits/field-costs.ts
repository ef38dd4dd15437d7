/**
 * What each field of the schema costs, for the cost limit (query-cost.ts).
 * One unit is about one field resolved. A list field multiplies its selection
 * by its expected length: its `first`, `limit` or `k` argument where it has one,
 * else the typical fan-out below (ties per person, people per organization...).
 * Fields whose work grows with the owner's network (analytics, exports) cost in
 * proportion to its size; the path searches in proportion to k and to how far
 * their bound lets them reach (hopsFactor).
 */
import {
  DEFAULT_PAGE_SIZE,
  NETWORK_GRAPH_DEFAULTS,
  SEARCH_PEOPLE_DEFAULTS,
  WARMEST_PATHS_DEFAULTS,
} from "../graph/index.js";

/** The size of the owner's network, for fields whose work grows with it. */
export interface NetworkSize {
  people: number;
  ties: number;
}

export type FieldArgs = Record<string, unknown>;

export interface FieldCost {
  /** The field's own work, beyond 1. */
  cost?: (args: FieldArgs, network: NetworkSize) => number;
  /** How many times its selection is resolved. */
  fanOut?: (args: FieldArgs) => number;
  /** True when `cost` reads the network's size (so it is counted only when needed). */
  network?: boolean;
}

/** A list field with no entry and no size argument: assume this many items. */
export const DEFAULT_FAN_OUT = 20;

/** The searches a team path query runs, for a typical team (see Query.teamIntroPaths). */
const TEAM_SEARCHES = 20;

const num = (value: unknown, fallback: number): number =>
  typeof value === "number" && Number.isFinite(value) && value > 0 ? value : fallback;
const len = (value: unknown): number => (Array.isArray(value) ? value.length : 1);
const fixed = (n: number) => () => n;
const size = ({ people, ties }: NetworkSize) => people + ties;
/**
 * How the search grows with its bound: doubling per tie up to 8 ties (the neighbourhood it may
 * explore), then linearly, since by then it has reached most of a personal network and each further
 * tie adds one more round over it (the analyses allow up to 12).
 */
const hopsFactor = (args: FieldArgs, fallback: number) => {
  const hops = num(args.maxHops, fallback);
  return 2 ** Math.min(hops, 8) * Math.max(1, hops / 8);
};

const page = { fanOut: (a: FieldArgs) => num(a.first, DEFAULT_PAGE_SIZE) };
const introducers = (a: FieldArgs) =>
  10 *
  len(a.targets ?? a.organizationIds ?? a.organizationNames) *
  hopsFactor(a, WARMEST_PATHS_DEFAULTS.maxHops);

export const FIELD_COSTS: Readonly<Record<string, FieldCost>> = Object.freeze({
  // Pages: `first` items; their edges were counted by the page.
  "Query.people": page,
  "Query.organizations": page,
  "PersonConnection.edges": { fanOut: fixed(1) },
  "OrganizationConnection.edges": { fanOut: fixed(1) },

  // Nested lists: the typical fan-out of one record.
  "Person.knows": { fanOut: fixed(50) },
  "Person.employment": { fanOut: fixed(3) },
  "Person.memberships": { fanOut: fixed(5) },
  "Person.interactions": { fanOut: fixed(20) },
  "Person.followUps": { fanOut: fixed(5) },
  "Person.favors": { fanOut: fixed(10) },
  "Organization.currentPeople": { fanOut: fixed(50) },
  "Organization.formerPeople": { fanOut: fixed(50) },
  "Organization.employment": { fanOut: fixed(100) },
  "Organization.members": { fanOut: fixed(50) },
  "Community.people": { fanOut: fixed(50) },
  "IntroPathResult.paths": { fanOut: fixed(1) }, // counted by introPaths' k
  "IntroPath.people": { fanOut: fixed(WARMEST_PATHS_DEFAULTS.maxHops + 1) },
  "IntroPath.hops": { fanOut: fixed(WARMEST_PATHS_DEFAULTS.maxHops) },
  "ImportReport.rows": { fanOut: fixed(1_000) },
  "DraftedUpdate.drafts": { fanOut: fixed(100) },
  "Mutation.markUpdateSent": { fanOut: fixed(100) },
  "Query.exportUpdate": { fanOut: fixed(100) },

  // The path engine and the analytics.
  "Query.introPaths": {
    // Without diverse introducers, Yen's algorithm runs up to k more searches.
    cost: (a) =>
      10 *
      num(a.k, WARMEST_PATHS_DEFAULTS.k) ** (a.diverseIntroducers === false ? 2 : 1) *
      hopsFactor(a, WARMEST_PATHS_DEFAULTS.maxHops),
    fanOut: (a) => num(a.k, WARMEST_PATHS_DEFAULTS.k),
  },
  // One search from you and one from each pooling teammate (the teammate-first rule), so a
  // typical team of 20 costs 20 searches; the pool itself is built once and kept.
  "Query.teamIntroPaths": {
    cost: (a) =>
      10 *
      TEAM_SEARCHES *
      num(a.k, WARMEST_PATHS_DEFAULTS.k) *
      hopsFactor(a, WARMEST_PATHS_DEFAULTS.maxHops),
    fanOut: (a) => num(a.k, WARMEST_PATHS_DEFAULTS.k),
  },
  "TeamPathResult.paths": { fanOut: fixed(1) }, // counted by teamIntroPaths' k
  "TeamPath.people": { fanOut: fixed(WARMEST_PATHS_DEFAULTS.maxHops + 1) },
  "TeamPath.hops": { fanOut: fixed(WARMEST_PATHS_DEFAULTS.maxHops) },
  "Query.shortestPath": {
    cost: (a) => 10 * hopsFactor(a, WARMEST_PATHS_DEFAULTS.maxHops),
    fanOut: (a) => num(a.maxHops, 8) + 1,
  },
  "Query.topConnectors": { cost: introducers, fanOut: (a) => num(a.limit, 10) },
  "Query.coverage": { cost: introducers, fanOut: (a) => len(a.organizationIds) },
  "Query.peopleYouCouldHelp": { cost: fixed(1_000), fanOut: (a) => num(a.limit, DEFAULT_FAN_OUT) },
  "Query.reach": {
    cost: (a, n) => (size(n) / 100) * num(a.maxHops, 3),
    fanOut: fixed(4),
    network: true,
  },
  // The TEAM analytics: a pooled search per target (or one reach) from you and from each
  // pooling teammate, as teamIntroPaths; the pool is built once and kept.
  "Query.teamTopConnectors": {
    cost: (a) => TEAM_SEARCHES * introducers(a),
    fanOut: (a) => num(a.limit, 10),
  },
  "Query.teamCoverage": {
    cost: (a) => TEAM_SEARCHES * introducers(a),
    fanOut: (a) => len(a.organizationNames),
  },
  "Query.teamReach": {
    cost: (a, n) => TEAM_SEARCHES * (size(n) / 100) * num(a.maxHops, 3),
    fanOut: fixed(4),
    network: true,
  },
  // Louvain runs on the event loop: a few passes over every tie.
  "Query.communities": { cost: (_a, n) => size(n) / 5, fanOut: fixed(20), network: true },
  "Query.bridges": { cost: (_a, n) => size(n) / 5, fanOut: (a) => num(a.limit, 20), network: true },
  // Betweenness from at most 500 sources, each a walk over the network.
  "Query.brokers": {
    cost: (_a, n) => (Math.min(n.people, 500) * size(n)) / 2_000,
    fanOut: (a) => num(a.limit, 10),
    network: true,
  },
  // A walk out from the people asked for, capped at maxNodes; naming communities runs Louvain.
  "Query.networkGraph": {
    cost: (a, n) =>
      num(a.maxNodes, NETWORK_GRAPH_DEFAULTS.maxNodes) / 2 +
      (Array.isArray(a.communities) && a.communities.length > 0 ? size(n) / 5 : 0),
    network: true,
  },
  "NetworkGraph.nodes": { fanOut: fixed(1) }, // counted by networkGraph's own cost
  "NetworkGraph.edges": { fanOut: fixed(1) },
  "Query.exportNetwork": { cost: (_a, n) => size(n) / 10, network: true },
  // Reads every person and current employer of the owner, then matches in memory.
  "Query.searchPeople": {
    cost: (_a, n) => n.people / 10,
    fanOut: (a) => num(a.first, SEARCH_PEOPLE_DEFAULTS.first),
    network: true,
  },
  "PeopleSearch.people": { fanOut: fixed(1) }, // counted by searchPeople's first
  "Mutation.importContacts": {
    cost: (a) => (typeof a.text === "string" ? a.text.length / 100 : 0),
  },
});
