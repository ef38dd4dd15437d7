/**
 * The catalogs of operations the isolation suite draws by name (so a counterexample reads as a
 * list of names): A's reads and B's changes. Each takes its arguments from the owners' ids at
 * the time it runs, chosen by drawn numbers.
 */
import fc from "fast-check";
import { M, ORGANIZATION, PATHS, PERSON, Q, REQUEST } from "./isolation-documents.js";
import type { IdKind, Network } from "./isolation-network.js";
import {
  CATEGORIES,
  CONTEXTS,
  FAVOR_KINDS,
  FIRST,
  INTERACTION_KINDS,
  KEYS,
  LAST,
  ORG_KINDS,
  ORG_NAMES,
  TAGS,
  dayIso,
  emailOf,
  instantIso,
  profileOf,
} from "./isolation-pools.js";

export type Op = { query: string; variables: Record<string, unknown> };

/** The numbers that choose one operation's arguments. */
export const choices = fc.array(fc.nat({ max: 999 }), { minLength: 8, maxLength: 8 });
/** A drawn operation: its name in a catalog and the numbers that choose its arguments. */
export const step = (names: readonly string[]) =>
  fc.record({ name: fc.constantFrom(...names), nats: choices });

/** Cycles through drawn numbers to pick from lists whose lengths are known only at run time. */
export function chooser(nats: readonly number[]) {
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
export type Chooser = ReturnType<typeof chooser>;

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
export const READS: Readonly<Record<string, (a: Network, b: Network, c: Chooser) => Op>> = {
  me: () => ({ query: `{ me { ...P } } ${PERSON}`, variables: {} }),
  person: (a, _b, c) => ({ query: Q.person, variables: { id: c.pick(a.ids.person) } }),
  personOfB: (_a, b, c) => ({ query: Q.personName, variables: { id: c.pick(b.ids.person) } }),
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
    query: Q.organization,
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
  introPathsToB: (_a, b, c) => ({ query: Q.introPathsTo, variables: { id: c.pick(b.ids.person) } }),
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
    query: Q.updateDrafts,
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

/** What an owner sees of their whole network, each read answered with no argument. */
export const WHOLE_VIEW = [
  `{ me { id } people(first: 100) { totalCount edges { node { ...P } } } } ${PERSON}`,
  `{ organizations(first: 100) { totalCount edges { node { ...O } } } } ${ORGANIZATION}`,
  `{ introRequests { ${REQUEST} } cadences { category idealDays maxDays isDefault } }`,
  `{ nextContacts(withinDays: 365) { due reason person { id } followUp { id } }
     immediateFollowUps { reason person { id } } losingTouch { daysSince person { id } } }`,
  `{ exportNetwork(format: JSON) { filename content } }`,
] as const;

/** A change by B: the operation, the idempotency key it uses, and the kind of record it creates. */
export type Change = Op & { key?: string; adds?: IdKind };
const keyed = (c: Chooser) => (c.bool() ? c.pick(KEYS) : undefined);

/** Creates, updates and deletes by B, from the same pools as A's data. */
export const CHANGES: Readonly<Record<string, (b: Network, c: Chooser) => Change>> = {
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
    adds: "batch",
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
