/**
 * A realistic synthetic social network for path benchmarks: the Holme-Kim
 * model (preferential attachment, so degrees are heavy-tailed, plus triad
 * formation, so friends of friends cluster), about 2m ties per person.
 */
import { UndirectedGraph } from "graphology";
import { rng } from "./synthetic-network.js";

export function socialGraph(
  people: number,
  m = 10,
  triadProbability = 0.6,
  seed = 42,
): UndirectedGraph {
  const random = rng(seed);
  const graph = new UndirectedGraph();
  const ends: number[] = []; // every tie's two ends: sampling it is preferential attachment
  const neighbors: number[][] = [];
  const strength = () => Math.round((0.05 + 0.95 * random() ** 1.5) * 1000) / 1000;
  const link = (a: number, b: number) => {
    if (a === b || graph.hasEdge(String(a), String(b))) return false;
    graph.addEdge(String(a), String(b), { strength: strength() });
    ends.push(a, b);
    neighbors[a]!.push(b);
    neighbors[b]!.push(a);
    return true;
  };
  for (let v = 0; v < people; v++) {
    graph.addNode(String(v));
    neighbors.push([]);
    if (v === 0) continue;
    let last = -1;
    for (let added = 0, tries = 0; added < Math.min(m, v) && tries < 10 * m; tries++) {
      const pool = last >= 0 && random() < triadProbability ? neighbors[last]! : null;
      const target =
        pool && pool.length > 0
          ? pool[Math.floor(random() * pool.length)]!
          : ends.length > 0
            ? ends[Math.floor(random() * ends.length)]!
            : 0;
      if (link(v, target)) {
        added++;
        last = target;
      }
    }
  }
  return graph;
}
