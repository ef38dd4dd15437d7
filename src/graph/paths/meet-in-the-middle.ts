/**
 * The warmest path of each first introducer within 2 to 4 ties, meeting in the
 * middle: hop layers (hop-layers.ts) back from the targets, maxHops - 2 ties
 * deep, and each first introducer looks one tie on to meet them. With many
 * targets (anyone at a large company) the layers' last round is the bulk of the
 * work, so the layers stop a tie shorter and the first introducers look two
 * ties on, whichever side is smaller. The work is the two small
 * neighbourhoods, not the 3-tie ball around the targets.
 */
import { byCostThenNodes, type FoundPath } from "./found-path.js";
import { hopLayers } from "./hop-layers.js";
import type { PathIndex } from "../path-index/path-index.js";

/** Most ties for which `diverse` meets the reverse hop layers from the source's side. */
export const MEET_IN_THE_MIDDLE_UP_TO = 4;

export function meetInTheMiddle(
  index: PathIndex,
  source: number,
  targets: number[],
  firstCost: ReadonlyMap<number, number>,
  withoutSource: Uint8Array,
  firstOnly: Uint8Array | undefined,
  maxHops: number,
  coldest: number,
): FoundPath[] {
  // The reverse layers reach maxHops - 2 ties back from the targets and each first introducer
  // looks one tie on to meet them; with many targets (anyone at a large company) the layers'
  // last round is the bulk of the work, so they stop a tie shorter and the first introducers
  // look two ties on instead, whichever side is smaller.
  const forward = maxHops >= 3 && forwardIsSmaller(index, targets, firstCost) ? 2 : 1;
  const reverseHops = maxHops - 1 - forward;
  const layers = hopLayers(index, targets, reverseHops, withoutSource, coldest, firstOnly);
  // A node's warmest way on within `steps` ties more than the layers: its own, or a tie
  // followed by a way on one step shorter. Kept only when strictly warmer, so no way on
  // passes its own node again (that way would be no warmer than the shorter one it holds).
  const ways = new Map<number, { cost: number; via: number }>();
  const wayOn = (node: number, steps: number): { cost: number; via: number } => {
    if (steps === 1 && ways.has(node)) return ways.get(node)!;
    let way = { cost: layers.best(reverseHops, node), via: -1 };
    for (let e = index.starts[node]!; e < index.ends[node]!; e++) {
      const x = index.targets[e]!;
      // The source and excluded people are banned; a first-only node is never second.
      if (withoutSource[x] || firstOnly?.[x]) continue;
      const cost = index.costs[e]! + (steps === 1 ? layers.best(reverseHops, x) : wayOn(x, 1).cost);
      if (cost < way.cost) way = { cost, via: x };
    }
    if (steps === 1) ways.set(node, way);
    return way;
  };
  try {
    const best: FoundPath[] = [];
    for (const [first, edge] of firstCost) {
      const onward = wayOn(first, forward);
      const cost = edge + onward.cost;
      if (!Number.isFinite(cost) || cost > coldest) continue;
      const nodes = [source, first];
      for (let step = forward, way = onward; step > 0 && way.via !== -1; step--) {
        nodes.push(way.via);
        if (step > 1) way = ways.get(way.via)!;
      }
      nodes.push(...layers.path(reverseHops, nodes.pop()!));
      best.push({ nodes, cost, warmth: Math.exp(-cost) });
    }
    return best.sort(byCostThenNodes);
  } finally {
    layers.release();
  }
}

/**
 * Whether two ties on from the first introducers (and layers a tie shorter) is less work than
 * one (and the full layers): the layers' last round scans about the targets' ties times their
 * neighbours' degree, the extra forward step the first introducers' ties times theirs.
 */
function forwardIsSmaller(
  index: PathIndex,
  targets: readonly number[],
  firstCost: ReadonlyMap<number, number>,
): boolean {
  const degree = (v: number) => index.ends[v]! - index.starts[v]!;
  let targetTies = 0;
  for (const t of targets) targetTies += degree(t);
  let firstTies = 0;
  for (const f of firstCost.keys()) firstTies += degree(f);
  const reverse = (targetTies * targetTies) / Math.max(1, targets.length) + firstTies;
  const forward = targetTies + (firstTies * firstTies) / Math.max(1, firstCost.size);
  return forward < reverse;
}
