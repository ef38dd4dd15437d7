/**
 * A requester's pooled network as buildPooledNetwork makes it (pooled-network.ts): the
 * merged graph, its path index, and for each node what the requester may see of it and, on
 * the server side only, the members' records behind it. Its assembly (pool-assembly.ts) keeps
 * it in step with the members' networks; readers only read.
 */
import { createHash } from "node:crypto";
import type { UndirectedGraph } from "graphology";
import { invariant } from "../../errors.js";
import { nameKey } from "../model/fields.js";
import { buildPathIndex, type PathIndex } from "../path-index/path-index.js";
import type { NetworkProjection } from "../projection/network-projection.js";
import type { EdgeAttributes } from "../projection/projection-graph.js";
import type { SharingLevel } from "../store/teams.js";
import { BAND_MIDPOINTS, strengthBand, type StrengthBand } from "./strength-bands.js";

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
  /** A fixed number in [0, 1) from the pair's node keys, which breaks exact ties (rankingStrength). */
  tiebreak: number;
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

/** What the requester may see of a tie's strength, as pooled-paths.ts shows it. */
export function shownStrength(edge: PooledEdgeAttributes): number {
  return edge.via === null || edge.teammate
    ? edge.strength
    : BAND_MIDPOINTS[strengthBand(edge.strength)];
}

/**
 * The strength a search ranks a pooled tie by: `strength` lowered by at most 1e-10 of itself,
 * by the tie's `tiebreak`. Exact ties between paths are common (strengths come from a few
 * ratings, shown ones from three bands), and a search breaks them by its index's numbering,
 * which depends on the order the pool was built and updated in; so a write nobody may see (a
 * teammate's private record) could reorder equal paths. With the pair's own number added,
 * equal paths rank by their ties' keys however the pool was reached, and no shown figure moves
 * (shown warmth is the product of the shown strengths).
 */
export function rankingStrength(edge: PooledEdgeAttributes, strength: number): number {
  return strength * (1 - 1e-10 * edge.tiebreak);
}

/** The tiebreak of a pair of nodes: 32 bits of FNV-1a of its key, in [0, 1). */
export function pairTiebreak(pair: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < pair.length; i++) hash = Math.imul(hash ^ pair.charCodeAt(i), 0x01000193);
  return (hash >>> 0) / 2 ** 32;
}

/** The key of a pair of nodes, either way round: an edge's key in the pool. */
export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** A requester's pooled network: the graph, its path index, and what they may see of it. */
export class PooledNetwork {
  readonly teamId: string;
  readonly requesterUserId: string;
  /** The requester's own projection (evidence of their own ties). */
  readonly requester: NetworkProjection;
  readonly graph: UndirectedGraph<{ view: PooledNodeView }, PooledEdgeAttributes>;
  /** The path index on the exact strengths, which rank the paths. */
  readonly index: PathIndex;
  private shown: PathIndex | null = null;
  private readonly parts: PooledNetworkParts;

  /** Use buildPooledNetwork. */
  constructor(parts: PooledNetworkParts) {
    this.parts = parts;
    ({
      teamId: this.teamId,
      requesterUserId: this.requesterUserId,
      requester: this.requester,
      graph: this.graph,
    } = parts);
    this.index = buildPathIndex(parts.graph, {
      strengthOf: (a) =>
        rankingStrength(a as unknown as PooledEdgeAttributes, a.strength as number),
    });
  }

  /** The node of the requester's own person. */
  get selfNode(): string {
    return this.parts.selfNode;
  }

  /**
   * The path index on the strengths the requester may see (a teammate's tie at its band's
   * midpoint), for counts that must not depend on an exact strength; built at first use.
   */
  shownIndex(): PathIndex {
    this.shown ??= buildPathIndex(this.graph, {
      strengthOf: (a) => {
        const edge = a as unknown as PooledEdgeAttributes;
        return rankingStrength(edge, shownStrength(edge));
      },
    });
    return this.shown;
  }

  /** Rewrites the index rows of nodes whose ties changed (the assembly calls it after an update). */
  refresh(nodes: Iterable<string>): void {
    const list = [...nodes];
    this.index.refresh(this.graph, list);
    this.shown?.refresh(this.graph, list);
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
