/**
 * Owner isolation as a property, over GraphQL, on any store (issue 13). Two owners, A and B,
 * get random networks built through the API's own mutations, from shared pools of names,
 * e-mails, profile URLs, organization names, tags and idempotency keys, so their data look alike.
 *
 * 1. A's reads answer the same before and after B creates, updates and deletes at random
 *    (and B's answers never carry one of A's ids).
 * 2. Any of B's ids, in any id argument of A's reads and writes, is answered exactly as an id
 *    that never existed (the same id with another random part), and B's data stay unchanged;
 *    refusing B's id takes as long as refusing a missing one.
 *
 * The clock is fixed through contextFor's clock. Nothing in the answers is normalized but the
 * probed id's own text and what exportNetwork takes from the wall clock (see `unclocked`).
 * Every run prints its fast-check seed; ISOLATION_SEED=<seed> replays it.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NetworkStore } from "../../src/graph/index.js";
import { graphqlHarness, type Result } from "./graphql-harness.js";

// ---------------------------------------------------------------------------------------------
// Time, seed, and the pools both owners draw from.

/**
 * The clock of every request: the minute the suite was loaded. Generated times are whole hours
 * before it, so what still reads the wall clock (a path hop's "3 weeks ago") says the same all
 * through a run shorter than an hour.
 */
const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const DAY_MS = 86_400_000;
const dayIso = (offsetDays: number): string =>
  new Date(NOW.getTime() + offsetDays * DAY_MS).toISOString().slice(0, 10);
const instantIso = (offsetHours: number): string =>
  new Date(NOW.getTime() + offsetHours * 3_600_000).toISOString();

const SEED = Number(process.env.ISOLATION_SEED ?? Math.floor(Math.random() * 2 ** 31));

const FIRST = ["Ada", "Ben", "Cy", "Dee", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jo"] as const;
const LAST = ["Park", "Okafor", "Lund", "Diaz", "Singh"] as const;
const ORG_NAMES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Toastmasters"] as const;
const ORG_KINDS = ["COMPANY", "VENTURE_FIRM", "SCHOOL", "CLUB", "CHAMBER", "OTHER"] as const;
const TAGS = ["vip", "sailing", "angel", "alumni"] as const;
const CATEGORIES = ["CLIENT", "FRIEND", "FORMER_COLLEAGUE", "MENTOR", "INVESTOR"] as const;
const CONTEXTS = ["WORKED_TOGETHER", "FRIEND", "SCHOOL", "CLIENT", "MET_ONCE"] as const;
const INTERACTION_KINDS = ["EMAIL", "CALL", "COFFEE", "MEETING", "MESSAGE"] as const;
const DIRECTIONS = ["INBOUND", "OUTBOUND", "MUTUAL"] as const;
const FAVOR_KINDS = ["INTRODUCTION", "REFERRAL", "ADVICE", "HELP"] as const;
/** Keys both owners use: a key is the owner's own, so B's key never answers with A's record. */
const KEYS = ["k-1", "k-2", "k-3", "k-4"] as const;
/** A person's e-mail and profile URL follow their place in the plan, so A's and B's collide. */
const emailOf = (i: number) => `p${i}@example.org`;
const profileOf = (i: number) => `https://linkedin.com/in/p${i}`;

// ---------------------------------------------------------------------------------------------
// Documents.

const PERSON = `fragment P on Person { id name emails phones profileUrl title location categories tags
  interests hobbies notes news newsAt pressMentions seeking cadenceIdealDays cadenceMaxDays askForNews
  elevatorPitch isSelf createdAt updatedAt
  knows { id strength context since lastInteraction provenance notes createdAt person { id name } }
  employment { id title from to current organization { id name } }
  memberships { id role since until organization { id name } }
  interactions { id kind at direction summary needsReply person { id } }
  followUps { id due reason list status snoozedUntil }
  favors { id direction kind date summary } }`;
const ORGANIZATION = `fragment O on Organization { id name kind domain location notes createdAt updatedAt
  currentPeople { id name } formerPeople { id name }
  employment { id title from to current person { id } }
  members { id role since until person { id } } }`;
const PATHS = `noPathReason paths { warmth label people { id name } weakestLink { strength }
  hops { strength inferred evidence from { id } to { id } } }`;
const REQUEST = `id status message outcome statusChangedAt waitingDays target { id } introducer { id } path { id }`;
const DRAFT = `id batch to subject body status sentAt person { id }`;

const M = {
  createPerson: `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
  updatePerson: `mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { id name title tags } }`,
  deletePerson: `mutation($id: ID!) { deletePerson(input: { id: $id }) }`,
  createOrganization: `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
  updateOrganization: `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id name } }`,
  deleteOrganization: `mutation($id: ID!) { deleteOrganization(input: { id: $id }) }`,
  connect: `mutation($input: ConnectInput!) { connect(input: $input) { id strength person { id } } }`,
  disconnect: `mutation($a: ID!, $b: ID!) { disconnect(input: { personA: $a, personB: $b }) { id person { id } } }`,
  setEmployment: `mutation($input: SetEmploymentInput!) { setEmployment(input: $input) { id current } }`,
  addMembership: `mutation($input: AddMembershipInput!) { addMembership(input: $input) { id } }`,
  logInteraction: `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`,
  recordFavor: `mutation($input: RecordFavorInput!) { recordFavor(input: $input) { id } }`,
  recordNews: `mutation($p: ID!, $text: String!, $date: LocalDate) { recordNews(personId: $p, text: $text, date: $date) { id } }`,
  addFollowUp: `mutation($input: AddFollowUpInput!) { addFollowUp(input: $input) { id } }`,
  snoozeFollowUp: `mutation($id: ID!, $until: LocalDate!) { snoozeFollowUp(id: $id, until: $until) { id status } }`,
  completeFollowUp: `mutation($id: ID!) { completeFollowUp(id: $id) { id status } }`,
  setCadence: `mutation($category: Category, $p: ID, $ideal: Int, $max: Int) { setCadence(category: $category, personId: $p, idealDays: $ideal, maxDays: $max) { idealDays maxDays source } }`,
  setElevatorPitch: `mutation($pitch: String!) { setElevatorPitch(pitch: $pitch) { id } }`,
  createIntroRequest: `mutation($target: ID!, $introducer: ID) { createIntroRequest(targetId: $target, introducerId: $introducer) { ${REQUEST} } }`,
  setIntroRequestStatus: `mutation($id: ID!, $status: IntroRequestStatus!) { setIntroRequestStatus(id: $id, status: $status) { ${REQUEST} } }`,
  draftUpdate: `mutation($input: DraftUpdateInput!) { draftUpdate(input: $input) { batch drafts { ${DRAFT} } } }`,
  markUpdateSent: `mutation($batch: String!) { markUpdateSent(batch: $batch) { ${DRAFT} } }`,
  importContacts: `mutation($text: String!) { importContacts(format: LINKEDIN, text: $text) { created updated unchanged rejected rows { line outcome personId } } }`,
};

// ---------------------------------------------------------------------------------------------
// Networks: a plan drawn by fast-check, built through the API, remembered as ids per kind.

const ID_KINDS = [
  "person",
  "organization",
  "tie",
  "employment",
  "membership",
  "interaction",
  "favor",
  "news",
  "followUp",
  "introRequest",
  "batch",
] as const;
type IdKind = (typeof ID_KINDS)[number];

/** One owner's network as built: its ids by kind (the owner's own person first). */
interface Network {
  owner: string;
  ids: Record<IdKind, string[]>;
  /** The idempotency keys this owner has used. */
  keys: Set<string>;
}

const personPlan = fc.record({
  first: fc.constantFrom(...FIRST),
  last: fc.constantFrom(...LAST),
  email: fc.boolean(),
  profile: fc.boolean(),
  title: fc.option(fc.constantFrom("CTO", "Partner", "Engineer", "Founder")),
  location: fc.option(fc.constantFrom("Oslo", "Lagos", "Austin")),
  categories: fc.uniqueArray(fc.constantFrom(...CATEGORIES), { maxLength: 2 }),
  tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 2 }),
  interests: fc.uniqueArray(fc.constantFrom("sailing", "chess", "jazz"), { maxLength: 2 }),
  seeking: fc.uniqueArray(fc.constantFrom(...ORG_NAMES), { maxLength: 1 }),
  notes: fc.option(fc.constantFrom("met at a conference", "owes me lunch")),
  key: fc.option(fc.constantFrom(...KEYS)),
});
const strength = fc.option(fc.integer({ min: 5, max: 100 }).map((n) => n / 100));

const networkPlan = fc.record({
  people: fc.array(personPlan, { minLength: 5, maxLength: 30 }),
  organizations: fc.uniqueArray(
    fc.record({ name: fc.constantFrom(...ORG_NAMES), kind: fc.constantFrom(...ORG_KINDS) }),
    { minLength: 1, maxLength: 4, selector: (o) => o.name },
  ),
  ties: fc.array(
    fc.record({
      a: fc.oneof(fc.constant(0), fc.nat()),
      b: fc.nat(),
      strength,
      context: fc.constantFrom(...CONTEXTS),
    }),
    { minLength: 4, maxLength: 40 },
  ),
  jobs: fc.array(
    fc.record({
      p: fc.nat(),
      o: fc.nat(),
      yearsAgo: fc.integer({ min: 1, max: 12 }),
      ended: fc.boolean(),
    }),
    { maxLength: 10 },
  ),
  memberships: fc.array(fc.record({ p: fc.nat(), o: fc.nat() }), { maxLength: 5 }),
  interactions: fc.array(
    fc.record({
      p: fc.nat(),
      kind: fc.constantFrom(...INTERACTION_KINDS),
      hoursAgo: fc.integer({ min: 1, max: 24 * 400 }),
      direction: fc.constantFrom(...DIRECTIONS),
      needsReply: fc.boolean(),
    }),
    { maxLength: 12 },
  ),
  followUps: fc.array(
    fc.record({
      p: fc.nat(),
      inDays: fc.integer({ min: 0, max: 60 }),
      list: fc.constantFrom("NEXT_CONTACT", "IMMEDIATE_FOLLOW_UP"),
    }),
    { maxLength: 5 },
  ),
  favors: fc.array(
    fc.record({
      p: fc.nat(),
      direction: fc.constantFrom("GIVEN", "RECEIVED"),
      kind: fc.constantFrom(...FAVOR_KINDS),
      daysAgo: fc.integer({ min: 0, max: 300 }),
    }),
    { maxLength: 5 },
  ),
  news: fc.array(fc.record({ p: fc.nat(), daysAgo: fc.integer({ min: 0, max: 300 }) }), {
    maxLength: 4,
  }),
  cadences: fc.uniqueArray(
    fc.record({ category: fc.constantFrom(...CATEGORIES), ideal: fc.integer({ min: 7, max: 60 }) }),
    { maxLength: 2, selector: (c) => c.category },
  ),
  intros: fc.array(fc.record({ target: fc.nat(), ask: fc.boolean() }), { maxLength: 3 }),
  updateTag: fc.option(fc.constantFrom(...TAGS)),
});
type NetworkPlan = typeof networkPlan extends fc.Arbitrary<infer T> ? T : never;

/** Cycles through drawn numbers to pick from lists whose lengths are known only at run time. */
function chooser(nats: readonly number[]) {
  let next = 0;
  const nat = () => nats[next++ % nats.length] ?? 0;
  return {
    nat,
    bool: () => nat() % 2 === 0,
    /** An element of the list; `fallback` (an id that never existed) when it is empty. */
    pick: <T>(list: readonly T[], fallback?: T): T =>
      list.length === 0 ? (fallback as T) : (list[nat() % list.length] as T),
  };
}
type Chooser = ReturnType<typeof chooser>;

/** The same kind of id, created at the same moment, that no owner has: the id that never existed. */
function twinOf(id: string): string {
  const cut = id.indexOf("_") + 10; // prefix, "_" and nine base-36 digits of time
  if (cut < 10 || cut >= id.length) return `${id}x`;
  const rest = id.length - cut;
  return (
    id.slice(0, cut) +
    randomBytes(Math.ceil(rest / 2))
      .toString("hex")
      .slice(0, rest)
  );
}

/** One request's answer with an id's text replaced, so two answers about two ids can be compared. */
const withoutId = (r: Result, id: string): unknown =>
  JSON.parse(JSON.stringify(r).split(id).join("<ID>"));

const codeOf = (r: Result) => r.errors?.[0]?.extensions?.code;

/** A tie's weight in a GraphML (`<data key="weight">`) or GEXF (`weight="..."`) export. */
const WEIGHT = /(<data key="weight">|\bweight=")([0-9.e-]+)/g;

/**
 * exportNetwork reads the wall clock, not the request's (the resolver passes it no `now`): it
 * dates the file, and GraphML and GEXF weigh ties by recency and age measured from it. Those
 * are the one thing normalized: the date stamps are blanked, and the weights taken out of the
 * text to be compared to 3 decimals (`near`, for the expected answer), which minutes of wall
 * clock cannot move but one more logged contact would.
 */
function unclocked(r: Result, near = false): unknown {
  const file = r.data?.exportNetwork as { filename: string; content: string } | undefined;
  if (!file) return r;
  const date = /\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?/;
  const stamp = (text: string, around: RegExp) =>
    text.replace(around, (m) => m.replace(date, "<now>"));
  const weights = [...file.content.matchAll(WEIGHT)].map((m) => Number(m[2]));
  const content = stamp(
    stamp(file.content, /"exportedAt": "[^"]*"/),
    /lastmodifieddate="[^"]*"/,
  ).replace(WEIGHT, "$1<weight>");
  return {
    ...r,
    data: {
      ...r.data,
      exportNetwork: {
        ...file,
        filename: stamp(file.filename, /network-\d{4}-\d{2}-\d{2}/),
        content,
      },
    },
    weights: near ? weights.map((w) => expect.closeTo(w, 3)) : weights,
  };
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Timing: calls measured per id class and operation, and how far apart the medians may be. */
const TIMING = Object.freeze({ warmup: 20, calls: 150, minRatio: 0.5, maxRatio: 2, slackMs: 1 });

// ---------------------------------------------------------------------------------------------
// Catalogs of operations, drawn by name (so a counterexample reads as a list of names); each
// takes its arguments from the owners' ids at the time it runs.

type Op = { query: string; variables: Record<string, unknown> };
/** A drawn operation: its name in a catalog and the numbers that choose its arguments. */
const step = (names: readonly string[]) =>
  fc.record({
    name: fc.constantFrom(...names),
    nats: fc.array(fc.nat({ max: 999 }), { minLength: 8, maxLength: 8 }),
  });

const introTarget = (a: Network, c: Chooser) =>
  [
    { personId: c.pick(a.ids.person) },
    { organizationId: c.pick(a.ids.organization) },
    { filter: { tag: c.pick(TAGS) } },
  ][c.nat() % 3];
const personFilter = (a: Network, c: Chooser) =>
  [
    {},
    { text: c.pick(FIRST).toLowerCase() },
    { category: c.pick(CATEGORIES) },
    { tag: c.pick(TAGS) },
    { organizationId: c.pick(a.ids.organization) },
    { location: "Oslo" },
  ][c.nat() % 6];

/**
 * Reads by A; a few name B's ids, which A must not see before or after B's changes. One root
 * field that may fail per read: when two fail, which error GraphQL reports is a race.
 */
const READS: Readonly<Record<string, (a: Network, b: Network, c: Chooser) => Op>> = {
  me: () => ({ query: `{ me { ...P } } ${PERSON}`, variables: {} }),
  person: (a, _b, c) => ({
    query: `query($id: ID!) { person(id: $id) { ...P } } ${PERSON}`,
    variables: { id: c.pick(a.ids.person) },
  }),
  personOfB: (_a, b, c) => ({
    query: `query($id: ID!) { person(id: $id) { id name } }`,
    variables: { id: c.pick(b.ids.person) },
  }),
  people: (a, _b, c) => ({
    query: `query($first: Int, $filter: PersonFilter) { people(first: $first, filter: $filter) {
      totalCount edges { cursor node { ...P } } pageInfo { hasNextPage endCursor } } } ${PERSON}`,
    variables: { first: c.pick([3, 10, 40]), filter: personFilter(a, c) },
  }),
  counts: () => ({
    query: `{ people { totalCount } organizations { totalCount } }`,
    variables: {},
  }),
  organizations: (_a, _b, c) => ({
    query: `query($text: String) { organizations(first: 10, filter: { text: $text }) {
      totalCount edges { cursor node { ...O } } } } ${ORGANIZATION}`,
    variables: { text: c.pick([null, "o", "acme"]) },
  }),
  organization: (a, b, c) => ({
    query: `query($id: ID!) { organization(id: $id) { ...O } } ${ORGANIZATION}`,
    variables: { id: c.pick(c.bool() ? a.ids.organization : b.ids.organization) },
  }),
  introPaths: (a, _b, c) => ({
    query: `query($to: IntroTargetInput!, $from: ID, $maxHops: Int, $k: Int, $d: Boolean,
      $exclude: [ID!], $min: Float) { introPaths(to: $to, from: $from, maxHops: $maxHops, k: $k,
      diverseIntroducers: $d, exclude: $exclude, minWarmth: $min) { ${PATHS} } }`,
    variables: {
      to: introTarget(a, c),
      from: c.bool() ? null : c.pick(a.ids.person),
      maxHops: c.pick([2, 3, 4, 6]),
      k: c.pick([1, 3, 5]),
      d: c.bool(),
      exclude: c.bool() ? [] : [c.pick(a.ids.person)],
      min: c.pick([null, 0.1, 0.5]),
    },
  }),
  introPathsToB: (_a, b, c) => ({
    query: `query($to: ID!) { introPaths(to: { personId: $to }) { ${PATHS} } }`,
    variables: { to: c.pick(b.ids.person) },
  }),
  shortestPath: (a, _b, c) => ({
    query: `query($to: ID!, $from: ID, $maxHops: Int) {
      shortestPath(to: $to, from: $from, maxHops: $maxHops) { id name } }`,
    variables: {
      to: c.pick(a.ids.person),
      from: c.bool() ? null : c.pick(a.ids.person),
      maxHops: c.pick([null, 2, 5]),
    },
  }),
  reach: (a, _b, c) => ({
    query: `query($from: ID, $maxHops: Int) { reach(from: $from, maxHops: $maxHops) { hops people warm } }`,
    variables: { from: c.bool() ? null : c.pick(a.ids.person), maxHops: c.pick([1, 2, 3]) },
  }),
  topConnectors: (a, _b, c) => ({
    query: `query($targets: [IntroTargetInput!]!, $limit: Int) {
      topConnectors(targets: $targets, limit: $limit) { paths warmth person { id } } }`,
    variables: { targets: [introTarget(a, c), introTarget(a, c)], limit: c.pick([1, 5, 20]) },
  }),
  groups: (_a, _b, c) => ({
    query: `query($limit: Int) { communities { id size people { id } }
      bridges(limit: $limit) { strength communities tiesBetween from { id } to { id } }
      brokers(limit: $limit) { score person { id } } }`,
    variables: { limit: c.pick([1, 5, 20]) },
  }),
  coverage: (a) => ({
    query: `query($orgs: [ID!]!) { coverage(organizationIds: $orgs) {
      noPathReason organization { id } path { warmth people { id } } } }`,
    variables: { orgs: a.ids.organization },
  }),
  favorBalance: (a, _b, c) => ({
    query: `query($p: ID!) { favorBalance(personId: $p) {
      given received balance person { id } favors { id kind direction date } } }`,
    variables: { p: c.pick(a.ids.person) },
  }),
  peopleYouCouldHelp: (_a, _b, c) => ({
    query: `query($min: Float, $limit: Int) { peopleYouCouldHelp(minWarmth: $min, limit: $limit) {
      kind reason warmth person { id } target { id } } }`,
    variables: { min: c.pick([null, 0.3]), limit: c.pick([null, 3]) },
  }),
  conversationStarters: (a, _b, c) => ({
    query: `query($p: ID!) { conversationStarters(personId: $p) { introducer { id } sharedInterests
      sharedGroups sharedEmployers theirNews pressMentions starters person { id } } }`,
    variables: { p: c.pick(a.ids.person) },
  }),
  newsHistory: (a, _b, c) => ({
    query: `query($p: ID!) { newsHistory(personId: $p) { id text date } }`,
    variables: { p: c.pick(a.ids.person) },
  }),
  keepInTouch: (_a, _b, c) => ({
    query: `query($within: Int, $status: IntroRequestStatus) {
      cadences { category idealDays maxDays isDefault }
      nextContacts(withinDays: $within) { due reason pathsThrough overdue person { id } followUp { id } }
      immediateFollowUps { since waitingDays reason person { id } interaction { id } followUp { id } introRequest { id } }
      losingTouch { lastContact maxDays daysSince person { id } }
      introRequests(status: $status) { ${REQUEST} } }`,
    variables: { within: c.pick([7, 30, 90]), status: c.pick([null, "DRAFTED", "ASKED"]) },
  }),
  updateDrafts: (a, _b, c) => ({
    query: `query($batch: String!) { updateDrafts(batch: $batch) { ${DRAFT} } }`,
    variables: { batch: c.pick(a.ids.batch, "upd_missing") },
  }),
  exportUpdate: (a, _b, c) => ({
    query: `query($batch: String!, $format: DraftFormat!) {
      exportUpdate(batch: $batch, format: $format) { filename mediaType content } }`,
    variables: { batch: c.pick(a.ids.batch, "upd_missing"), format: c.pick(["TEXT", "EML"]) },
  }),
  exportNetwork: (_a, _b, c) => ({
    query: `query($format: ExportFormat!) { exportNetwork(format: $format) { filename mediaType content } }`,
    variables: { format: c.pick(["CSV", "VCARD", "GRAPHML", "GEXF", "JSON"]) },
  }),
};

/** A change by B: the operation, the idempotency key it uses, and the kind of record it creates. */
type Change = Op & { key?: string; adds?: IdKind };
const keyed = (c: Chooser) => (c.bool() ? c.pick(KEYS) : undefined);

/** Creates, updates and deletes by B, from the same pools as A's data. */
const CHANGES: Readonly<Record<string, (b: Network, c: Chooser) => Change>> = {
  createPerson: (_b, c) => {
    const i = c.nat() % 30;
    const key = keyed(c);
    const input = {
      name: `${c.pick(FIRST)} ${c.pick(LAST)}`,
      emails: [emailOf(i)],
      profileUrl: c.bool() ? profileOf(i) : null,
      tags: [c.pick(TAGS)],
      idempotencyKey: key,
    };
    return { query: M.createPerson, variables: { input }, key, adds: "person" };
  },
  updatePerson: (b, c) => ({
    query: M.updatePerson,
    variables: {
      input: {
        id: c.pick(b.ids.person),
        name: `${c.pick(FIRST)} ${c.pick(LAST)}`,
        title: c.pick(["CEO", null]),
        tags: [c.pick(TAGS)],
        emails: c.bool() ? [emailOf(c.nat() % 30)] : undefined,
      },
    },
  }),
  deletePerson: (b, c) => ({
    query: M.deletePerson,
    variables: { id: c.pick(b.ids.person.slice(1), b.ids.person[0]) },
  }),
  createOrganization: (_b, c) => {
    const key = keyed(c);
    const input = { name: c.pick(ORG_NAMES), kind: c.pick(ORG_KINDS), idempotencyKey: key };
    return { query: M.createOrganization, variables: { input }, key, adds: "organization" };
  },
  updateOrganization: (b, c) => ({
    query: M.updateOrganization,
    variables: {
      input: { id: c.pick(b.ids.organization), name: c.pick(ORG_NAMES), notes: "renamed" },
    },
  }),
  deleteOrganization: (b, c) => ({
    query: M.deleteOrganization,
    variables: { id: c.pick(b.ids.organization) },
  }),
  connect: (b, c) => {
    const key = keyed(c);
    const input = {
      personA: c.pick(b.ids.person),
      personB: c.pick(b.ids.person),
      strength: c.pick([0.2, 0.9, 1]),
      context: c.pick(CONTEXTS),
      idempotencyKey: key,
    };
    return { query: M.connect, variables: { input }, key, adds: "tie" };
  },
  disconnect: (b, c) => ({
    query: M.disconnect,
    variables: { a: c.pick(b.ids.person), b: c.pick(b.ids.person) },
  }),
  setEmployment: (b, c) => ({
    query: M.setEmployment,
    variables: {
      input: {
        personId: c.pick(b.ids.person),
        organizationId: c.pick(b.ids.organization),
        from: dayIso(-(c.nat() % 1000)),
        to: c.bool() ? dayIso(-1) : null,
      },
    },
    adds: "employment",
  }),
  addMembership: (b, c) => ({
    query: M.addMembership,
    variables: {
      input: { personId: c.pick(b.ids.person), organizationId: c.pick(b.ids.organization) },
    },
    adds: "membership",
  }),
  logInteraction: (b, c) => ({
    query: M.logInteraction,
    variables: {
      input: {
        personId: c.pick(b.ids.person),
        kind: c.pick(INTERACTION_KINDS),
        at: instantIso(-(c.nat() % 2000)),
        needsReply: c.bool(),
      },
    },
    adds: "interaction",
  }),
  recordFavor: (b, c) => ({
    query: M.recordFavor,
    variables: {
      input: { personId: c.pick(b.ids.person), direction: "GIVEN", kind: c.pick(FAVOR_KINDS) },
    },
    adds: "favor",
  }),
  recordNews: (b, c) => ({
    query: M.recordNews,
    variables: { p: c.pick(b.ids.person), text: "got promoted" },
    adds: "news",
  }),
  addFollowUp: (b, c) => ({
    query: M.addFollowUp,
    variables: { input: { personId: c.pick(b.ids.person), due: dayIso(c.nat() % 20) } },
    adds: "followUp",
  }),
  snoozeFollowUp: (b, c) => ({
    query: M.snoozeFollowUp,
    variables: { id: c.pick(b.ids.followUp, "fup_none"), until: dayIso(40) },
  }),
  completeFollowUp: (b, c) => ({
    query: M.completeFollowUp,
    variables: { id: c.pick(b.ids.followUp, "fup_none") },
  }),
  setCadence: (b, c) => ({
    query: M.setCadence,
    variables: c.bool()
      ? { category: c.pick(CATEGORIES), ideal: 10, max: 20 }
      : { p: c.pick(b.ids.person), ideal: 5, max: 9 },
  }),
  setElevatorPitch: (_b, c) => ({
    query: M.setElevatorPitch,
    variables: { pitch: c.pick(["Pitch one.", "Pitch two."]) },
  }),
  createIntroRequest: (b, c) => ({
    query: M.createIntroRequest,
    variables: { target: c.pick(b.ids.person) },
    adds: "introRequest",
  }),
  setIntroRequestStatus: (b, c) => ({
    query: M.setIntroRequestStatus,
    variables: {
      id: c.pick(b.ids.introRequest, "irq_none"),
      status: c.pick(["ASKED", "ACCEPTED", "INTRODUCED", "MET", "DECLINED"]),
    },
  }),
  draftUpdate: (_b, c) => ({
    query: M.draftUpdate,
    variables: {
      input: { subject: "Hello", template: "Hi {{name}}", recipients: { tag: c.pick(TAGS) } },
    },
  }),
  markUpdateSent: (b, c) => ({
    query: M.markUpdateSent,
    variables: { batch: c.pick(b.ids.batch, "upd_none") },
  }),
  importContacts: (_b, c) => {
    const rows = [0, 1, 2].map((n) => {
      const i = (c.nat() + n) % 30;
      const org = c.pick(ORG_NAMES);
      return `${c.pick(FIRST)},${c.pick(LAST)},${profileOf(i)},${emailOf(i)},${org},CTO,15 Mar 2024`;
    });
    const header = "First Name,Last Name,URL,Email Address,Company,Position,Connected On";
    return { query: M.importContacts, variables: { text: [header, ...rows].join("\r\n") } };
  },
};

/** An operation of A with one id argument: the probe puts B's id, or a missing one, there. */
interface Probe {
  /** The kind of id the argument names; other kinds are tried too. */
  kind: IdKind;
  op: (id: string, a: Network, c: Chooser) => Op;
}
const self = (a: Network) => a.ids.person[0]!;
const other = (a: Network, c: Chooser) => c.pick(a.ids.person.slice(1), self(a));

/** Every id argument of the API, in reads and in writes. */
const PROBES: Readonly<Record<string, Probe>> = {
  person: {
    kind: "person",
    op: (id) => ({
      query: `query($id: ID!) { person(id: $id) { ...P } } ${PERSON}`,
      variables: { id },
    }),
  },
  organization: {
    kind: "organization",
    op: (id) => ({
      query: `query($id: ID!) { organization(id: $id) { ...O } } ${ORGANIZATION}`,
      variables: { id },
    }),
  },
  peopleAtOrganization: {
    kind: "organization",
    op: (id) => ({
      query: `query($id: ID!) { people(filter: { organizationId: $id }) { totalCount edges { node { id } } } }`,
      variables: { id },
    }),
  },
  introPathsTo: {
    kind: "person",
    op: (id) => ({
      query: `query($id: ID!) { introPaths(to: { personId: $id }) { ${PATHS} } }`,
      variables: { id },
    }),
  },
  introPathsToOrganization: {
    kind: "organization",
    op: (id) => ({
      query: `query($id: ID!) { introPaths(to: { organizationId: $id }) { ${PATHS} } }`,
      variables: { id },
    }),
  },
  introPathsFilteredByOrganization: {
    kind: "organization",
    op: (id) => ({
      query: `query($id: ID!) { introPaths(to: { filter: { organizationId: $id } }) { ${PATHS} } }`,
      variables: { id },
    }),
  },
  introPathsFrom: {
    kind: "person",
    op: (id, a, c) => ({
      query: `query($id: ID!, $to: ID!) { introPaths(from: $id, to: { personId: $to }) { ${PATHS} } }`,
      variables: { id, to: other(a, c) },
    }),
  },
  introPathsExcluding: {
    kind: "person",
    op: (id, a, c) => ({
      query: `query($id: ID!, $to: ID!) { introPaths(exclude: [$id], to: { personId: $to }) { ${PATHS} } }`,
      variables: { id, to: other(a, c) },
    }),
  },
  shortestPathTo: {
    kind: "person",
    op: (id) => ({
      query: `query($id: ID!) { shortestPath(to: $id) { id } }`,
      variables: { id },
    }),
  },
  shortestPathFrom: {
    kind: "person",
    op: (id, a, c) => ({
      query: `query($id: ID!, $to: ID!) { shortestPath(from: $id, to: $to) { id } }`,
      variables: { id, to: other(a, c) },
    }),
  },
  reachFrom: {
    kind: "person",
    op: (id) => ({
      query: `query($id: ID!) { reach(from: $id) { hops people warm } }`,
      variables: { id },
    }),
  },
  topConnectorsTo: {
    kind: "person",
    op: (id) => ({
      query: `query($id: ID!) { topConnectors(targets: [{ personId: $id }]) { paths person { id } } }`,
      variables: { id },
    }),
  },
  topConnectorsAt: {
    kind: "organization",
    op: (id) => ({
      query: `query($id: ID!) { topConnectors(targets: [{ organizationId: $id }]) { paths person { id } } }`,
      variables: { id },
    }),
  },
  coverage: {
    kind: "organization",
    op: (id, a) => ({
      query: `query($ids: [ID!]!) { coverage(organizationIds: $ids) { noPathReason organization { id } path { people { id } } } }`,
      variables: { ids: [...a.ids.organization.slice(0, 1), id] },
    }),
  },
  favorBalance: {
    kind: "person",
    op: (id) => ({
      query: `query($id: ID!) { favorBalance(personId: $id) { given received favors { id } } }`,
      variables: { id },
    }),
  },
  conversationStarters: {
    kind: "person",
    op: (id) => ({
      query: `query($id: ID!) { conversationStarters(personId: $id) { starters introducer { id } } }`,
      variables: { id },
    }),
  },
  newsHistory: {
    kind: "person",
    op: (id) => ({
      query: `query($id: ID!) { newsHistory(personId: $id) { id text } }`,
      variables: { id },
    }),
  },
  updateDrafts: {
    kind: "batch",
    op: (id) => ({
      query: `query($id: String!) { updateDrafts(batch: $id) { ${DRAFT} } }`,
      variables: { id },
    }),
  },
  exportUpdate: {
    kind: "batch",
    op: (id, _a, c) => ({
      query: `query($id: String!, $f: DraftFormat!) { exportUpdate(batch: $id, format: $f) { filename content } }`,
      variables: { id, f: c.pick(["TEXT", "EML"]) },
    }),
  },
  updatePerson: {
    kind: "person",
    op: (id) => ({ query: M.updatePerson, variables: { input: { id, title: "Spy" } } }),
  },
  deletePerson: {
    kind: "person",
    op: (id) => ({ query: M.deletePerson, variables: { id } }),
  },
  updateOrganization: {
    kind: "organization",
    op: (id) => ({ query: M.updateOrganization, variables: { input: { id, notes: "taken" } } }),
  },
  deleteOrganization: {
    kind: "organization",
    op: (id) => ({ query: M.deleteOrganization, variables: { id } }),
  },
  connectTo: {
    kind: "person",
    op: (id, a, c) => ({
      query: M.connect,
      variables: { input: { personA: other(a, c), personB: id, strength: 0.9 } },
    }),
  },
  connectFrom: {
    kind: "person",
    op: (id, a, c) => ({
      query: M.connect,
      variables: { input: { personA: id, personB: other(a, c), context: "FRIEND" } },
    }),
  },
  disconnectTo: {
    kind: "person",
    op: (id, a, c) => ({ query: M.disconnect, variables: { a: other(a, c), b: id } }),
  },
  disconnectFrom: {
    kind: "person",
    op: (id, a) => ({ query: M.disconnect, variables: { a: id, b: self(a) } }),
  },
  setEmploymentOf: {
    kind: "person",
    op: (id, a, c) => ({
      query: M.setEmployment,
      variables: { input: { personId: id, organizationId: c.pick(a.ids.organization) } },
    }),
  },
  setEmploymentAt: {
    kind: "organization",
    op: (id, a, c) => ({
      query: M.setEmployment,
      variables: { input: { personId: other(a, c), organizationId: id, title: "Mole" } },
    }),
  },
  addMembershipOf: {
    kind: "person",
    op: (id, a, c) => ({
      query: M.addMembership,
      variables: { input: { personId: id, organizationId: c.pick(a.ids.organization) } },
    }),
  },
  addMembershipAt: {
    kind: "organization",
    op: (id, a, c) => ({
      query: M.addMembership,
      variables: { input: { personId: other(a, c), organizationId: id } },
    }),
  },
  logInteraction: {
    kind: "person",
    op: (id) => ({
      query: M.logInteraction,
      variables: { input: { personId: id, kind: "CALL", at: instantIso(-2) } },
    }),
  },
  recordFavor: {
    kind: "person",
    op: (id) => ({
      query: M.recordFavor,
      variables: { input: { personId: id, direction: "RECEIVED", kind: "ADVICE" } },
    }),
  },
  recordNews: {
    kind: "person",
    op: (id) => ({ query: M.recordNews, variables: { p: id, text: "moved to Oslo" } }),
  },
  addFollowUp: {
    kind: "person",
    op: (id) => ({ query: M.addFollowUp, variables: { input: { personId: id, due: dayIso(3) } } }),
  },
  snoozeFollowUp: {
    kind: "followUp",
    op: (id) => ({ query: M.snoozeFollowUp, variables: { id, until: dayIso(9) } }),
  },
  completeFollowUp: {
    kind: "followUp",
    op: (id) => ({ query: M.completeFollowUp, variables: { id } }),
  },
  setCadenceOf: {
    kind: "person",
    op: (id) => ({ query: M.setCadence, variables: { p: id, ideal: 3, max: 6 } }),
  },
  createIntroRequestTo: {
    kind: "person",
    op: (id) => ({ query: M.createIntroRequest, variables: { target: id } }),
  },
  createIntroRequestThrough: {
    kind: "person",
    op: (id, a, c) => ({
      query: M.createIntroRequest,
      variables: { target: other(a, c), introducer: id },
    }),
  },
  setIntroRequestStatus: {
    kind: "introRequest",
    op: (id, _a, c) => ({
      query: M.setIntroRequestStatus,
      variables: { id, status: c.pick(["ASKED", "ACCEPTED", "DECLINED"]) },
    }),
  },
  markUpdateSent: {
    kind: "batch",
    op: (id) => ({ query: M.markUpdateSent, variables: { batch: id } }),
  },
  draftUpdateTo: {
    kind: "person",
    op: (id) => ({
      query: M.draftUpdate,
      variables: {
        input: { subject: "Hi", template: "Hi {{name}}", recipients: { personIds: [id] } },
      },
    }),
  },
};

// ---------------------------------------------------------------------------------------------

export interface IsolationOptions {
  /** Runs of each property: few where a run costs seconds (a server), more where it is cheap. */
  runs?: number;
  /** Time each property may take before it stops with the runs done (a failure still fails). */
  budgetMs?: number;
}

export const ISOLATION_DEFAULTS = Object.freeze({ runs: 5, budgetMs: 60_000 });

export function isolationSuite(
  name: string,
  makeStore: () => Promise<NetworkStore>,
  options: IsolationOptions = {},
): void {
  const o = { ...ISOLATION_DEFAULTS, ...options };
  describe(`owner isolation over GraphQL on ${name}`, () => {
    const harness = graphqlHarness(makeStore, () => NOW);
    const run = harness.run;
    console.log(
      `isolation on ${name}: fast-check seed ${SEED} (ISOLATION_SEED=${SEED} replays it)`,
    );
    const params: fc.Parameters<unknown> = {
      seed: SEED,
      numRuns: o.runs,
      // On a slow machine, fewer runs rather than a timeout; a failure found is still reported.
      plugins: [fc.interruptAfterTimeLimit(o.budgetMs)],
    };

    /** Runs an operation whose failure, if any, must be one a client can act on. */
    async function attempt(owner: string, query: string, variables: Record<string, unknown>) {
      const r = await run(owner, query, variables);
      expect(
        codeOf(r),
        `${query}\n${JSON.stringify(variables)}\n${JSON.stringify(r.errors)}`,
      ).not.toBe("INTERNAL");
      return r;
    }

    async function newOwner(prefix: string): Promise<Network> {
      const owner = `${prefix}-${randomUUID()}`;
      const self = await harness.store().ensureOwner(owner, { name: "Sam Owner" });
      const ids = Object.fromEntries(ID_KINDS.map((k) => [k, [] as string[]])) as Network["ids"];
      ids.person.push(self.id);
      return { owner, ids, keys: new Set() };
    }

    /** Builds the plan through the API; `keys: false` leaves its idempotency keys out. */
    async function build(prefix: string, plan: NetworkPlan, keys = true): Promise<Network> {
      const net = await newOwner(prefix);
      const { owner, ids } = net;
      const add = async (kind: IdKind, query: string, variables: Record<string, unknown>) => {
        const r = await attempt(owner, query, variables);
        const value = r.data && (Object.values(r.data)[0] as Record<string, unknown> | null);
        if (value && typeof value.id === "string") ids[kind].push(value.id);
        return r;
      };
      for (const [i, p] of plan.people.entries()) {
        // Each key once: a key reused with another input is CONFLICT, and the person not made.
        const key = keys && p.key !== null && !net.keys.has(p.key) ? p.key : null;
        if (key !== null) net.keys.add(key);
        await add("person", M.createPerson, {
          input: {
            name: `${p.first} ${p.last}`,
            emails: p.email ? [emailOf(i)] : [],
            profileUrl: p.profile ? profileOf(i) : null,
            title: p.title,
            location: p.location,
            categories: p.categories,
            tags: p.tags,
            interests: p.interests,
            seeking: p.seeking,
            notes: p.notes,
            idempotencyKey: key,
          },
        });
      }
      for (const organization of plan.organizations)
        await add("organization", M.createOrganization, { input: organization });
      const people = ids.person;
      const person = (n: number) => people[n % people.length]!;
      const org = (n: number) => ids.organization[n % ids.organization.length]!;
      for (const t of plan.ties) {
        const a = t.a % people.length;
        const b = (a + 1 + (t.b % (people.length - 1))) % people.length;
        await add("tie", M.connect, {
          input: {
            personA: people[a],
            personB: people[b],
            strength: t.strength,
            context: t.context,
          },
        });
      }
      for (const j of plan.jobs)
        await add("employment", M.setEmployment, {
          input: {
            personId: person(j.p),
            organizationId: org(j.o),
            from: dayIso(-365 * j.yearsAgo),
            to: j.ended ? dayIso(-30 * j.yearsAgo) : null,
          },
        });
      for (const m of plan.memberships)
        await add("membership", M.addMembership, {
          input: { personId: person(m.p), organizationId: org(m.o), role: "member" },
        });
      for (const x of plan.interactions)
        await add("interaction", M.logInteraction, {
          input: {
            personId: person(x.p),
            kind: x.kind,
            at: instantIso(-x.hoursAgo),
            direction: x.direction,
            needsReply: x.needsReply,
          },
        });
      for (const f of plan.followUps)
        await add("followUp", M.addFollowUp, {
          input: { personId: person(f.p), due: dayIso(f.inDays), list: f.list, reason: "check in" },
        });
      for (const f of plan.favors)
        await add("favor", M.recordFavor, {
          input: {
            personId: person(f.p),
            direction: f.direction,
            kind: f.kind,
            date: dayIso(-f.daysAgo),
          },
        });
      for (const n of plan.news)
        await add("news", M.recordNews, {
          p: person(n.p),
          text: `news of ${person(n.p)}`,
          date: dayIso(-n.daysAgo),
        });
      for (const c of plan.cadences)
        await attempt(owner, M.setCadence, {
          category: c.category,
          ideal: c.ideal,
          max: c.ideal * 2,
        });
      await attempt(owner, M.setElevatorPitch, { pitch: "I build warm introductions." });
      for (const r of plan.intros) {
        const made = await add("introRequest", M.createIntroRequest, { target: person(r.target) });
        const id = made.data?.createIntroRequest?.id;
        if (r.ask && id) await attempt(owner, M.setIntroRequestStatus, { id, status: "ASKED" });
      }
      if (plan.updateTag !== null) {
        const r = await attempt(owner, M.draftUpdate, {
          input: {
            subject: "News",
            template: "Hi {{firstName}}, {{latestNews}}",
            recipients: { tag: plan.updateTag },
          },
        });
        const batch = r.data?.draftUpdate?.batch;
        if (typeof batch === "string") ids.batch.push(batch);
      }
      return net;
    }

    /** Runs one change by B; remembers what it created; checks it answers nothing of A's. */
    async function change(b: Network, aIds: readonly string[], name: string, c: Chooser) {
      const op = CHANGES[name]!(b, c);
      const r = await attempt(b.owner, op.query, op.variables);
      const text = JSON.stringify(r);
      for (const id of aIds) expect(text, `${name} by B answered with A's id`).not.toContain(id);
      if (op.key !== undefined) {
        // A key only A has used is a fresh key for B: never a conflict.
        if (!b.keys.has(op.key))
          expect(r.errors?.[0]?.extensions?.field, `${name} with a key new to B`).not.toBe(
            "idempotencyKey",
          );
        b.keys.add(op.key);
      }
      const value = r.data && (Object.values(r.data)[0] as Record<string, unknown> | null);
      if (op.adds && value && typeof value.id === "string") b.ids[op.adds].push(value.id);
      if (name === "draftUpdate" && typeof r.data?.draftUpdate?.batch === "string")
        b.ids.batch.push(r.data.draftUpdate.batch);
    }

    /** What an owner sees of their whole network, through the API. */
    async function view(n: Network): Promise<unknown[]> {
      const whole = [
        `{ me { id } people(first: 100) { totalCount edges { node { ...P } } } } ${PERSON}`,
        `{ organizations(first: 100) { totalCount edges { node { ...O } } } } ${ORGANIZATION}`,
        `{ introRequests { ${REQUEST} } cadences { category idealDays maxDays isDefault } }`,
        `{ nextContacts(withinDays: 365) { due reason person { id } followUp { id } }
           immediateFollowUps { reason person { id } } losingTouch { daysSince person { id } } }`,
        `{ exportNetwork(format: JSON) { filename content } }`,
      ];
      const answers = [];
      for (const query of whole) answers.push(unclocked(await run(n.owner, query)));
      for (const batch of n.ids.batch)
        answers.push(
          await run(n.owner, `query($b: String!) { updateDrafts(batch: $b) { ${DRAFT} } }`, {
            b: batch,
          }),
        );
      return answers;
    }

    const allIds = (n: Network) => ID_KINDS.flatMap((k) => n.ids[k]);
    const version = (n: Network) => harness.store().version(n.owner);

    it("answers every read of one owner the same before and after another owner creates, updates and deletes", async () => {
      await fc.assert(
        fc.asyncProperty(
          networkPlan,
          networkPlan,
          fc.array(step(Object.keys(READS)), { minLength: 6, maxLength: 14 }),
          fc.array(step(Object.keys(CHANGES)), { minLength: 5, maxLength: 25 }),
          async (planA, planB, reads, changes) => {
            // B starts with no key of its own, so the keys of its changes are new to it.
            const a = await build("iso-a", planA);
            const b = await build("iso-b", planB, false);
            const ops = reads.map(({ name, nats }) => ({
              name,
              ...READS[name]!(a, b, chooser(nats)),
            }));
            /** A's answer to one read, checked to name none of B's ids but those it was asked about. */
            const read = async (op: (typeof ops)[number]) => {
              const answer = await run(a.owner, op.query, op.variables);
              const text = JSON.stringify(answer);
              const asked = JSON.stringify(op.variables);
              const named = allIds(b).filter((id) => text.includes(id) && !asked.includes(id));
              expect(named, `${op.name} answered A with B's ids`).toEqual([]);
              return answer;
            };
            const before = [];
            for (const op of ops) before.push(unclocked(await read(op), true));
            const viewBefore = await view(a);
            const [versionA, versionB] = [await version(a), await version(b)];

            const aIds = allIds(a);
            for (const { name, nats } of changes) await change(b, aIds, name, chooser(nats));
            // Not vacuous: B's network did change.
            expect(await version(b)).toBeGreaterThan(versionB);

            for (const [i, op] of ops.entries())
              expect(
                unclocked(await read(op)),
                `${op.name} ${JSON.stringify(op.variables)}`,
              ).toEqual(before[i]);
            expect(await view(a)).toEqual(viewBefore);
            expect(await version(a)).toBe(versionA);
          },
        ),
        params,
      );
    }, 240_000);

    it("answers another owner's ids exactly as ids that never existed, in reads and writes, and leaves their data unchanged", async () => {
      await fc.assert(
        fc.asyncProperty(
          networkPlan,
          networkPlan,
          fc.array(
            fc.record({
              probe: fc.constantFrom(...Object.keys(PROBES)),
              // Mostly the argument's own kind of id; sometimes any other kind B has.
              ownKind: fc.nat({ max: 3 }).map((n) => n > 0),
              kind: fc.constantFrom(...ID_KINDS),
              missingFirst: fc.boolean(),
              nats: fc.array(fc.nat({ max: 999 }), { minLength: 8, maxLength: 8 }),
            }),
            { minLength: 10, maxLength: 30 },
          ),
          async (planA, planB, probes) => {
            const a = await build("iso-a", planA);
            const b = await build("iso-b", planB);
            const viewB = await view(b);
            const versionB = await version(b);
            for (const { probe, ownKind, kind, missingFirst, nats } of probes) {
              const { kind: own, op } = PROBES[probe]!;
              const ids = b.ids[ownKind ? own : kind];
              if (ids.length === 0) continue;
              const theirs = ids[nats[0]! % ids.length]!;
              const never = twinOf(theirs);
              const versionA = await version(a);
              const ask = async (id: string) => {
                // The same other arguments for both ids.
                const { query, variables } = op(id, a, chooser(nats.slice(1)));
                return withoutId(await run(a.owner, query, variables), id);
              };
              // Either order: neither answer may lean on what the other warmed up.
              const early = missingFirst ? await ask(never) : undefined;
              const foreign = await ask(theirs);
              const missing = early ?? (await ask(never));
              expect(foreign, `${probe} with B's ${ownKind ? own : kind} id`).toEqual(missing);
              if ((missing as Result).errors !== undefined)
                expect(await version(a), `${probe} failed and wrote`).toBe(versionA);
            }
            expect(await version(b)).toBe(versionB);
            expect(await view(b)).toEqual(viewB);
          },
        ),
        params,
      );
    }, 240_000);

    it("takes as long to refuse another owner's id as an id that never existed", async () => {
      const [planA, planB] = fc.sample(fc.tuple(networkPlan, networkPlan), {
        seed: SEED,
        numRuns: 1,
      })[0]!;
      const a = await build("iso-a", planA);
      const b = await build("iso-b", planB);
      const theirs = b.ids.person;
      const never = theirs.map(twinOf);
      const ops: Record<string, (id: string) => Op> = {
        person: (id) => ({
          query: `query($id: ID!) { person(id: $id) { id name } }`,
          variables: { id },
        }),
        updatePerson: (id) => ({
          query: M.updatePerson,
          variables: { input: { id, title: "Spy" } },
        }),
        connect: (id) => ({
          query: M.connect,
          variables: { input: { personA: self(a), personB: id, strength: 0.5 } },
        }),
      };
      for (const [operation, op] of Object.entries(ops)) {
        const times = { foreign: [] as number[], missing: [] as number[] };
        for (let i = 0; i < TIMING.warmup + TIMING.calls; i++) {
          // Alternate which goes first, so neither gains from the other's warm caches.
          const order =
            i % 2 === 0 ? (["foreign", "missing"] as const) : (["missing", "foreign"] as const);
          for (const which of order) {
            const id = (which === "foreign" ? theirs : never)[i % theirs.length]!;
            const { query, variables } = op(id);
            const started = performance.now();
            const r = await run(a.owner, query, variables);
            const took = performance.now() - started;
            expect(codeOf(r), operation).toBe("NOT_FOUND");
            if (i >= TIMING.warmup) times[which].push(took);
          }
        }
        const [foreign, missing] = [median(times.foreign), median(times.missing)];
        const said = `${operation}: median ${foreign.toFixed(3)} ms for B's ids, ${missing.toFixed(3)} ms for missing ones`;
        console.log(`isolation on ${name}, timing of ${said}`);
        const ratio = foreign / missing;
        expect(
          (ratio > TIMING.minRatio && ratio < TIMING.maxRatio) ||
            Math.abs(foreign - missing) < TIMING.slackMs,
          said,
        ).toBe(true);
      }
    }, 120_000);
  });
}
