/**
 * The isolation suite's networks: a random plan drawn by fast-check, built through the API's
 * own mutations, and remembered as the owner's ids per kind.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import type { NetworkStore } from "../../src/graph/index.js";
import { M } from "./isolation-documents.js";
import {
  CATEGORIES,
  CONTEXTS,
  DIRECTIONS,
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
import type { Result } from "./graphql-harness.js";

export const ID_KINDS = [
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
export type IdKind = (typeof ID_KINDS)[number];

/** One owner's network as built: its ids by kind (the owner's own person first). */
export interface Network {
  owner: string;
  ids: Record<IdKind, string[]>;
  /** The idempotency keys this owner has used. */
  keys: Set<string>;
}

export const allIds = (n: Network) => ID_KINDS.flatMap((k) => n.ids[k]);

/** The id of what an operation created (a draftUpdate's batch), if it created anything. */
export function createdId(r: Result): string | undefined {
  const value = r.data && (Object.values(r.data)[0] as Record<string, unknown> | null);
  const id = value?.id ?? value?.batch;
  return typeof id === "string" ? id : undefined;
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

export const networkPlan = fc.record({
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
export type NetworkPlan = typeof networkPlan extends fc.Arbitrary<infer T> ? T : never;

/** Runs one operation as `owner`, failing the test on an error no client could act on. */
export type Attempt = (
  owner: string,
  query: string,
  variables: Record<string, unknown>,
) => Promise<Result>;

/** Builds the plan through the API as a new owner; `keys: false` leaves its idempotency keys out. */
export async function buildNetwork(
  store: NetworkStore,
  attempt: Attempt,
  prefix: string,
  plan: NetworkPlan,
  keys = true,
): Promise<Network> {
  const owner = `${prefix}-${randomUUID()}`;
  const self = await store.ensureOwner(owner, { name: "Sam Owner" });
  const ids = Object.fromEntries(ID_KINDS.map((k) => [k, [] as string[]])) as Network["ids"];
  ids.person.push(self.id);
  const net: Network = { owner, ids, keys: new Set() };
  /** Runs a creation; remembers and answers the id it made. */
  const add = async (kind: IdKind, query: string, variables: Record<string, unknown>) => {
    const id = createdId(await attempt(owner, query, variables));
    if (id !== undefined) ids[kind].push(id);
    return id;
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
      input: { personA: people[a], personB: people[b], strength: t.strength, context: t.context },
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
    await attempt(owner, M.setCadence, { category: c.category, ideal: c.ideal, max: c.ideal * 2 });
  await attempt(owner, M.setElevatorPitch, { pitch: "I build warm introductions." });
  for (const r of plan.intros) {
    const id = await add("introRequest", M.createIntroRequest, { target: person(r.target) });
    if (r.ask && id) await attempt(owner, M.setIntroRequestStatus, { id, status: "ASKED" });
  }
  if (plan.updateTag !== null)
    await add("batch", M.draftUpdate, {
      input: {
        subject: "News",
        template: "Hi {{firstName}}, {{latestNews}}",
        recipients: { tag: plan.updateTag },
      },
    });
  return net;
}
