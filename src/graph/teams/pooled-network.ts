/**
 * The pooled network of one requester's team search (issue 14): their own network united
 * with the shareable parts of the teammates' networks they may use (poolMembers decides
 * which; this function pools exactly the members it is given, skipping any at level `off`).
 *
 * - Nodes are people merged across networks by profile URL and e-mail (identity-groups.ts),
 *   from the requester's people and each member's shareable contacts only, so a hidden
 *   contact can neither add a node nor join two.
 * - Edges: the requester's own ties (`via: null`), and each member's ties whose two ends are
 *   shareable (`via`: the member's user id); a pair keeps its strongest tie. A tie between
 *   two members' own persons never counts (it would tell of their private history): the
 *   requester gets a fixed teammate tie (TEAMMATE_STRENGTH) to each member instead, and
 *   members get none among themselves (the requester asks each teammate directly, and the
 *   search passes a teammate only as the first introducer: pooled-search.ts).
 * - What the requester may see of each node: their own person (`own`); a teammate by their
 *   account name (`teammate`); else name, title, company, a strength band and who knows them
 *   when some member who knows them shares `full` (`pooled`); else only "someone at
 *   <company>, via <member>" (`opaque`). Never e-mails, phones, notes, tags or interactions.
 *
 * Pooled ids are opaque and stable: "pp_" and 24 hex digits of SHA-256 of
 * `${teamId}:${ownerId}:${personId}` of the first member (by user id) who knows the person.
 */
import { UndirectedGraph } from "graphology";
import { badInput, invariant } from "../../errors.js";
import { nameKey } from "../model/fields.js";
import type { Person } from "../model/person.js";
import type { NetworkProjection } from "../projection/network-projection.js";
import {
  SHARING_LEVELS,
  TEAM_ROLES,
  type PoolingSettings,
  type SharingLevel,
  type TeamRole,
} from "../store/teams.js";
import { identityGroups } from "./identity-groups.js";
import { shareableContacts } from "./shareable-contacts.js";
import {
  PooledNetwork,
  pooledId,
  type PooledEdgeAttributes,
  type PooledNetworkParts,
  type PooledNodeView,
} from "./pooled-graph.js";
import { strengthBand, TEAMMATE_STRENGTH } from "./strength-bands.js";

/** The one searching: their user, the network they own, and its projection. */
export interface PoolRequester {
  userId: string;
  ownerId: string;
  projection: NetworkProjection;
}

/** A teammate whose network is pooled, at the level they share it. */
export interface PoolMemberNetwork {
  userId: string;
  /** The member's account name, for "via Ada". */
  name: string;
  role: TeamRole;
  level: SharingLevel;
  projection: NetworkProjection;
  settings: PoolingSettings;
}

export interface PooledNetworkOptions {
  /** The team: part of every pooled id, so ids of two teams never match. */
  teamId: string;
  /** The strength of the tie between the requester and each member. Default TEAMMATE_STRENGTH. */
  teammateStrength?: number;
}

export const POOLED_NETWORK_DEFAULTS = Object.freeze({ teammateStrength: TEAMMATE_STRENGTH });

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const codeOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function checkArguments(
  requester: PoolRequester,
  members: readonly PoolMemberNetwork[],
  options: PooledNetworkOptions,
): Required<PooledNetworkOptions> {
  const o = { ...POOLED_NETWORK_DEFAULTS, ...options };
  if (typeof o.teamId !== "string" || o.teamId === "") throw badInput("teamId", "is required");
  if (!(o.teammateStrength > 0 && o.teammateStrength <= 1))
    throw badInput("teammateStrength", "must be greater than 0 and at most 1");
  if (!requester.userId) throw badInput("requester.userId", "is required");
  if (requester.projection.ownerId !== requester.ownerId)
    throw badInput("requester.projection", "is not the requester's network");
  const seen = new Set([requester.userId]);
  members.forEach((m, i) => {
    if (!m.userId) throw badInput(`members[${i}].userId`, "is required");
    if (seen.has(m.userId))
      throw badInput(`members[${i}].userId`, "is the requester or another member again");
    seen.add(m.userId);
    if (!SHARING_LEVELS.includes(m.level)) throw badInput(`members[${i}].level`, "is unknown");
    if (!TEAM_ROLES.includes(m.role)) throw badInput(`members[${i}].role`, "is unknown");
  });
  return o;
}

interface Entry {
  /** 0: the requester; i + 1: the i-th pooled member. */
  c: number;
  personId: string;
  person: Person;
}

/** Builds the pooled network of `requester` with `members` (the other members the caller pools). */
export function buildPooledNetwork(
  requester: PoolRequester,
  members: readonly PoolMemberNetwork[],
  options: PooledNetworkOptions,
): PooledNetwork {
  const o = checkArguments(requester, members, options);
  const pooled = members
    .filter((m) => m.level !== "off")
    .sort((a, b) => codeOrder(a.userId, b.userId));
  const projections = [requester.projection, ...pooled.map((m) => m.projection)];
  const entries: Entry[] = [];
  for (const [personId, person] of requester.projection.people)
    entries.push({ c: 0, personId, person });
  pooled.forEach((m, i) => {
    for (const personId of shareableContacts(m.projection, m.settings, m.level))
      entries.push({ c: i + 1, personId, person: m.projection.people.get(personId)! });
  });

  const groups = new Map<number, Entry[]>();
  identityGroups(entries.map((e) => e.person)).forEach((g, i) => {
    const list = groups.get(g);
    if (list) list.push(entries[i]!);
    else groups.set(g, [entries[i]!]);
  });

  const nodeOfEntry = new Map<string, string>();
  const entryKey = (c: number, personId: string) => `${c}:${personId}`;
  const nodes: { key: string; view: PooledNodeView }[] = [];
  const parts: PooledNetworkParts = {
    teamId: o.teamId,
    requesterUserId: requester.userId,
    requester: requester.projection,
    graph: new UndirectedGraph(),
    selfNode: "",
    members: new Map(),
    aliases: new Map(),
    holders: new Map(),
    atOrganization: new Map(),
    visibleText: new Map(),
    ownTies: new Map(),
  };
  const memberOf = (e: Entry) => pooled[e.c - 1]!;
  const employerNames = (e: Entry) =>
    projections[e.c]!.currentEmployersOf(e.personId).map((org) => org.name);

  for (const group of groups.values()) {
    group.sort((a, b) => a.c - b.c || codeOrder(a.personId, b.personId));
    const own = group.filter((e) => e.c === 0);
    const held = group.filter((e) => e.c > 0);
    const alias =
      held[0] && pooledId(o.teamId, memberOf(held[0]).projection.ownerId, held[0].personId);
    const key = own[0]?.personId ?? alias!;
    for (const e of group) nodeOfEntry.set(entryKey(e.c, e.personId), key);
    for (const e of own) parts.aliases.set(e.personId, key);
    if (alias !== undefined) parts.aliases.set(alias, key);
    parts.holders.set(
      key,
      held.map((e) => ({
        userId: memberOf(e).userId,
        ownerId: memberOf(e).projection.ownerId,
        personId: e.personId,
      })),
    );
    for (const e of group)
      for (const name of employerNames(e)) {
        const at = parts.atOrganization.get(nameKey(name));
        if (at) at.add(key);
        else parts.atOrganization.set(nameKey(name), new Set([key]));
      }
    const view = viewOf(key, own, held);
    nodes.push({ key, view });
    parts.visibleText.set(key, nameKey(visibleText(view, own[0]).join("\n")));
  }

  function viewOf(key: string, own: Entry[], held: Entry[]): PooledNodeView {
    if (own.length > 0) return { kind: "own", personId: own[0]!.personId };
    const teammate = held.find((e) => e.personId === memberOf(e).projection.selfId);
    if (teammate !== undefined)
      return {
        kind: "teammate",
        id: key,
        userId: memberOf(teammate).userId,
        name: memberOf(teammate).name,
      };
    const knowers = [...new Set(held.map(memberOf))];
    const via = knowers.map((m) => m.name);
    const viaUserIds = knowers.map((m) => m.userId);
    const full = held.filter((e) => memberOf(e).level === "full");
    const company = (list: Entry[]) =>
      list.map(employerNames).find((names) => names.length > 0)?.[0] ?? null;
    if (full.length === 0)
      return { kind: "opaque", id: key, company: company(held), via, viaUserIds };
    const strongest = Math.max(
      0,
      ...full.map((e) => {
        const { graph, selfId } = memberOf(e).projection;
        const edge = graph.hasNode(selfId) ? graph.edge(selfId, e.personId) : undefined;
        return edge === undefined ? 0 : graph.getEdgeAttribute(edge, "strength");
      }),
    );
    return {
      kind: "pooled",
      id: key,
      name: full[0]!.person.name,
      title: full.map((e) => e.person.title?.trim()).find((t) => t) ?? null,
      company: company(full),
      band: strengthBand(strongest),
      via,
      viaUserIds,
    };
  }

  function visibleText(view: PooledNodeView, own: Entry | undefined): string[] {
    switch (view.kind) {
      case "own":
        return [own!.person.name, own!.person.title ?? "", ...employerNames(own!)];
      case "teammate":
        return [view.name];
      case "pooled":
        return [view.name, view.title ?? "", view.company ?? ""];
      case "opaque":
        return [view.company ?? ""];
      default: {
        const never: never = view;
        return never;
      }
    }
  }

  // Edges: each pair keeps its strongest tie; between equals, the requester's own, then a member's by user id.
  parts.selfNode = nodeOfEntry.get(entryKey(0, requester.projection.selfId))!;
  invariant(parts.selfNode !== undefined, "the requester's own person is in their network");
  const selfNodes = new Set([parts.selfNode]);
  pooled.forEach((m, i) => {
    const selfNode = nodeOfEntry.get(entryKey(i + 1, m.projection.selfId));
    if (selfNode !== undefined) selfNodes.add(selfNode);
    parts.members.set(m.userId, {
      name: m.name,
      ownerId: m.projection.ownerId,
      level: m.level,
      selfNode: selfNode ?? "",
    });
  });
  const edges = new Map<string, [string, string, PooledEdgeAttributes]>();
  projections.forEach((projection, c) => {
    const via = c === 0 ? null : pooled[c - 1]!.userId;
    projection.graph.forEachEdge((_edge, attributes, s, t) => {
      // A teammate's inferred ties are not pooled: the projection infers them over the whole
      // network, hidden contacts included (its group cap counts them), so pooling them would let
      // hidden people change what a teammate sees. They are low-confidence guesses anyway.
      if (c !== 0 && attributes.inferred) return;
      const [a, b] = [nodeOfEntry.get(entryKey(c, s)), nodeOfEntry.get(entryKey(c, t))];
      if (a === undefined || b === undefined || a === b) return;
      if (selfNodes.has(a) && selfNodes.has(b)) return;
      const pair = pairKey(a, b);
      const current = edges.get(pair)?.[2];
      const { strength, inferred } = attributes;
      if (current !== undefined && !(strength > current.strength)) {
        const equalButBetter =
          strength === current.strength && current.via === via && current.inferred && !inferred;
        if (!equalButBetter) return;
      }
      edges.set(pair, [a, b, { strength, inferred, via, teammate: false }]);
      if (c === 0) parts.ownTies.set(pair, { from: s, to: t, attributes });
      else parts.ownTies.delete(pair);
    });
  });
  for (const [userId, member] of parts.members) {
    if (member.selfNode === "" || member.selfNode === parts.selfNode) continue;
    const pair = pairKey(parts.selfNode, member.selfNode);
    edges.set(pair, [
      parts.selfNode,
      member.selfNode,
      { strength: o.teammateStrength, inferred: false, via: userId, teammate: true },
    ]);
  }

  // Sorted, so two pools of the same people and ties number their nodes alike (and break ties alike).
  nodes.sort((a, b) => codeOrder(a.key, b.key));
  for (const { key, view } of nodes) parts.graph.addNode(key, { view });
  for (const [pair, [a, b, attributes]] of [...edges].sort((x, y) => codeOrder(x[0], y[0])))
    parts.graph.addUndirectedEdgeWithKey(pair, a, b, attributes);
  return new PooledNetwork(parts);
}
