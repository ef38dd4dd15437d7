/**
 * The bookkeeping behind one pooled network (pooled-network.ts states the rules), so that a
 * pool is built and kept in step by one code path: `update` takes the people a change touched
 * in each network (all of them, for the first build) and redoes exactly the nodes whose
 * records could have changed.
 *
 * - An entry is one shareable record of one network (`c` 0: the requester, i + 1: the i-th
 *   pooled member). A touched record leaves its node and, when still shareable, comes back.
 * - Its node, and every node sharing an identity key with its old or new record, is regrouped
 *   (identity-groups.ts over those entries only: a node is closed under shared keys, so no
 *   other node can merge with or split from them).
 * - A regrouped node keeps its key when it still has one (its graph node and index slot stay);
 *   its view is made anew (pooled-node-view.ts) and its ties are recomputed from its entries'
 *   ties (pooled-node-ties.ts). Only edges whose strength really changed are rewritten in the
 *   path index, so a change that alters nothing shown leaves every search exactly as it was.
 */
import { UndirectedGraph } from "graphology";
import { nameKey } from "../model/fields.js";
import type { NetworkProjection } from "../projection/network-projection.js";
import { identityGroups, identityKeys } from "./identity-groups.js";
import type { PoolEntry, PoolMemberNetwork, PoolNetworks, PoolRequester } from "./pool-entry.js";
import {
  pairKey,
  PooledNetwork,
  pooledId,
  type PooledEdgeAttributes,
  type PooledNetworkParts,
  type PooledNodeView,
} from "./pooled-graph.js";
import { pooledNodeTies, sameTie, type PooledTieSource } from "./pooled-node-ties.js";
import { pooledNodeView, visibleWords } from "./pooled-node-view.js";
import { hiddenReason, labelKey } from "./shareable-contacts.js";

const codeOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const entryKey = (c: number, personId: string) => `${c}:${personId}`;

/** A pool and what keeps it in step: made with the networks' people, then `sync`ed with their changes. */
export class PoolAssembly implements PoolNetworks {
  readonly network: PooledNetwork;
  readonly projections: NetworkProjection[];
  private readonly entries = new Map<string, PoolEntry>();
  private readonly entriesWithKey = new Map<string, Set<string>>();
  private readonly nodeOfEntry = new Map<string, string>();
  private readonly entriesOfNode = new Map<string, PoolEntry[]>();
  private readonly employersOfNode = new Map<string, string[]>();
  private readonly aliasesOfNode = new Map<string, string[]>();
  private readonly cOfOwner = new Map<string, number>();
  private readonly policies: {
    blocked: Set<string>;
    overrides: Map<string, "shared" | "hidden">;
  }[];
  private readonly parts: PooledNetworkParts;

  constructor(
    requester: PoolRequester,
    private readonly pooled: readonly PoolMemberNetwork[],
    private readonly teamId: string,
    private readonly teammateStrength: number,
  ) {
    this.projections = [requester.projection, ...pooled.map((m) => m.projection)];
    this.projections.forEach((p, c) => this.cOfOwner.set(p.ownerId, c));
    this.policies = pooled.map((m) => ({
      blocked: new Set(m.settings.blockedLabels.map(labelKey)),
      overrides: new Map(m.settings.contacts.map((x) => [x.personId, x.sharing])),
    }));
    this.parts = {
      teamId,
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
    for (const m of pooled)
      this.parts.members.set(m.userId, {
        name: m.name,
        ownerId: m.projection.ownerId,
        level: m.level,
        selfNode: "",
      });
    this.update(new Map(this.projections.map((p) => [p.ownerId, p.people.keys()])));
    this.network = new PooledNetwork(this.parts);
  }

  /** Brings the pool in step after the people in `touched` (by owner) changed in their networks. */
  sync(touched: ReadonlyMap<string, Iterable<string>>): void {
    this.network.refresh(this.update(touched));
  }

  /**
   * Redoes the nodes of the people in `touched` (by owner) whose records, employers or ties
   * changed; returns the nodes whose ties or existence changed (the index rows to rewrite).
   */
  private update(touched: ReadonlyMap<string, Iterable<string>>): Set<string> {
    const graph = this.parts.graph;
    const oldNodes = new Set<string>();
    const regroup = new Map<string, PoolEntry>();
    for (const [ownerId, people] of touched) {
      const c = this.cOfOwner.get(ownerId);
      if (c === undefined) continue;
      for (const personId of people) {
        const key = entryKey(c, personId);
        const old = this.entries.get(key);
        if (old !== undefined) {
          oldNodes.add(this.nodeOfEntry.get(key)!);
          this.forget(key, old);
        }
        const next = this.entryOf(c, personId);
        if (next === undefined) continue;
        for (const k of next.keys)
          for (const other of this.entriesWithKey.get(k) ?? []) {
            const node = this.nodeOfEntry.get(other);
            if (node !== undefined) oldNodes.add(node);
          }
        this.remember(key, next);
        regroup.set(key, next);
      }
    }
    for (const node of oldNodes) {
      for (const e of this.entriesOfNode.get(node) ?? []) {
        const key = entryKey(e.c, e.personId);
        if (this.entries.get(key) === e) regroup.set(key, e);
        this.nodeOfEntry.delete(key);
      }
      this.forgetNode(node);
    }

    // The new groups, each sorted (the requester's records first), keyed as their node.
    const list = [...regroup.values()];
    const byGroup = new Map<number, PoolEntry[]>();
    identityGroups(list.map((e) => e.person)).forEach((g, i) => {
      const group = byGroup.get(g);
      if (group) group.push(list[i]!);
      else byGroup.set(g, [list[i]!]);
    });
    const newNodes = new Map<string, PoolEntry[]>();
    for (const group of byGroup.values()) {
      group.sort((a, b) => a.c - b.c || codeOrder(a.personId, b.personId));
      const own = group.find((e) => e.c === 0);
      const held = group.find((e) => e.c > 0);
      const alias = held && pooledId(this.teamId, this.ownerOf(held), held.personId);
      const node = own?.personId ?? alias!;
      newNodes.set(node, group);
      for (const e of group) this.nodeOfEntry.set(entryKey(e.c, e.personId), node);
      const aliases = [...group.filter((e) => e.c === 0).map((e) => e.personId)];
      if (alias !== undefined) aliases.push(alias);
      for (const a of aliases) this.parts.aliases.set(a, node);
      this.aliasesOfNode.set(node, aliases);
      this.entriesOfNode.set(node, group);
    }
    this.findSelfNodes();

    const changedNodes = new Set<string>();
    for (const node of oldNodes)
      if (!newNodes.has(node) && graph.hasNode(node)) {
        graph.forEachNeighbor(node, (n) => changedNodes.add(n));
        graph.forEachEdge(node, (edge) => this.parts.ownTies.delete(edge));
        graph.dropNode(node);
        changedNodes.add(node);
      }
    for (const node of [...newNodes.keys()].sort(codeOrder)) {
      const view = pooledNodeView(node, newNodes.get(node)!, this);
      this.describe(node, view);
      if (graph.hasNode(node)) graph.replaceNodeAttributes(node, { view });
      else {
        graph.addNode(node, { view });
        changedNodes.add(node);
      }
    }

    // Ties of the regrouped nodes: each pair once, from its smaller regrouped end.
    const added: [string, string, string, PooledEdgeAttributes][] = [];
    const selves = {
      requester: this.parts.selfNode,
      members: new Map([...this.parts.members].map(([u, m]) => [u, m.selfNode])),
    };
    for (const node of newNodes.keys()) {
      const wanted = pooledNodeTies(
        node,
        this.entriesOfNode.get(node)!,
        this,
        selves,
        this.teammateStrength,
      );
      const existing = graph.mapEdges(node, (edge, attributes, s, t) => ({
        edge,
        attributes,
        other: s === node ? t : s,
      }));
      for (const { edge, attributes, other } of existing) {
        if (newNodes.has(other) && other < node) continue;
        const want = wanted.get(other);
        if (want === undefined) {
          graph.dropEdge(edge);
          this.parts.ownTies.delete(edge);
          changedNodes.add(node).add(other);
          continue;
        }
        wanted.delete(other);
        this.setOwnTie(edge, want);
        if (sameTie(attributes, want.attributes)) continue;
        if (attributes.strength !== want.attributes.strength) changedNodes.add(node).add(other);
        graph.replaceEdgeAttributes(edge, want.attributes);
      }
      for (const [other, want] of wanted) {
        if (newNodes.has(other) && other < node) continue;
        const pair = pairKey(node, other);
        added.push([pair, node, other, want.attributes]);
        this.setOwnTie(pair, want);
        changedNodes.add(node).add(other);
      }
    }
    // Sorted, so two pools of the same people and ties number their nodes alike (and break ties alike).
    for (const [pair, a, b, attributes] of added.sort((x, y) => codeOrder(x[0], y[0])))
      graph.addUndirectedEdgeWithKey(pair, a, b, attributes);
    return changedNodes;
  }

  private ownerOf(e: PoolEntry): string {
    return this.projections[e.c]!.ownerId;
  }

  /** The entry of a record when the team may pool it, else undefined. */
  private entryOf(c: number, personId: string): PoolEntry | undefined {
    const projection = this.projections[c]!;
    const person = projection.people.get(personId);
    if (person === undefined) return undefined;
    if (c > 0 && personId !== projection.selfId) {
      const { blocked, overrides } = this.policies[c - 1]!;
      const employers = projection.currentEmployersOf(personId);
      if (hiddenReason(person, employers, blocked, overrides.get(personId)) !== null)
        return undefined;
    }
    return { c, personId, person, keys: identityKeys(person) };
  }

  private remember(key: string, e: PoolEntry): void {
    this.entries.set(key, e);
    for (const k of e.keys) {
      const set = this.entriesWithKey.get(k);
      if (set) set.add(key);
      else this.entriesWithKey.set(k, new Set([key]));
    }
  }

  private forget(key: string, e: PoolEntry): void {
    this.entries.delete(key);
    for (const k of e.keys) {
      const set = this.entriesWithKey.get(k);
      set?.delete(key);
      if (set?.size === 0) this.entriesWithKey.delete(k);
    }
  }

  /** Drops what a node told of itself: its aliases, holders, employers and text. */
  private forgetNode(node: string): void {
    for (const alias of this.aliasesOfNode.get(node) ?? [])
      if (this.parts.aliases.get(alias) === node) this.parts.aliases.delete(alias);
    for (const name of this.employersOfNode.get(node) ?? []) {
      const at = this.parts.atOrganization.get(name);
      at?.delete(node);
      if (at?.size === 0) this.parts.atOrganization.delete(name);
    }
    this.aliasesOfNode.delete(node);
    this.employersOfNode.delete(node);
    this.entriesOfNode.delete(node);
    this.parts.holders.delete(node);
    this.parts.visibleText.delete(node);
  }

  private findSelfNodes(): void {
    this.parts.selfNode = this.nodeOfEntry.get(entryKey(0, this.projections[0]!.selfId)) ?? "";
    this.pooled.forEach((m, i) => {
      this.parts.members.get(m.userId)!.selfNode =
        this.nodeOfEntry.get(entryKey(i + 1, m.projection.selfId)) ?? "";
    });
  }

  member(e: PoolEntry): PoolMemberNetwork {
    return this.pooled[e.c - 1]!;
  }

  nodeOf(c: number, personId: string): string | undefined {
    return this.nodeOfEntry.get(entryKey(c, personId));
  }

  employerNames(e: PoolEntry): string[] {
    return this.projections[e.c]!.currentEmployersOf(e.personId).map((org) => org.name);
  }

  /** Records a node's holders, employers and searchable text. */
  private describe(node: string, view: PooledNodeView): void {
    const group = this.entriesOfNode.get(node)!;
    const held = group.filter((e) => e.c > 0);
    this.parts.holders.set(
      node,
      held.map((e) => ({
        userId: this.member(e).userId,
        ownerId: this.ownerOf(e),
        personId: e.personId,
      })),
    );
    const names = [...new Set(group.flatMap((e) => this.employerNames(e).map(nameKey)))];
    this.employersOfNode.set(node, names);
    for (const name of names) {
      const at = this.parts.atOrganization.get(name);
      if (at) at.add(node);
      else this.parts.atOrganization.set(name, new Set([node]));
    }
    const own = group.find((e) => e.c === 0);
    this.parts.visibleText.set(node, nameKey(visibleWords(view, own, this).join("\n")));
  }

  private setOwnTie(pair: string, want: PooledTieSource): void {
    if (want.c === 0)
      this.parts.ownTies.set(pair, { from: want.from, to: want.to, attributes: want.own });
    else this.parts.ownTies.delete(pair);
  }
}
