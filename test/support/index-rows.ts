import type { PathIndex } from "../../src/graph/path-index/path-index.js";

/** A path index's rows by node key, sorted: equal for two indexes of one graph whatever their node numbering. */
export function indexRows(index: PathIndex): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, i] of index.indexOf) {
    const row: string[] = [];
    for (let e = index.starts[i]!; e < index.ends[i]!; e++)
      row.push(`${index.keys[index.targets[e]!]} ${index.costs[e]!.toFixed(12)}`);
    out[key] = row.sort();
  }
  return out;
}
