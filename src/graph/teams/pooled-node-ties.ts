/**
 * The ties one node of a pool should have (pooled-network.ts states the rules): from its
 * entries' ties in their networks, each pair of nodes keeping one winner by a total order
 * (strongest; then the requester's, then members' in member order; explicit before
 * inferred; then the records' ids), so the answer does not depend on the order of changes;
 * and the requester's fixed tie to each teammate.
 */
import type { EdgeAttributes } from "../projection/projection-graph.js";
import type { PoolEntry, PoolNetworks } from "./pool-entry.js";
import { pairKey, pairTiebreak, type PooledEdgeAttributes } from "./pooled-graph.js";

/** The winning tie of a pair of nodes, from one record pair of one network (c -1: the teammate tie). */
export interface PooledTieSource {
  attributes: PooledEdgeAttributes;
  c: number;
  from: string;
  to: string;
  own: EdgeAttributes;
}

/** The self nodes of the pool: the requester's and each pooled member's ("" when absent). */
export interface SelfNodes {
  requester: string;
  members: ReadonlyMap<string, string>;
}

const codeOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Whether `x` beats `y` for their pair (a total order, so any order of changes agrees). */
function beats(x: PooledTieSource, y: PooledTieSource): boolean {
  if (x.attributes.strength !== y.attributes.strength)
    return x.attributes.strength > y.attributes.strength;
  if (x.c !== y.c) return x.c < y.c;
  if (x.attributes.inferred !== y.attributes.inferred) return !x.attributes.inferred;
  return codeOrder(x.from, y.from) < 0 || (x.from === y.from && codeOrder(x.to, y.to) < 0);
}

/** Whether two pooled ties are alike (a pair's tiebreak is its own, so it needs no comparing). */
export const sameTie = (a: PooledEdgeAttributes, b: PooledEdgeAttributes): boolean =>
  a.strength === b.strength &&
  a.inferred === b.inferred &&
  a.via === b.via &&
  a.teammate === b.teammate;

/** The ties `node` (made of `entries`) should have now, by the other node. */
export function pooledNodeTies(
  node: string,
  entries: readonly PoolEntry[],
  networks: PoolNetworks,
  selves: SelfNodes,
  teammateStrength: number,
): Map<string, PooledTieSource> {
  const wanted = new Map<string, PooledTieSource>();
  const selfNodes = new Set([selves.requester, ...selves.members.values()]);
  selfNodes.delete("");
  for (const e of entries) {
    const via = e.c === 0 ? null : networks.member(e).userId;
    networks.projections[e.c]!.forEachTie(e.personId, (end, own) => {
      // The tie's ends in id order, as the total order of `beats` reads them.
      const [s, t] = e.personId < end ? [e.personId, end] : [end, e.personId];
      // A teammate's inferred ties are not pooled: the projection infers them over the whole
      // network, hidden contacts included (its group cap counts them), so pooling them would let
      // hidden people change what a teammate sees. They are low-confidence guesses anyway.
      if (e.c !== 0 && own.inferred) return;
      const other = networks.nodeOf(e.c, s === e.personId ? t : s);
      if (other === undefined || other === node) return;
      // A tie between two members' own persons never counts (their private history).
      if (selfNodes.has(node) && selfNodes.has(other)) return;
      const attributes: PooledEdgeAttributes = {
        strength: own.strength,
        inferred: own.inferred,
        via,
        teammate: false,
        tiebreak: pairTiebreak(pairKey(node, other)),
      };
      const candidate = { attributes, c: e.c, from: s, to: t, own };
      const current = wanted.get(other);
      if (current === undefined || beats(candidate, current)) wanted.set(other, candidate);
    });
  }
  // The requester's fixed tie to each teammate (members get none among themselves).
  for (const [userId, memberNode] of selves.members) {
    const self = selves.requester;
    if (memberNode === "" || self === "" || memberNode === self) continue;
    if (node !== self && node !== memberNode) continue;
    const other = node === self ? memberNode : self;
    const attributes: PooledEdgeAttributes = {
      strength: teammateStrength,
      inferred: false,
      via: userId,
      teammate: true,
      tiebreak: pairTiebreak(pairKey(node, other)),
    };
    wanted.set(other, { attributes, c: -1, from: "", to: "", own: attributes });
  }
  return wanted;
}
