/**
 * A small demo network, so a newcomer can try every command before importing
 * their own contacts: twelve people across three companies, a venture firm and
 * a chamber of commerce, ties with ratings and contexts, a few interactions
 * (one message still waiting for a reply), dated follow-ups, a favor and
 * categories. Fabrikam is the company to reach; Lena Fischer, its CEO, the person.
 * Loading is idempotent: records are upserted by identity, and the logged
 * interactions, follow-ups and favors are only added when missing.
 */
import type { Category } from "../model/person.js";
import type { InteractionKind, Direction } from "../model/interaction.js";
import type { FollowUpList } from "../model/follow-up.js";
import type { FavorDirection, FavorKind } from "../model/favor.js";
import type { OrganizationKind } from "../model/organization.js";
import type { TieContext } from "../model/tie.js";
import { addDays, calendarDay } from "../habits/calendar-days.js";
import { listAll } from "../store/list-all.js";
import type { NetworkStore } from "../store/network-store.js";

/** What the demo is about, so the command line can suggest what to try. */
export const DEMO_HIGHLIGHTS = Object.freeze({
  targetCompany: "Fabrikam",
  targetPerson: "Lena Fischer",
  group: "Scottsdale Chamber of Commerce",
  search: "fabrikam",
});

const ORGANIZATIONS: ReadonlyArray<{ name: string; kind: OrganizationKind; domain: string }> = [
  { name: "Northwind Traders", kind: "company", domain: "northwind.example" },
  { name: "Contoso", kind: "company", domain: "contoso.example" },
  { name: "Fabrikam", kind: "company", domain: "fabrikam.example" },
  { name: "Blue Ridge Ventures", kind: "venture_firm", domain: "blueridge.example" },
  { name: "Scottsdale Chamber of Commerce", kind: "chamber", domain: "scottsdalechamber.example" },
];

interface DemoPerson {
  key: string;
  name: string;
  title: string;
  email: string;
  profile?: string;
  categories?: Category[];
  interests?: string[];
  /** Current employer, or [employer, from, to] stints. */
  jobs: ReadonlyArray<readonly [org: string, from: string, to: string | null]>;
  groups?: readonly string[];
}

const PEOPLE: readonly DemoPerson[] = [
  {
    key: "ada",
    name: "Ada Park",
    title: "Engineering Manager",
    email: "ada.park@contoso.example",
    profile: "https://linkedin.com/in/ada-park-demo",
    categories: ["former_colleague", "friend"],
    interests: ["climbing", "distributed systems"],
    jobs: [
      ["Northwind Traders", "2016-03-01", "2021-08-31"],
      ["Contoso", "2021-09-01", null],
    ],
  },
  {
    key: "ben",
    name: "Ben Ortiz",
    title: "Director of Operations",
    email: "ben.ortiz@contoso.example",
    categories: ["client"],
    jobs: [["Contoso", "2018-01-15", null]],
  },
  {
    key: "chloe",
    name: "Chloe Nguyen",
    title: "Independent Consultant",
    email: "chloe@nguyen-consulting.example",
    categories: ["mentor"],
    interests: ["public speaking"],
    jobs: [],
    groups: ["Scottsdale Chamber of Commerce"],
  },
  {
    key: "dev",
    name: "Dev Shah",
    title: "VP Engineering",
    email: "dev.shah@fabrikam.example",
    profile: "https://linkedin.com/in/dev-shah-demo",
    jobs: [
      ["Northwind Traders", "2014-06-01", "2020-02-28"],
      ["Fabrikam", "2020-03-01", null],
    ],
  },
  {
    key: "elena",
    name: "Elena Rossi",
    title: "Head of Talent",
    email: "elena.rossi@fabrikam.example",
    jobs: [["Fabrikam", "2019-05-01", null]],
    groups: ["Scottsdale Chamber of Commerce"],
  },
  {
    key: "farid",
    name: "Farid Haddad",
    title: "Chamber President",
    email: "farid@scottsdalechamber.example",
    categories: ["community"],
    jobs: [["Scottsdale Chamber of Commerce", "2022-01-01", null]],
    groups: ["Scottsdale Chamber of Commerce"],
  },
  {
    key: "grace",
    name: "Grace Kim",
    title: "Technical Recruiter",
    email: "grace.kim@talent.example",
    categories: ["recruiter"],
    jobs: [],
  },
  {
    key: "hiro",
    name: "Hiro Tanaka",
    title: "Staff Engineer",
    email: "hiro.tanaka@contoso.example",
    jobs: [["Contoso", "2017-09-01", null]],
  },
  {
    key: "iris",
    name: "Iris Walsh",
    title: "Product Director",
    email: "iris.walsh@fabrikam.example",
    jobs: [["Fabrikam", "2021-01-11", null]],
  },
  {
    key: "jonas",
    name: "Jonas Berg",
    title: "Talent Partner",
    email: "jonas@blueridge.example",
    categories: ["family"],
    jobs: [["Blue Ridge Ventures", "2020-10-01", null]],
  },
  {
    key: "kofi",
    name: "Kofi Mensah",
    title: "Senior Developer",
    email: "kofi.mensah@northwind.example",
    categories: ["former_colleague"],
    jobs: [["Northwind Traders", "2015-02-01", null]],
  },
  {
    key: "lena",
    name: "Lena Fischer",
    title: "CEO",
    email: "lena.fischer@fabrikam.example",
    profile: "https://linkedin.com/in/lena-fischer-demo",
    jobs: [["Fabrikam", "2016-01-01", null]],
    groups: ["Scottsdale Chamber of Commerce"],
  },
];

/** The owner's own stints, so shared employers show in the evidence. */
const OWNER_JOBS: ReadonlyArray<readonly [string, string, string | null]> = [
  ["Northwind Traders", "2015-01-05", "2022-06-30"],
];

type TieSpec = readonly [
  a: string,
  b: string,
  strength: number,
  context: TieContext,
  since: string,
];
const TIES: readonly TieSpec[] = [
  ["me", "ada", 0.9, "worked_together", "2016-03-01"],
  ["me", "ben", 0.7, "client", "2019-04-01"],
  ["me", "chloe", 0.8, "friend", "2018-09-01"],
  ["me", "grace", 0.3, "met_once", "2025-06-12"],
  ["me", "jonas", 0.95, "family", "2012-07-14"],
  ["me", "kofi", 0.6, "worked_together", "2015-02-01"],
  ["me", "farid", 0.4, "community", "2024-03-01"],
  ["ada", "dev", 0.8, "worked_together", "2016-03-01"],
  ["ben", "hiro", 0.6, "worked_together", "2018-01-15"],
  ["hiro", "iris", 0.7, "friend", "2014-05-01"],
  ["chloe", "farid", 0.8, "community", "2019-01-01"],
  ["chloe", "elena", 0.6, "community", "2020-02-01"],
  ["farid", "lena", 0.7, "community", "2021-11-01"],
  ["elena", "lena", 0.9, "worked_together", "2019-05-01"],
  ["dev", "lena", 0.85, "worked_together", "2020-03-01"],
  ["iris", "lena", 0.6, "worked_together", "2021-01-11"],
  ["grace", "dev", 0.5, "vendor", "2021-04-01"],
  ["jonas", "dev", 0.4, "met_once", "2023-09-20"],
];

/** Interactions, days before now: one inbound message still needs a reply. */
const INTERACTIONS: ReadonlyArray<{
  who: string;
  kind: InteractionKind;
  daysAgo: number;
  direction: Direction;
  summary: string;
  needsReply?: boolean;
}> = [
  {
    who: "ada",
    kind: "coffee",
    daysAgo: 12,
    direction: "mutual",
    summary:
      "Coffee: Ada is happy at Contoso; her old manager Dev now runs engineering at Fabrikam",
  },
  {
    who: "ben",
    kind: "meeting",
    daysAgo: 40,
    direction: "mutual",
    summary: "Quarterly review with Ben",
  },
  {
    who: "chloe",
    kind: "call",
    daysAgo: 50,
    direction: "outbound",
    summary: "Call with Chloe about my elevator pitch",
  },
  {
    who: "jonas",
    kind: "message",
    daysAgo: 10,
    direction: "inbound",
    summary: "Jonas: family dinner on Sunday?",
  },
  {
    who: "jonas",
    kind: "message",
    daysAgo: 9,
    direction: "outbound",
    summary: "Replied to Jonas: see you Sunday",
  },
  {
    who: "kofi",
    kind: "email",
    daysAgo: 3,
    direction: "inbound",
    summary: "Kofi asked for advice on moving into product management",
    needsReply: true,
  },
];

/** Follow-ups, due days after now (negative: already due). */
const FOLLOW_UPS: ReadonlyArray<{
  who: string;
  inDays: number;
  list: FollowUpList;
  reason: string;
}> = [
  {
    who: "grace",
    inDays: 7,
    list: "next_contact",
    reason: "Grace said Fabrikam is not hiring until January: check back",
  },
  {
    who: "farid",
    inDays: -1,
    list: "immediate_follow_up",
    reason: "Send Farid the slides from the chamber breakfast",
  },
];

const FAVORS: ReadonlyArray<{
  who: string;
  direction: FavorDirection;
  kind: FavorKind;
  daysAgo: number;
  summary: string;
}> = [
  {
    who: "chloe",
    direction: "received",
    kind: "advice",
    daysAgo: 50,
    summary: "Chloe reworked my elevator pitch",
  },
];

/**
 * Loads the demo network into an owner's network (the owner must exist) and
 * returns its size: the demo's people (besides the owner) and ties. Loading it
 * again adds nothing and returns the same counts. Dates of interactions and
 * follow-ups are relative to `options.now`.
 */
export async function loadDemoNetwork(
  store: NetworkStore,
  ownerId: string,
  options: { now?: Date } = {},
): Promise<{ people: number; ties: number }> {
  const now = options.now ?? new Date();
  const today = calendarDay(now);
  const self = await store.getSelf(ownerId);

  const org = new Map<string, string>();
  for (const o of ORGANIZATIONS)
    org.set(o.name, (await store.upsert(ownerId, "organization", o)).record.id);

  const id = new Map<string, string>([["me", self.id]]);
  for (const p of PEOPLE) {
    const { record } = await store.upsert(ownerId, "person", {
      name: p.name,
      title: p.title,
      emails: [p.email],
      profileUrl: p.profile ?? null,
      categories: p.categories ?? [],
      interests: p.interests ?? [],
    });
    id.set(p.key, record.id);
  }
  const stints = [...PEOPLE.map((p) => [p.key, p.jobs] as const), ["me", OWNER_JOBS] as const];
  for (const [key, jobs] of stints) {
    for (const [name, from, to] of jobs)
      await store.upsert(ownerId, "employment", {
        personId: id.get(key)!,
        organizationId: org.get(name)!,
        from,
        to,
      });
  }
  for (const p of PEOPLE) {
    for (const group of p.groups ?? [])
      await store.upsert(ownerId, "membership", {
        personId: id.get(p.key)!,
        organizationId: org.get(group)!,
      });
  }
  for (const [a, b, strength, context, since] of TIES) {
    await store.upsert(ownerId, "tie", {
      personA: id.get(a)!,
      personB: id.get(b)!,
      strength,
      context,
      since,
      provenance: "manual",
    });
  }

  // Logged records have no identity to upsert by: the demo's own summary (or reason) marks each one.
  const interactions = new Set(
    (await listAll(store, ownerId, "interaction")).map((i) => `${i.personId}|${i.summary}`),
  );
  for (const i of INTERACTIONS) {
    const personId = id.get(i.who)!;
    if (interactions.has(`${personId}|${i.summary}`)) continue;
    const at = new Date(now.getTime() - i.daysAgo * 86_400_000).toISOString();
    await store.create(ownerId, "interaction", {
      personId,
      kind: i.kind,
      at,
      direction: i.direction,
      summary: i.summary,
      needsReply: i.needsReply ?? false,
    });
  }
  const followUps = new Set(
    (await listAll(store, ownerId, "followUp")).map((f) => `${f.personId}|${f.reason}`),
  );
  for (const f of FOLLOW_UPS) {
    const personId = id.get(f.who)!;
    if (followUps.has(`${personId}|${f.reason}`)) continue;
    await store.create(ownerId, "followUp", {
      personId,
      due: addDays(today, f.inDays),
      list: f.list,
      reason: f.reason,
    });
  }
  const favors = new Set(
    (await listAll(store, ownerId, "favor")).map((f) => `${f.personId}|${f.summary}`),
  );
  for (const f of FAVORS) {
    const personId = id.get(f.who)!;
    if (favors.has(`${personId}|${f.summary}`)) continue;
    await store.create(ownerId, "favor", {
      personId,
      direction: f.direction,
      kind: f.kind,
      date: addDays(today, -f.daysAgo),
      summary: f.summary,
    });
  }
  return { people: PEOPLE.length, ties: TIES.length };
}
