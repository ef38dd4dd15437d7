/**
 * The net goes both ways: the people the owner could help now. Two kinds:
 * - "asked": someone wrote to the owner and is still waiting for an answer (an
 *   inbound interaction marked needsReply with no outbound or mutual contact after it);
 * - "can_reach": someone is looking for an organization (a `seeking` entry that
 *   names one of the owner's organizations, ignoring case) and the owner has a
 *   warm path to someone currently there. The seeker is excluded from that path
 *   (as introducer and as target): a path through them means they need no help.
 */
import { badInput } from "../../errors.js";
import { nameKey } from "../model/fields.js";
import type { Interaction } from "../model/interaction.js";
import type { Organization } from "../model/organization.js";
import type { Person } from "../model/person.js";
import { findIntroPaths } from "../paths/find-paths.js";
import { checkLimit } from "../paths/limits.js";
import { listAll } from "../store/list-all.js";
import type { NetworkStore } from "../store/network-store.js";
import { calendarDay, daysBetween } from "./calendar-days.js";

export interface HelpOpportunity {
  personId: string;
  kind: "asked" | "can_reach";
  /** One sentence saying why, for the list. */
  reason: string;
  /** For can_reach: the person at the organization they seek whom the owner can reach. */
  targetId: string | null;
  /** For can_reach: the warmth of the owner's path to targetId. */
  warmth: number | null;
}

export interface PeopleYouCouldHelpOptions {
  now?: Date;
  /** The coldest path that still counts as "the owner can reach them". Default 0.3. */
  minWarmth?: number | null;
  /** Default 20, at most 100. */
  limit?: number | null;
}

/** A path colder than lukewarm is not a promise the owner can keep; twenty is a list one can act on. */
export const PEOPLE_YOU_COULD_HELP_DEFAULTS = Object.freeze({ minWarmth: 0.3, limit: 20 });

const MAX_LIMIT = 100;

/** The net goes both ways: people who are waiting for the owner's answer first (longest wait first), then people whose targets the owner can reach, warmest first. */
export async function peopleYouCouldHelp(
  store: NetworkStore,
  ownerId: string,
  options: PeopleYouCouldHelpOptions = {},
): Promise<HelpOpportunity[]> {
  const limit = checkLimit(
    "limit",
    options.limit ?? PEOPLE_YOU_COULD_HELP_DEFAULTS.limit,
    MAX_LIMIT,
  );
  const minWarmth = options.minWarmth ?? PEOPLE_YOU_COULD_HELP_DEFAULTS.minWarmth;
  if (!(minWarmth >= 0 && minWarmth <= 1)) throw badInput("minWarmth", "must be between 0 and 1");
  const today = calendarDay(options.now ?? new Date());
  const [self, people, interactions, organizations, favors] = await Promise.all([
    store.getSelf(ownerId),
    listAll(store, ownerId, "person"),
    listAll(store, ownerId, "interaction"),
    listAll(store, ownerId, "organization"),
    listAll(store, ownerId, "favor"),
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  const owed = new Map<string, number>();
  for (const favor of favors)
    owed.set(
      favor.personId,
      (owed.get(favor.personId) ?? 0) + (favor.direction === "received" ? 1 : -1),
    );

  const asked = unansweredAsks(interactions, self.id).map(({ personId, ask }): HelpOpportunity => {
    const name = byId.get(personId)?.name ?? "Someone";
    const days = Math.max(0, daysBetween(calendarDay(ask.at), today));
    const when = days === 0 ? "today" : days === 1 ? "yesterday" : `${days} days ago`;
    const what = ask.summary === null ? "wrote to you" : `asked you: "${ask.summary}"`;
    const helped = (owed.get(personId) ?? 0) > 0 ? ` They have helped you before.` : "";
    return {
      personId,
      kind: "asked",
      reason: `${name} ${what} (${when}) and is waiting for your answer.${helped}`,
      targetId: null,
      warmth: null,
    };
  });

  const reachable = await reachableTargets(
    store,
    ownerId,
    self,
    people,
    organizations,
    byId,
    minWarmth,
  );
  return [...asked, ...reachable].slice(0, limit);
}

/** Each person's oldest inbound ask that no outbound or mutual contact has followed, oldest first. */
function unansweredAsks(
  interactions: readonly Interaction[],
  selfId: string,
): { personId: string; ask: Interaction }[] {
  const byPerson = new Map<string, Interaction[]>();
  for (const i of interactions) {
    if (i.personId === selfId) continue;
    const list = byPerson.get(i.personId) ?? [];
    list.push(i);
    byPerson.set(i.personId, list);
  }
  const out: { personId: string; ask: Interaction }[] = [];
  for (const [personId, list] of byPerson) {
    const lastReply = list
      .filter((i) => i.direction !== "inbound")
      .reduce<string>((latest, i) => (i.at > latest ? i.at : latest), "");
    const open = list
      .filter((i) => i.direction === "inbound" && i.needsReply && i.at > lastReply)
      .sort((a, b) => a.at.localeCompare(b.at));
    if (open.length > 0) out.push({ personId, ask: open[0]! });
  }
  return out.sort(
    (a, b) => a.ask.at.localeCompare(b.ask.at) || a.personId.localeCompare(b.personId),
  );
}

/** For every seeker and every organization they seek: the owner's warmest path to someone there, when warm enough. */
async function reachableTargets(
  store: NetworkStore,
  ownerId: string,
  self: Person,
  people: readonly Person[],
  organizations: readonly Organization[],
  byId: ReadonlyMap<string, Person>,
  minWarmth: number,
): Promise<HelpOpportunity[]> {
  const orgByName = new Map(organizations.map((org) => [nameKey(org.name), org]));
  const out: HelpOpportunity[] = [];
  for (const seeker of people) {
    if (seeker.id === self.id) continue;
    const sought = new Map<string, Organization>();
    for (const entry of seeker.seeking) {
      const org = orgByName.get(nameKey(entry));
      if (org !== undefined) sought.set(org.id, org);
    }
    for (const org of sought.values()) {
      const { paths } = await findIntroPaths(
        store,
        ownerId,
        { organizationId: org.id },
        { k: 1, minWarmth, exclude: [seeker.id] },
      );
      const path = paths[0];
      if (path === undefined) continue;
      const targetId = path.people.at(-1)!;
      const target = byId.get(targetId)?.name ?? "someone";
      const via =
        path.people.length === 2
          ? "directly"
          : `through ${byId.get(path.people[1]!)?.name ?? "a friend"}`;
      out.push({
        personId: seeker.id,
        kind: "can_reach",
        reason: `${seeker.name} is looking for ${org.name}: you can reach ${target} there ${via} (${path.label}).`,
        targetId,
        warmth: path.warmth,
      });
    }
  }
  return out.sort((a, b) => b.warmth! - a.warmth! || nameOrder(byId, a.personId, b.personId));
}

const nameOrder = (byId: ReadonlyMap<string, Person>, a: string, b: string): number =>
  nameKey(byId.get(a)?.name ?? "").localeCompare(nameKey(byId.get(b)?.name ?? "")) ||
  a.localeCompare(b);
