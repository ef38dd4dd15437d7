/**
 * The team-privacy suite's worlds, built from a plan through the API as each member: their
 * networks (createPerson, createOrganization, setEmployment, connect, logInteraction,
 * recordFavor, recordNews), their pooling settings (setContactSharing, setBlockedLabels), the
 * team (createTeam, inviteToTeam, joinTeam, setTeamSharing) and requests between teammates.
 *
 * Every member but A gets unique markers in every field A must never see of their network:
 * notes, phones, a marker address, location, interests, hobbies, seeking, press, news, tags,
 * interaction and favor summaries, news items, tie notes, organization notes; their own
 * person too. The markers are kept with their member and kind, for the leak search.
 */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { NetworkStore, User } from "../../src/graph/index.js";
import type { Result } from "./graphql-harness.js";
import type { RunAs } from "./team-privacy-harness.js";
import {
  CONTEXTS,
  LABELS,
  MEMBER_NAMES,
  ORGS,
  TITLES,
  gmailOf,
  personaName,
  profileOf,
  workEmailOf,
  type ContactPlan,
  type Level,
  type MemberPlan,
  type WorldPlan,
} from "./team-privacy-plan.js";

/** Whether the rules pool a contact: hidden whatever else (by the member or a blocked label), hidden by default, or shared. */
export type Visibility = "hidden" | "defaultHidden" | "shared";

export interface Contact {
  id: string;
  plan: ContactPlan;
  visibility: Visibility;
  /** The addresses it was made with (a marker address goes to the same kind of domain). */
  emails: string[];
  gmailOnly: boolean;
}

export interface Member {
  user: User;
  plan: MemberPlan;
  selfId: string;
  contacts: Contact[];
  orgs: Map<string, string>;
  /** The ties as made, by person ids. */
  ties: { a: string; b: string; strength: number }[];
}

export interface Secret {
  value: string;
  kind: string;
  owner: number;
}

export interface World {
  plan: WorldPlan;
  teamId: string;
  members: Member[];
  secrets: Secret[];
  /** Per member, the addresses and profile URLs of their records (lower case). */
  identities: Set<string>[];
}

let counter = 0;
/** A marker no other value contains (the number is closed by a dash). */
export const marker = () => `zq-secret-${++counter}-`;
/** A phone number no other value contains. */
const markerPhone = () => `+990${String(++counter).padStart(7, "0")}`;

export const M = {
  createPerson: `mutation ($i: CreatePersonInput!) { createPerson(input: $i) { id } }`,
  updatePerson: `mutation ($i: UpdatePersonInput!) { updatePerson(input: $i) { id } }`,
  createOrganization: `mutation ($i: CreateOrganizationInput!) { createOrganization(input: $i) { id } }`,
  setEmployment: `mutation ($i: SetEmploymentInput!) { setEmployment(input: $i) { id } }`,
  connect: `mutation ($i: ConnectInput!) { connect(input: $i) { id } }`,
  logInteraction: `mutation ($i: LogInteractionInput!) { logInteraction(input: $i) { id } }`,
  recordFavor: `mutation ($i: RecordFavorInput!) { recordFavor(input: $i) { id } }`,
  recordNews: `mutation ($p: ID!, $t: String!) { recordNews(personId: $p, text: $t, date: "2024-05-01") { id } }`,
  setContactSharing: `mutation ($p: ID!, $s: ContactSharing) { setContactSharing(personId: $p, sharing: $s) }`,
  setBlockedLabels: `mutation ($l: [String!]!) { setBlockedLabels(labels: $l) { blockedLabels } }`,
  createTeam: `mutation ($i: CreateTeamInput!) { createTeam(input: $i) { team { id } } }`,
  inviteToTeam: `mutation ($i: InviteToTeamInput!) { inviteToTeam(input: $i) { token } }`,
  joinTeam: `mutation ($t: String!) { joinTeam(invitation: $t) { member { userId } } }`,
  setTeamSharing: `mutation ($team: ID!, $s: SharingLevel!) { setTeamSharing(teamId: $team, sharing: $s) { effectiveSharing } }`,
  askTeammate: `mutation ($i: AskTeammateInput!) { askTeammate(input: $i) { id status member { userId } } }`,
  moveRequest: `mutation ($i: MoveTeamRequestInput!) { moveTeamIntroRequest(input: $i) { status } }`,
};

/** Runs an operation that must succeed; answers its data. */
export async function must(
  runAs: RunAs,
  user: User,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Record<string, any>> {
  const r = await runAs(user, query, variables);
  expect(r.errors, `${query}\n${JSON.stringify(variables)}`).toBeUndefined();
  return r.data!;
}

/** Runs an operation that may fail, but only as a client can act on (never INTERNAL). */
export async function attempt(
  runAs: RunAs,
  user: User,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Result> {
  const r = await runAs(user, query, variables);
  const codes = (r.errors ?? []).map((e) => e.extensions?.code);
  expect(
    codes,
    `${query}\n${JSON.stringify(variables)}\n${JSON.stringify(r.errors)}`,
  ).not.toContain("INTERNAL");
  return r;
}

/** The visibility the rules give a contact of this plan (the pooling rules, from the plan alone). */
function visibilityOf(c: ContactPlan, urlStyle: boolean, blocked: readonly boolean[]): Visibility {
  if (c.kind === "hidden" || (c.kind === "blocked" && blocked[c.label])) return "hidden";
  if (c.kind === "gmail" || (c.kind === "untitled" && !urlStyle)) return "defaultHidden";
  return "shared";
}

/** The record of a contact: the persona's key, and what its kind adds. */
function recordOf(c: ContactPlan, urlStyle: boolean): Record<string, unknown> {
  const key = urlStyle
    ? { profileUrl: profileOf(c.persona) }
    : { emails: [workEmailOf(c.persona)] };
  const gmail = {
    ...(urlStyle ? { profileUrl: profileOf(c.persona) } : {}),
    emails: [gmailOf(c.persona)],
  };
  const base = { name: personaName(c.persona) };
  switch (c.kind) {
    case "work":
    case "hidden":
      return { ...base, ...key, title: TITLES[c.title] };
    case "blocked":
      return { ...base, ...key, title: TITLES[c.title], ...LABELS[c.label]!.on };
    case "untitled":
      return { ...base, ...key };
    case "gmail":
    case "shared":
      return { ...base, ...gmail };
  }
}

/** Builds one member's network; with `secrets`, every private field holds a marker. */
async function buildNetwork(
  runAs: RunAs,
  world: { plan: WorldPlan; secrets: Secret[] },
  j: number,
  user: User,
  plan: MemberPlan,
  secrets: boolean,
): Promise<Member> {
  const run = (q: string, v: Record<string, unknown>) => must(runAs, user, q, v);
  const secret = (kind: string, value = marker()) => {
    world.secrets.push({ value, kind, owner: j });
    return value;
  };
  const selfId = (await run("{ me { id } }", {})).me.id as string;
  if (secrets)
    await run(M.updatePerson, {
      i: { id: selfId, notes: secret("notes"), phones: [secret("phones", markerPhone())] },
    });
  const orgs = new Map<string, string>();
  for (const name of ORGS) {
    const extra = secrets ? { notes: secret("orgNotes"), location: secret("location") } : {};
    const i = { name, kind: "COMPANY", ...extra };
    orgs.set(name, (await run(M.createOrganization, { i })).createOrganization.id);
  }
  const contacts: Contact[] = [];
  const ties: Member["ties"] = [];
  for (const c of plan.contacts) {
    const urlStyle = world.plan.urlStyle[c.persona]!;
    const record = recordOf(c, urlStyle);
    const emails = (record.emails as string[] | undefined) ?? [];
    const gmailOnly = emails.length > 0 && emails.every((e) => e.endsWith("@gmail.com"));
    const privates = secrets
      ? {
          emails: [
            ...emails,
            secret("emails", `${marker()}@${gmailOnly ? "gmail.com" : "mark.example"}`),
          ],
          phones: [secret("phones", markerPhone())],
          notes: secret("notes"),
          location: secret("location"),
          tags: [...((record.tags as string[] | undefined) ?? []), secret("tags")],
          interests: [secret("interests")],
          hobbies: [secret("hobbies")],
          seeking: [secret("seeking")],
          pressMentions: [secret("press")],
          news: secret("news"),
        }
      : {};
    const id = (await run(M.createPerson, { i: { ...record, ...privates } })).createPerson.id;
    contacts.push({
      id,
      plan: c,
      visibility: visibilityOf(c, urlStyle, plan.blocked),
      emails,
      gmailOnly,
    });
    if (c.kind === "work" || c.kind === "hidden" || c.kind === "blocked")
      await run(M.setEmployment, {
        i: { personId: id, organizationId: orgs.get(ORGS[c.org]!)!, title: TITLES[c.title] },
      });
    if (c.kind === "hidden" || c.kind === "shared")
      await run(M.setContactSharing, { p: id, s: c.kind === "hidden" ? "HIDDEN" : "SHARED" });
    if (c.selfTie !== null) {
      const notes = secrets ? { notes: secret("tieNotes") } : {};
      const i = { personA: selfId, personB: id, strength: c.selfTie, context: c.context, ...notes };
      await run(M.connect, { i });
      ties.push({ a: selfId, b: id, strength: c.selfTie });
    } else if (secrets) {
      // Evidence on a tie would move its strength, which the team sees as a band: these go to contacts without one.
      const [summary, favor] = [secret("interaction"), secret("favor")];
      await run(M.logInteraction, {
        i: {
          personId: id,
          kind: "COFFEE",
          at: "2024-04-01T09:00:00.000Z",
          direction: "MUTUAL",
          summary,
        },
      });
      await run(M.recordFavor, {
        i: { personId: id, direction: "GIVEN", kind: "ADVICE", date: "2024-04-02", summary: favor },
      });
      await run(M.recordNews, { p: id, t: secret("newsItem") });
    }
  }
  const made = new Set<string>();
  for (const t of plan.ties) {
    const a = contacts[t.a % contacts.length]!.id;
    const b = contacts[t.b % contacts.length]!.id;
    const pair = [a, b].sort().join("|");
    if (a === b || made.has(pair)) continue;
    made.add(pair);
    const notes = secrets ? { notes: secret("tieNotes") } : {};
    const context = CONTEXTS[(t.a + t.b) % CONTEXTS.length];
    await run(M.connect, {
      i: { personA: a, personB: b, strength: t.strength, context, ...notes },
    });
    ties.push({ a, b, strength: t.strength });
  }
  const labels = LABELS.filter((_, i) => plan.blocked[i]).map((l) => l.blocked);
  await run(M.setBlockedLabels, { l: labels });
  return { user, plan, selfId, contacts, orgs, ties };
}

/**
 * The lower-case addresses and profile URLs of a member's contacts. Not their own person's: it
 * holds their account's address, which the team may know (an introduction adds each teammate
 * to the other's network by it).
 */
async function identitiesOf(runAs: RunAs, user: User): Promise<Set<string>> {
  const data = await must(
    runAs,
    user,
    `{ people(first: 500) { edges { node { isSelf emails profileUrl } } } }`,
  );
  return new Set(
    data.people.edges
      .filter((e: any) => !e.node.isSelf)
      .flatMap((e: any) =>
        [...e.node.emails, ...(e.node.profileUrl ? [e.node.profileUrl] : [])].map((s: string) =>
          s.toLowerCase(),
        ),
      ),
  );
}

export interface BuildOptions {
  /** The sharing level each member starts with (default: the plan's). */
  level?: (j: number, planned: Level) => Level;
}

/** Builds the plan's world through the API: users, networks, the team, sharing, and requests. */
export async function buildWorld(
  store: NetworkStore,
  runAs: RunAs,
  plan: WorldPlan,
  options: BuildOptions = {},
): Promise<World> {
  const run = randomUUID().slice(0, 8);
  const partial = { plan, secrets: [] as Secret[] };
  const members: Member[] = [];
  for (const [j, m] of plan.members.entries()) {
    const name = MEMBER_NAMES[j]!;
    const user = await store.createUser({
      email: `${name.toLowerCase()}-${run}@team.example`,
      name,
    });
    members.push(await buildNetwork(runAs, partial, j, user, m, j !== 0));
  }
  const creator = members[plan.creator % members.length]!;
  const teamId = (
    await must(runAs, creator.user, M.createTeam, {
      i: { name: `Team ${run}`, reciprocity: plan.reciprocity, approval: plan.approval },
    })
  ).createTeam.team.id as string;
  for (const m of members) {
    if (m === creator) continue;
    const i = { teamId, role: m.plan.role };
    const { token } = (await must(runAs, creator.user, M.inviteToTeam, { i })).inviteToTeam;
    await must(runAs, m.user, M.joinTeam, { t: token });
  }
  for (const [j, m] of members.entries()) {
    const level = options.level?.(j, m.plan.level) ?? m.plan.level;
    await must(runAs, m.user, M.setTeamSharing, { team: teamId, s: level });
  }
  const identities = [];
  for (const m of members) identities.push(await identitiesOf(runAs, m.user));
  return { plan, teamId, members, secrets: partial.secrets, identities };
}
