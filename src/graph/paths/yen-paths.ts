/**
 * The k warmest loopless paths within a hop bound, whoever their first
 * introducers: Yen's algorithm (Yen 1971). The first path is the unbounded
 * optimum (two-sided-dijkstra.ts) when it has few enough ties. Every spur is a
 * guided label-setting search (guided-search.ts) keyed by its cost plus the
 * cost on to the targets (the backward ball of that unbounded search, a
 * consistent lower bound), makes no label that cannot reach a target within
 * its ties (near-hops.ts), and is cut at the cost where it could no longer give
 * one of the paths still wanted (a spur dearer than the last wanted candidate
 * is never accepted before it). From the source a first-only node may be
 * entered first; from further along, never.
 */
import { byCostThenNodes, edgeCost, type FoundPath } from "./found-path.js";
import { guidedPath, guidedSearch } from "./guided-search.js";
import { nearHops } from "./near-hops.js";
import type { PathIndex } from "../path-index/path-index.js";
import { twoSidedDijkstra } from "./two-sided-dijkstra.js";

export function yenPaths(
  index: PathIndex,
  source: number,
  targets: number[],
  banned: Uint8Array,
  firstOnly: Uint8Array | undefined,
  maxHops: number,
  k: number,
  coldest: number,
): FoundPath[] {
  const meeting = twoSidedDijkstra(index, source, targets, { banned, firstOnly, maxCost: coldest });
  const near = nearHops(index, targets, banned);
  try {
    if (meeting.cost === Number.POSITIVE_INFINITY) return [];
    const isTarget = new Set(targets);
    const guide = { cost: (v: number) => meeting.toTargets.lower(v), hops: near.hops };
    const spur = (
      from: number,
      hops: number,
      firstStepBanned: ReadonlySet<number>,
      maxKey: number,
    ): { nodes: number[]; cost: number } | null => {
      const labels = guidedSearch(
        index,
        [from],
        {
          maxHops: hops,
          banned,
          enteredOnlyFromStart: from === source ? firstOnly : undefined,
          neverEntered: from === source ? undefined : firstOnly,
          firstStepBanned,
          maxKey,
        },
        guide,
        (v) => isTarget.has(v),
      );
      return labels.found === -1
        ? null
        : { nodes: guidedPath(labels, labels.found), cost: labels.cost[labels.found]! };
    };
    const first =
      meeting.nodes && meeting.nodes.length - 1 <= maxHops
        ? { nodes: meeting.nodes, cost: meeting.cost }
        : spur(source, maxHops, new Set(), coldest);
    if (first === null) return [];
    const accepted: FoundPath[] = [{ ...first, warmth: Math.exp(-first.cost) }];
    const candidates = new Map<string, FoundPath>();
    // The cost a new candidate must not exceed to be one of the paths still wanted.
    const ceiling = () => {
      const wanted = k - accepted.length;
      if (candidates.size < wanted) return coldest;
      const costs = [...candidates.values()].map((p) => p.cost).sort((a, b) => a - b);
      return Math.min(coldest, costs[wanted - 1]!);
    };
    while (accepted.length < k) {
      const last = accepted[accepted.length - 1]!.nodes;
      let rootCost = 0;
      for (let i = 0; i < last.length - 1 && i < maxHops; i++) {
        const root = last.slice(0, i + 1);
        const firstStepBanned = new Set<number>();
        for (const p of accepted) {
          if (p.nodes.length > i + 1 && root.every((node, j) => p.nodes[j] === node))
            firstStepBanned.add(p.nodes[i + 1]!);
        }
        // The root's nodes before the spur node are banned for the spur (and unbanned after).
        const marked = root.slice(0, -1).filter((node) => !banned[node]);
        for (const node of marked) banned[node] = 1;
        try {
          const found = spur(last[i]!, maxHops - i, firstStepBanned, ceiling() - rootCost);
          if (found !== null) {
            const nodes = [...root.slice(0, -1), ...found.nodes];
            const cost = rootCost + found.cost;
            const key = nodes.join(",");
            if (!accepted.some((p) => p.nodes.join(",") === key))
              candidates.set(key, { nodes, cost, warmth: Math.exp(-cost) });
          }
        } finally {
          for (const node of marked) banned[node] = 0;
        }
        rootCost += edgeCost(index, last[i]!, last[i + 1]!);
      }
      if (candidates.size === 0) break;
      const next = [...candidates.values()].sort(byCostThenNodes)[0]!;
      candidates.delete(next.nodes.join(","));
      accepted.push(next);
    }
    return accepted;
  } finally {
    near.release();
    meeting.release();
  }
}
