/**
 * What A reads of the team (a round of reads, answered whole for comparing rounds), the
 * requests made before A reads, and B's changes to data A must not see.
 */
import type { Result } from "./graphql-harness.js";
import type { RunAs } from "./team-privacy-harness.js";
import {
  CONTEXTS,
  LABELS,
  ORGS,
  STRENGTHS,
  TEXTS,
  TITLES,
  type ChangePlan,
  type Level,
  type ReadOp,
} from "./team-privacy-plan.js";
import { M, attempt, marker, must, type Member, type World } from "./team-privacy-world.js";

export const HOP = `fragment H on HopPerson {
  __typename
  ... on Person { id name title }
  ... on Teammate { userId name }
  ... on PooledPerson { id name title company band via }
  ... on OpaquePerson { id company via }
}`;
const HOP_FIELDS = `from { ...H } to { ...H } strength band pooled inferred evidence`;
export const Q = {
  paths: `query ($team: ID!, $to: TeamTargetInput!, $maxHops: Int, $k: Int, $exclude: [ID!], $minWarmth: Float) {
  teamIntroPaths(teamId: $team, to: $to, maxHops: $maxHops, k: $k, exclude: $exclude, minWarmth: $minWarmth) {
    noPathReason
    paths { warmth label people { ...H } hops { ${HOP_FIELDS} } weakestLink { ${HOP_FIELDS} } }
  }
} ${HOP}`,
  requests: `query ($team: ID!) { teamIntroRequests(teamId: $team) {
  id status note reason createdAt updatedAt draft requester { userId name } member { userId name } target { ...H }
} } ${HOP}`,
  audit: `query ($team: ID!, $first: Int) { teamAudit(teamId: $team, first: $first) { kind actorUserId memberUserIds summary } }`,
};

/** The ids of the people on the paths of a search's answer, in order of first appearance (a teammate has none). */
export function personIds(answer: Result, into: string[] = []): string[] {
  for (const path of answer.data?.teamIntroPaths?.paths ?? [])
    for (const { id } of path.people) if (id !== undefined && !into.includes(id)) into.push(id);
  return into;
}

/** The ids of pooled and company-only people on a search's paths, or of those known `via` someone. */
export function pooledIds(answer: Result, via?: string): string[] {
  const ids = (answer.data?.teamIntroPaths?.paths ?? []).flatMap((path: any) =>
    path.people.filter(
      (p: any) =>
        (p.__typename === "PooledPerson" || p.__typename === "OpaquePerson") &&
        (via === undefined || p.via.includes(via)),
    ),
  );
  return [...new Set<string>(ids.map((p: any) => p.id))];
}

/** A's searches for anyone at each company: the pooled people A could ask about. */
export async function discover(runAs: RunAs, world: World): Promise<string[]> {
  const found = new Set<string>();
  for (const org of ORGS) {
    const r = await must(runAs, world.members[0]!.user, Q.paths, {
      team: world.teamId,
      to: { organizationName: org },
      k: 5,
    });
    for (const id of pooledIds({ data: r })) found.add(id);
  }
  return [...found];
}

/**
 * The plan's requests before A reads: A asks about a pooled person, and a teammate asks A about
 * one of A's people when A shares (refusals, as of a person no teammate shares, are fine).
 */
export async function makeRequests(runAs: RunAs, world: World): Promise<void> {
  const [a, ...others] = world.members;
  const ids = await discover(runAs, world);
  for (const n of world.plan.asks) {
    if (ids.length > 0)
      await attempt(runAs, a!.user, M.askTeammate, {
        i: { teamId: world.teamId, personId: ids[n % ids.length], note: "for a project" },
      });
    const asker = others[n % others.length]!;
    const r = await attempt(runAs, asker.user, Q.paths, {
      team: world.teamId,
      to: { organizationName: ORGS[n % ORGS.length] },
      k: 5,
    });
    const known = pooledIds(r, a!.user.name);
    if (known.length > 0)
      await attempt(runAs, asker.user, M.askTeammate, {
        i: { teamId: world.teamId, personId: known[0], memberUserId: a!.user.id },
      });
  }
}

/** A's search, adding the people it shows to `seen`. */
async function search(
  runAs: RunAs,
  world: World,
  to: object,
  options: Record<string, unknown>,
  seen: string[],
): Promise<Result> {
  const a = world.members[0]!;
  const answer = await attempt(runAs, a.user, Q.paths, { team: world.teamId, to, ...options });
  personIds(answer, seen);
  return answer;
}

/**
 * One round of A's reads, answered whole: the plan's reads, then a sweep (anyone at each
 * company, anyone matching each text, then each of the first `sweep` people seen alone: a
 * search shows one path per first introducer, so only a search for one person surely shows
 * them), then the audit log of the round's searches. Targets "seen" earlier are taken from
 * this round's answers, so equal answers make equal rounds.
 */
export async function readRound(
  runAs: RunAs,
  world: World,
  ops: ReadOp[],
  sweep: number,
): Promise<Result[]> {
  const a = world.members[0]!;
  const team = world.teamId;
  const seen: string[] = [];
  const answers: Result[] = [];
  const audit = async () => {
    const searches = answers.filter((r) => r.data?.teamIntroPaths !== undefined).length;
    const first = { team, first: searches };
    return searches === 0 ? {} : attempt(runAs, a.user, Q.audit, first);
  };
  for (const op of ops) {
    if (op.kind === "requests") answers.push(await attempt(runAs, a.user, Q.requests, { team }));
    else if (op.kind === "audit") answers.push(await audit());
    else {
      const t = op.target;
      const to =
        "seen" in t && seen.length > 0
          ? { personId: seen[t.seen % seen.length]! }
          : "own" in t
            ? { personId: a.contacts[t.own % a.contacts.length]!.id }
            : "text" in t
              ? { text: TEXTS[t.text]! }
              : { organizationName: ORGS["org" in t ? t.org : 0]! };
      const options = {
        ...(op.maxHops === null ? {} : { maxHops: op.maxHops }),
        ...(op.k === null ? {} : { k: op.k }),
        ...(op.exclude === null || seen.length === 0
          ? {}
          : { exclude: [seen[op.exclude % seen.length]] }),
        ...(op.minWarmth === null ? {} : { minWarmth: op.minWarmth }),
      };
      answers.push(await search(runAs, world, to, options, seen));
    }
  }
  const all = { k: 100 };
  for (const organizationName of ORGS)
    answers.push(await search(runAs, world, { organizationName }, all, seen));
  for (const text of TEXTS) answers.push(await search(runAs, world, { text }, all, seen));
  for (const personId of seen.slice(0, sweep))
    answers.push(await search(runAs, world, { personId }, all, seen));
  answers.push(await audit());
  return answers;
}

/** A member's role in the team: the creator owns it. */
const roleOf = (world: World, j: number) =>
  j === world.plan.creator % world.members.length ? "OWNER" : world.plan.members[j]!.role;

/** Whether A's searches pool B's network at all (the membership rules, from the plan). */
export function pooledForA(world: World, levels: readonly Level[]): boolean {
  if (levels[1] === "OFF") return false;
  if (world.plan.reciprocity && levels[0] === "OFF") return false;
  return !(roleOf(world, 0) === "GUEST" && roleOf(world, 1) === "GUEST");
}

const pick = <T>(list: readonly T[], n: number): T | undefined =>
  list.length === 0 ? undefined : list[n % list.length];
/** Every other one of a list, from an offset: a change hits half of the people it may. */
const half = <T>(list: readonly T[], n: number): T[] => list.filter((_, i) => (i + n) % 2 === 0);

/** A new value of a private field of a person: `n` makes the phone number new. */
function privatePatch(op: string, n: number): Record<string, unknown> {
  switch (op) {
    case "notes":
      return { notes: marker() };
    case "phones":
      return { phones: [`+991${n}`] };
    case "location":
      return { location: marker() };
    case "news":
      return { news: marker() };
    default: {
      const [interests, hobbies, seeking, pressMentions] = [1, 2, 3, 4].map(() => [marker()]);
      return { interests, hobbies, seeking, pressMentions };
    }
  }
}

/**
 * B's changes to what A must not see, each to half of the people it may touch: private fields
 * of B's people and B's own person (notes, phones, lists, news, tags, a marker address of the
 * same kind of domain), tie notes and contexts at the same strength, evidence (interactions,
 * favors, news) on people whose tie to B the team never pools, ties of hidden contacts, B's own
 * person's name, and names, titles and employers of contacts A cannot see: hidden ones; all
 * when B is not pooled for A; names and titles when B shares only companies. Answers how many
 * records changed.
 */
export async function changePrivate(
  runAs: RunAs,
  world: World,
  levels: readonly Level[],
  changes: ChangePlan,
): Promise<number> {
  const b: Member = world.members[1]!;
  const pooled = pooledForA(world, levels);
  const everyone = [{ id: b.selfId }, ...b.contacts];
  const hidden = b.contacts.filter((c) => c.visibility !== "shared");
  const noPooledEvidence = b.contacts.filter(
    (c) => c.visibility !== "shared" || c.plan.selfTie === null,
  );
  const unseen = pooled ? b.contacts.filter((c) => c.visibility === "hidden") : b.contacts;
  const unnamed = pooled && levels[1] === "FULL" ? unseen : b.contacts;
  const run = (query: string, variables: Record<string, unknown>) =>
    must(runAs, b.user, query, variables);
  const update = (i: Record<string, unknown>) => run(M.updatePerson, { i });
  let made = 0;
  for (const { op, which, other } of changes) {
    const targets = (list: readonly { id: string }[]) => half(list, which);
    if (["notes", "phones", "location", "news", "lists"].includes(op))
      for (const { id } of targets(everyone)) {
        await update({ id, ...privatePatch(op, made) });
        made++;
      }
    for (const contact of op === "tag" || op === "email" ? half(b.contacts, which) : []) {
      if (op === "tag") {
        const label = contact.plan.kind === "blocked" ? LABELS[contact.plan.label]!.on : {};
        const tags = [...("tags" in label ? (label.tags as readonly string[]) : []), marker()];
        await update({ id: contact.id, tags });
      } else {
        const domain = contact.gmailOnly ? "gmail.com" : "mark.example";
        await update({ id: contact.id, emails: [...contact.emails, `${marker()}@${domain}`] });
      }
      made++;
    }
    for (const tie of op === "tieNotes" ? half(b.ties, which) : []) {
      const context = CONTEXTS[other % CONTEXTS.length];
      const { a: personA, b: personB, strength } = tie;
      await run(M.connect, { i: { personA, personB, strength, context, notes: marker() } });
      made++;
    }
    const day = `2024-0${1 + (other % 9)}-0${1 + (which % 9)}`;
    const evidence = ["interaction", "favor", "recordNews"].includes(op) ? noPooledEvidence : [];
    for (const { id: personId } of targets(evidence)) {
      const summary = marker();
      if (op === "interaction")
        await run(M.logInteraction, {
          i: { personId, kind: "CALL", at: `${day}T12:00:00.000Z`, direction: "INBOUND", summary },
        });
      else if (op === "favor")
        await run(M.recordFavor, {
          i: { personId, direction: "RECEIVED", kind: "HELP", date: day, summary },
        });
      else await run(M.recordNews, { p: personId, t: summary });
      made++;
    }
    for (const from of op === "hiddenTie" ? half(hidden, which) : []) {
      const to = pick(everyone, other + made)!;
      if (to.id === from.id) continue;
      const strength = pick(STRENGTHS, other + made)!;
      await run(M.connect, { i: { personA: from.id, personB: to.id, strength } });
      made++;
    }
    for (const c of op === "rename" ? half(unnamed, which) : []) {
      const titled = ["work", "hidden", "blocked"].includes(c.plan.kind);
      const title = titled ? { title: TITLES[other % TITLES.length] + marker() } : {};
      await update({ id: c.id, name: `Zed ${marker()}`, ...title });
      made++;
    }
    for (const c of op === "employer" ? half(unseen, which) : []) {
      const organizationId = b.orgs.get(ORGS[other % ORGS.length]!)!;
      await run(M.setEmployment, { i: { personId: c.id, organizationId } });
      made++;
    }
    if (op === "selfName") {
      await update({ id: b.selfId, name: `Bo ${marker()}` });
      made++;
    }
  }
  return made;
}
