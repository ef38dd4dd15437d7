/**
 * A requester's pooled network as buildPooledNetwork makes it (pooled-network.ts): the
 * merged graph, its path index, and for each node what the requester may see of it and, on
 * the server side only, the members' records behind it. Read-only once built.
 */
import { createHash } from "node:crypto";
import type { UndirectedGraph } from "graphology";
import { invariant } from "../../errors.js";
import { nameKey } from "../model/fields.js";
import { buildPathIndex, type PathIndex } from "../path-index/path-index.js";
import type { EdgeAttributes, NetworkProjection } from "../projection/network-projection.js";
import type { SharingLevel } from "../store/teams.js";
import type { StrengthBand } from "./strength-bands.js";

/** What the requester may see of one node of the pool. */
export type PooledNodeView =
  | { kind: "own"; personId: string }
  | { kind: "teammate"; id: string; userId: string; name: string }
  | {
      kind: "pooled";
      id: string;
      name: string;
      title: string | null;
      company: string | null;
      band: StrengthBand;
      /** The names of the members who know them, by user id. */
      via: string[];
      viaUserIds: string[];
    }
  | {
      kind: "opaque";
      id: string;
      company: string | null;
      via: string[];
      viaUserIds: string[];
    };

export interface PooledEdgeAttributes {
  /** The tie's exact strength (for ranking; a pooled one is shown as its band's midpoint). */
  strength: number;
  inferred: boolean;
  /** The member whose tie this is; null for the requester's own tie. */
  via: string | null;
  /** The fixed tie between the requester and a teammate. */
  teammate: boolean;
}

/** A member's record behind a node: for asking the member, never for showing to the requester. */
export interface PoolHolder {
  userId: string;
  ownerId: string;
  personId: string;
}

/** A requester's own tie behind a pooled edge, for its evidence. */
export interface OwnTie {
  from: string;
  to: string;
  attributes: EdgeAttributes;
}

/** What buildPooledNetwork hands the PooledNetwork it makes. */
export interface PooledNetworkParts {
  teamId: string;
  requesterUserId: string;
  requester: NetworkProjection;
  graph: UndirectedGraph<{ view: PooledNodeView }, PooledEdgeAttributes>;
  selfNode: string;
  members: Map<string, { name: string; ownerId: string; level: SharingLevel; selfNode: string }>;
  aliases: Map<string, string>;
  holders: Map<string, PoolHolder[]>;
  /** Nodes now at each organization, by normalized name, in the order first seen (a set: big companies). */
  atOrganization: Map<string, Set<string>>;
  visibleText: Map<string, string>;
  ownTies: Map<string, OwnTie>;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** A requester's pooled network: the graph, its path index, and what they may see of it. */
export class PooledNetwork {
  readonly teamId: string;
  readonly requesterUserId: string;
  /** The requester's own projection (evidence of their own ties). */
  readonly requester: NetworkProjection;
  readonly graph: UndirectedGraph<{ view: PooledNodeView }, PooledEdgeAttributes>;
  readonly index: PathIndex;
  /** The node of the requester's own person. */
  readonly selfNode: string;
  private readonly parts: PooledNetworkParts;

  /** Use buildPooledNetwork. */
  constructor(parts: PooledNetworkParts) {
    this.parts = parts;
    ({
      teamId: this.teamId,
      requesterUserId: this.requesterUserId,
      requester: this.requester,
      graph: this.graph,
      selfNode: this.selfNode,
    } = parts);
    this.index = buildPathIndex(parts.graph);
  }

  /** The node an id names: one of the requester's person ids or a pooled id; undefined otherwise. */
  nodeOf(id: string): string | undefined {
    return this.parts.aliases.get(id);
  }

  /** What the requester may see of a node. */
  view(node: string): PooledNodeView {
    invariant(this.graph.hasNode(node), `${node} is a node of the pool`);
    return this.graph.getNodeAttributes(node).view;
  }

  /** The members' records behind a node, by user id (server side only: to ask them for an introduction). */
  holdersOf(node: string): PoolHolder[] {
    return this.parts.holders.get(node) ?? [];
  }

  /** The user ids of the pooled members, by user id. */
  memberUserIds(): string[] {
    return [...this.parts.members.keys()];
  }

  /** A pooled member's account name. */
  memberName(userId: string): string {
    const member = this.parts.members.get(userId);
    invariant(member !== undefined, `${userId} is a pooled member`);
    return member.name;
  }

  /** The node of a pooled member's own person. */
  memberNode(userId: string): string | undefined {
    const node = this.parts.members.get(userId)?.selfNode;
    return node === "" ? undefined : node;
  }

  /** Nodes of people currently at an organization of this name (normalized), in anyone's records. */
  currentlyAt(organizationName: string): string[] {
    return [...(this.parts.atOrganization.get(nameKey(organizationName)) ?? [])];
  }

  /** Nodes whose visible name, title or company contains the text, ignoring case. */
  matching(text: string): string[] {
    const key = nameKey(text);
    return [...this.parts.visibleText].flatMap(([node, t]) => (t.includes(key) ? [node] : []));
  }

  /** The requester's own tie behind an edge, if the edge is theirs. */
  ownTie(a: string, b: string): OwnTie | undefined {
    return this.parts.ownTies.get(pairKey(a, b));
  }
}

/** "pp_" and 24 hex digits of SHA-256: opaque, stable while the first member who knows them stays. */
export function pooledId(teamId: string, ownerId: string, personId: string): string {
  const digest = createHash("sha256").update(`${teamId}:${ownerId}:${personId}`).digest("hex");
  return `pp_${digest.slice(0, 24)}`;
}
