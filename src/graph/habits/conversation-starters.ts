/**
 * Research before you meet: what the owner has in common with a person (and
 * with the friend who can introduce them), their news and where they were
 * quoted, turned into a few sentences to open with. Only the person's public
 * side is read: never the owner's private notes on the person or on a tie.
 */
import { badInput } from "../../errors.js";
import { nameKey } from "../model/fields.js";
import type { Person } from "../model/person.js";
import { findIntroPaths } from "../paths/find-paths.js";
import type { NetworkStore } from "../store/network-store.js";

/** What the owner shares with one person, each list in that person's spelling. */
export interface SharedGround {
  sharedInterests: string[];
  sharedGroups: string[];
  sharedEmployers: string[];
}

export interface ConversationStarters extends SharedGround {
  personId: string;
  /** The first introducer of the owner's warmest path to the person; null when the owner knows them directly or has no path. */
  introducerId: string | null;
  /** What the owner shares with the introducer: mentioning it warms up the ask. Null without an introducer. */
  withIntroducer: SharedGround | null;
  theirNews: string | null;
  pressMentions: string[];
  /** A few sentences to open the conversation with. */
  starters: string[];
}

/** Research before you meet: shared interests, groups and employers with the person and with the introducer, their news and press mentions, and starters built from them. */
export async function conversationStarters(
  store: NetworkStore,
  ownerId: string,
  personId: string,
): Promise<ConversationStarters> {
  const [self, person] = await Promise.all([
    store.getSelf(ownerId),
    store.get(ownerId, "person", personId),
  ]);
  if (person.id === self.id)
    throw badInput("personId", "that is you: pick someone you are about to meet");
  const { paths } = await findIntroPaths(store, ownerId, { personId }, { k: 1 });
  const introducerId =
    paths[0] !== undefined && paths[0].people.length > 2 ? paths[0].people[1]! : null;
  const introducer =
    introducerId === null ? null : await store.get(ownerId, "person", introducerId);
  const orgNames = await organizationNames(store, ownerId, [
    self.id,
    person.id,
    ...(introducer ? [introducer.id] : []),
  ]);
  const shared = sharedGround(orgNames, self, person);
  const withIntroducer = introducer === null ? null : sharedGround(orgNames, self, introducer);
  return {
    personId,
    introducerId,
    ...shared,
    withIntroducer,
    theirNews: person.news,
    pressMentions: person.pressMentions,
    starters: starters(person, shared, introducer, withIntroducer),
  };
}

interface Affiliations {
  groups: string[];
  employers: string[];
}

/** The names of each person's groups and employers (current and former), read in two batched calls. */
async function organizationNames(
  store: NetworkStore,
  ownerId: string,
  personIds: string[],
): Promise<Map<string, Affiliations>> {
  const [memberships, employments] = await Promise.all([
    store.listByRefs(ownerId, "membership", "person", personIds),
    store.listByRefs(ownerId, "employment", "person", personIds),
  ]);
  const orgIds = [...new Set([...memberships, ...employments].map((r) => r.organizationId))];
  const orgs = await store.getMany(ownerId, "organization", orgIds);
  const nameOf = new Map(orgs.filter((o) => o !== null).map((o) => [o.id, o.name]));
  const out = new Map(
    personIds.map((id): [string, Affiliations] => [id, { groups: [], employers: [] }]),
  );
  for (const m of memberships) out.get(m.personId)?.groups.push(nameOf.get(m.organizationId) ?? "");
  for (const e of employments)
    out.get(e.personId)?.employers.push(nameOf.get(e.organizationId) ?? "");
  return out;
}

/** The items of `theirs` that also appear in `mine`, ignoring case and spacing; once each, in their order. */
function common(mine: readonly string[], theirs: readonly string[]): string[] {
  const keys = new Set(mine.map(nameKey));
  const seen = new Set<string>();
  return theirs.filter((item) => {
    const key = nameKey(item);
    if (key === "" || !keys.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sharedGround(
  orgNames: ReadonlyMap<string, Affiliations>,
  self: Person,
  other: Person,
): SharedGround {
  const mine = orgNames.get(self.id)!;
  const theirs = orgNames.get(other.id)!;
  return {
    sharedInterests: common(
      [...self.interests, ...self.hobbies],
      [...other.interests, ...other.hobbies],
    ),
    sharedGroups: common(mine.groups, theirs.groups),
    sharedEmployers: common(mine.employers, theirs.employers),
  };
}

const MAX_PRESS_STARTERS = 2;

/** "a", "a and b", "a, b and c". */
const listed = (items: readonly string[]): string =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;

/** Turns the research into sentences, strongest openers first: common groups and work, then interests, then their news. */
function starters(
  person: Person,
  shared: SharedGround,
  introducer: Person | null,
  withIntroducer: SharedGround | null,
): string[] {
  const out: string[] = [];
  for (const group of shared.sharedGroups) out.push(`You both belong to ${group}.`);
  for (const employer of shared.sharedEmployers) out.push(`You have both worked at ${employer}.`);
  if (shared.sharedInterests.length > 0)
    out.push(`Start from a shared interest: ${listed(shared.sharedInterests)}.`);
  out.push(
    person.news === null
      ? "Ask for their news, and write it down afterwards."
      : `Ask about their news: ${person.news.replace(/[.!?]+$/, "")}.`,
  );
  for (const mention of person.pressMentions.slice(0, MAX_PRESS_STARTERS))
    out.push(`Mention where they were quoted: ${mention.replace(/[.!?]+$/, "")}.`);
  if (introducer !== null && withIntroducer !== null) {
    const common = [
      ...withIntroducer.sharedGroups,
      ...withIntroducer.sharedEmployers,
      ...withIntroducer.sharedInterests,
    ];
    out.push(
      common.length > 0
        ? `When you ask ${introducer.name} for the introduction, mention what you share: ${listed(common)}.`
        : `${introducer.name} can introduce you: ask them first what ${person.name} cares about.`,
    );
  }
  return out;
}
