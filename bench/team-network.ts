/**
 * A synthetic team for the pooled-search bench: one network per member, each the member's
 * own person and `people - 1` contacts whose ties form a Holme-Kim network (socialGraph:
 * heavy-tailed degrees, clustering), the member tied directly to a tenth of them (a minority,
 * as in bench/projection.ts, so paths have depth). About `shared` of each member's contacts
 * are also in one other member's network, under the same profile URL (even identities) or
 * work e-mail (odd ones), so the pool merges them. Contacts work at companies named alike
 * across networks: a few large ones (over MAX_INFERENCE_GROUP people in each network, so no
 * ties are inferred from them) and many small ones (a person or two per network), so
 * "anyone at X" targets exist at both scales. A few contacts are private (only a personal
 * address, or the "family" category) and the pooling policy hides them. Records go through
 * the model's specs, so they are what a store would hold; the generator is seeded.
 */
import type { Employment } from "../src/graph/model/employment.js";
import { employmentSpec } from "../src/graph/model/employment.js";
import type { Organization } from "../src/graph/model/organization.js";
import { organizationSpec } from "../src/graph/model/organization.js";
import type { Category, Person } from "../src/graph/model/person.js";
import { personSpec } from "../src/graph/model/person.js";
import type { RecordBase, RecordData, RecordSpec } from "../src/graph/model/record.js";
import type { Tie } from "../src/graph/model/tie.js";
import { tieSpec } from "../src/graph/model/tie.js";
import { MAX_INFERENCE_GROUP } from "../src/graph/projection/inferred-ties.js";
import type { NetworkSnapshot } from "../src/graph/store/network-snapshot.js";
import { socialGraph } from "./social-graph.js";
import { rng } from "./synthetic-network.js";

export interface TeamNetworkOptions {
  members: number;
  /** People in each member's network, the member included. */
  people: number;
  /** Explicit ties in each member's network (Holme-Kim plus the member's own); inferred ones come on top. */
  ties: number;
  /** The share of each member's contacts also in another member's network. */
  shared?: number;
  seed?: number;
}

export interface MemberNetwork {
  /** 0 is the requester. */
  index: number;
  userId: string;
  ownerId: string;
  name: string;
  snapshot: NetworkSnapshot;
}

/** The labels a member blocks from pooling (the "family" category marks private contacts). */
export const BLOCKED_LABELS = ["family"];

const NOW = "2026-12-01T00:00:00.000Z";
const TITLES = ["Engineer", "Manager", "Director", "Founder", "Designer", "Account Executive"];

/** A deterministic number in [0, 1) for an identity and a question about it. */
function unit(identity: number, salt: number): number {
  let t = (Math.imul(identity ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 1, 0xc2b2ae35)) >>> 0;
  t = Math.imul(t ^ (t >>> 16), 0x7feb352d);
  t = Math.imul(t ^ (t >>> 15), 0x846ca68b);
  return ((t ^ (t >>> 16)) >>> 0) / 4294967296;
}

function stored<R extends RecordBase, I>(
  spec: RecordSpec<R, I, unknown>,
  ownerId: string,
  id: string,
  input: I,
): R {
  const data: RecordData<R> = spec.create(input);
  return { id, ownerId, createdAt: NOW, updatedAt: NOW, ...data } as R;
}

/** The companies of a team whose members each know `people` people. */
export function teamCompanies(people: number): { large: string[]; small: string[] } {
  // 35% of contacts at large companies, each with 2.5 times the inference limit per network.
  const large = Math.max(1, Math.floor((0.35 * people) / (2.5 * MAX_INFERENCE_GROUP)));
  const small = Math.max(1, Math.round((0.35 * people) / 1.2));
  return {
    large: Array.from({ length: large }, (_, i) => `Large Company ${i}`),
    small: Array.from({ length: small }, (_, i) => `Small Company ${i}`),
  };
}

/** The members' networks, one at a time (so a caller can load each and drop its snapshot). */
export function* teamNetworks(options: TeamNetworkOptions): Generator<MemberNetwork> {
  const { members, people, ties, shared = 0.2, seed = 42 } = options;
  if (members < 2) throw new Error("a team needs at least 2 members");
  const contacts = people - 1;
  const selfTies = Math.max(1, Math.round(contacts / 10));
  const m = Math.max(1, Math.round((ties - selfTies) / contacts));
  // Shared slot s = round * (members - 1) + x of member a is the one of partner
  // b = (a + 1 + x) % members whose own slot is round * (members - 1) + (members - 2 - x).
  const rounds = Math.floor((shared * contacts) / (members - 1));
  const sharedSlots = rounds * (members - 1);
  const companies = teamCompanies(people);
  const sharedIdentity = (a: number, s: number) => {
    const b = (a + 1 + (s % (members - 1))) % members;
    const round = Math.floor(s / (members - 1));
    const [lo, hi] = a < b ? [a, b] : [b, a];
    return members * people + (round * members + lo) * members + hi;
  };

  for (let member = 0; member < members; member++) {
    const ownerId = `owner-${String(member).padStart(3, "0")}`;
    const random = rng(seed * 1_000 + member);
    const graph = socialGraph(contacts, m, 0.6, seed * 1_000 + member);
    // Which contacts hold shared slots: a seeded permutation, so hubs and leaves alike.
    const order = Array.from({ length: contacts }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const identityOf = new Array<number>(contacts);
    order.forEach((contact, slot) => {
      identityOf[contact] =
        slot < sharedSlots ? sharedIdentity(member, slot) : member * people + 1 + contact;
    });

    const orgIds = new Map<string, string>();
    const organizations: Organization[] = [];
    const employments: Employment[] = [];
    const orgOf = (name: string) => {
      let id = orgIds.get(name);
      if (id === undefined) {
        id = `org_${ownerId}_${orgIds.size}`;
        orgIds.set(name, id);
        const domain = `${name.toLowerCase().replace(/\s+/g, "-")}.example.com`;
        organizations.push(stored(organizationSpec, ownerId, id, { name, domain }));
      }
      return id;
    };

    const selfId = `per_${ownerId}_self`;
    const peopleRecords: Person[] = [
      {
        ...stored(personSpec, ownerId, selfId, {
          name: `Member ${member}`,
          emails: [`member-${member}@team.example.com`],
        }),
        isSelf: true,
      },
    ];
    const personIds = identityOf.map((identity, contact) => {
      const id = `per_${ownerId}_${contact}`;
      const isShared = identity >= members * people;
      const personal = !isShared && unit(identity, 1) < 0.04;
      const categories: Category[] = unit(identity, 2) < 0.01 ? ["family"] : [];
      let employer: string | null = null;
      if (!personal && unit(identity, 3) < 0.7) {
        const list = unit(identity, 4) < 0.5 ? companies.large : companies.small;
        employer = list[Math.floor(unit(identity, 5) * list.length)]!;
      }
      const domain =
        employer === null
          ? "independent.example.com"
          : `${employer.toLowerCase().replace(/\s+/g, "-")}.example.com`;
      const url =
        !personal && (isShared ? identity % 2 === 0 : unit(identity, 6) < 0.5)
          ? `https://www.linkedin.com/in/person-${identity}`
          : null;
      const emails = personal
        ? [`person${identity}@gmail.com`]
        : (isShared ? identity % 2 === 1 : employer !== null && unit(identity, 7) < 0.6)
          ? [`person.${identity}@${domain}`]
          : [];
      peopleRecords.push(
        stored(personSpec, ownerId, id, {
          name: `Person ${identity}`,
          emails,
          profileUrl: url,
          title: !personal && unit(identity, 8) < 0.6 ? TITLES[identity % TITLES.length]! : null,
          categories,
        }),
      );
      if (employer !== null)
        employments.push(
          stored(employmentSpec, ownerId, `emp_${ownerId}_${contact}`, {
            personId: id,
            organizationId: orgOf(employer),
            from: `${2010 + Math.floor(unit(identity, 9) * 16)}-01-01`,
          }),
        );
      return id;
    });

    const tieRecords: Tie[] = [];
    const tie = (a: string, b: string, strength: number) =>
      tieRecords.push(
        stored(tieSpec, ownerId, `tie_${ownerId}_${tieRecords.length}`, {
          personA: a,
          personB: b,
          strength,
        }),
      );
    graph.forEachEdge((_e, attributes, s, t) =>
      tie(personIds[Number(s)]!, personIds[Number(t)]!, attributes.strength as number),
    );
    const known = new Set<number>();
    while (known.size < Math.min(selfTies, contacts)) {
      const contact = Math.floor(random() * contacts);
      if (known.has(contact)) continue;
      known.add(contact);
      tie(selfId, personIds[contact]!, Math.round((0.3 + 0.7 * random()) * 1000) / 1000);
    }

    yield {
      index: member,
      userId: `user-${String(member).padStart(3, "0")}`,
      ownerId,
      name: `Member ${member}`,
      snapshot: {
        version: 1,
        selfId,
        people: peopleRecords,
        organizations,
        ties: tieRecords,
        employments,
        memberships: [],
      },
    };
  }
}
