/**
 * Id probes: every id argument of the API, in reads and in writes, where the isolation suite
 * puts one of B's ids or one that never existed, and how those two answers are made comparable.
 */
import { randomBytes } from "node:crypto";
import type { Result } from "./graphql-harness.js";
import { M, PATHS, Q } from "./isolation-documents.js";
import type { IdKind, Network } from "./isolation-network.js";
import type { Chooser, Op } from "./isolation-operations.js";
import { dayIso, instantIso } from "./isolation-pools.js";

/** The same kind of id, created at the same moment, that no owner has: the id that never existed. */
export function twinOf(id: string): string {
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
export const withoutId = (r: Result, id: string): unknown =>
  JSON.parse(JSON.stringify(r).split(id).join("<ID>"));

/** An operation of A with one id argument: the probe puts B's id, or a missing one, there. */
export interface Probe {
  /** The kind of id the argument names; other kinds are tried too. */
  kind: IdKind;
  op: (id: string, a: Network, c: Chooser) => Op;
}
/** The owner's own person. */
export const self = (a: Network) => a.ids.person[0]!;
const other = (a: Network, c: Chooser) => c.pick(a.ids.person.slice(1), self(a));

/** Every id argument of the API, in reads and in writes. */
export const PROBES: Readonly<Record<string, Probe>> = {
  person: { kind: "person", op: (id) => ({ query: Q.person, variables: { id } }) },
  organization: {
    kind: "organization",
    op: (id) => ({ query: Q.organization, variables: { id } }),
  },
  peopleAtOrganization: {
    kind: "organization",
    op: (id) => ({
      query: `query($id: ID!) { people(filter: { organizationId: $id }) { totalCount edges { node { id } } } }`,
      variables: { id },
    }),
  },
  introPathsTo: { kind: "person", op: (id) => ({ query: Q.introPathsTo, variables: { id } }) },
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
  updateDrafts: { kind: "batch", op: (batch) => ({ query: Q.updateDrafts, variables: { batch } }) },
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
