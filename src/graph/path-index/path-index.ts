/**
 * A compact adjacency index of an undirected, weighted graph, for the hot path
 * searches: node i's neighbors are `targets[starts[i] .. ends[i])`, with the
 * costs -ln(strength) alongside. Built like CSR (compressed sparse rows), but
 * each row has its own start and end, so `refresh` can rewrite the rows of the
 * nodes a write touched (in place when the row does not grow, else appended)
 * without rebuilding the rest. Rows left behind are compacted once they make up
 * half of the pool, so the work stays proportional to what changed.
 */
import type { AbstractGraph } from "graphology-types";
import { badInput } from "../../errors.js";
import { checkUndirected, type UndirectedOptions } from "./undirected-graph.js";

export interface PathIndexOptions extends UndirectedOptions {
  /** An edge's strength in (0, 1]. Default: its `strength` attribute. */
  strengthOf?: (attributes: Record<string, unknown>) => number;
  /** Slots left behind by rewrites before a compaction is considered (it also waits for them to be half the pool). */
  compactAbove?: number;
}

export const PATH_INDEX_DEFAULTS = Object.freeze({
  strengthOf: (a: Record<string, unknown>) => Number(a.strength),
  compactAbove: 1024,
  treatAsUndirected: false,
});

function costOf(strength: number, source: string, target: string): number {
  if (!(strength > 0 && strength <= 1))
    throw badInput("graph", `edge ${source}-${target} has strength ${strength}, outside (0, 1]`);
  return -Math.log(strength);
}

function grown<T extends Uint32Array | Float64Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const next = new (array.constructor as new (n: number) => T)(
    Math.max(size, Math.ceil(array.length * 1.5), 16),
  );
  next.set(array);
  return next;
}

export class PathIndex {
  /** Node keys by index; "" where a node was removed (its index may be reused). */
  readonly keys: string[] = [];
  readonly indexOf = new Map<string, number>();
  starts = new Uint32Array(0);
  ends = new Uint32Array(0);
  targets = new Uint32Array(0);
  /** -ln(strength) of each half-edge: 0 for strength 1, growing as ties weaken. */
  costs = new Float64Array(0);
  /** Slots of the pool in use, live or left behind. */
  private used = 0;
  private garbage = 0;
  private readonly free: number[] = [];

  private readonly options: Required<PathIndexOptions>;

  private constructor(options: PathIndexOptions) {
    this.options = { ...PATH_INDEX_DEFAULTS, ...options };
  }

  /** Builds the index from an undirected graph whose edges carry a `strength` in (0, 1]. */
  static build(graph: AbstractGraph, options: PathIndexOptions = {}): PathIndex {
    checkUndirected(graph, options);
    const index = new PathIndex(options);
    const { strengthOf } = index.options;
    const keys = graph.nodes();
    [index.starts, index.ends] = [new Uint32Array(keys.length), new Uint32Array(keys.length)];
    for (const key of keys) index.nodeIndex(key);
    const degree = new Uint32Array(keys.length);
    graph.forEachEdge((_edge, _attributes, source, target) => {
      if (source === target) return;
      degree[index.indexOf.get(source)!]!++;
      degree[index.indexOf.get(target)!]!++;
    });
    let offset = 0;
    for (let i = 0; i < keys.length; i++) {
      index.starts[i] = index.ends[i] = offset;
      offset += degree[i]!;
    }
    index.targets = new Uint32Array(offset);
    index.costs = new Float64Array(offset);
    index.used = offset;
    graph.forEachEdge((_edge, attributes, source, target) => {
      if (source === target) return;
      const cost = costOf(strengthOf(attributes), source, target);
      const [s, t] = [index.indexOf.get(source)!, index.indexOf.get(target)!];
      for (const [from, to] of [
        [s, t],
        [t, s],
      ] as const) {
        const slot = index.ends[from]!++;
        index.targets[slot] = to;
        index.costs[slot] = cost;
      }
    });
    return index;
  }

  /** Node slots, including removed ones: the length of per-node scratch arrays. */
  get size(): number {
    return this.keys.length;
  }

  /** Bytes held by the index's typed arrays. */
  get byteLength(): number {
    return (
      this.starts.byteLength +
      this.ends.byteLength +
      this.targets.byteLength +
      this.costs.byteLength
    );
  }

  /** Brings the rows of `nodes` (their ties as the graph now has them; gone when the node is) up to date. */
  refresh(graph: AbstractGraph, nodes: Iterable<string>): void {
    checkUndirected(graph, this.options);
    for (const key of nodes) {
      if (graph.hasNode(key)) this.rewriteRow(graph, key);
      else this.removeNode(key);
    }
    if (this.garbage > this.options.compactAbove && this.garbage * 2 > this.used) this.compact();
  }

  private rewriteRow(graph: AbstractGraph, key: string): void {
    const row: number[] = [];
    const costs: number[] = [];
    graph.forEachEdge(key, (_edge, attributes, source, target) => {
      const other = source === key ? target : source;
      if (other === key) return;
      row.push(this.nodeIndex(other));
      costs.push(costOf(this.options.strengthOf(attributes), source, target));
    });
    const i = this.nodeIndex(key);
    const had = this.ends[i]! - this.starts[i]!;
    if (row.length > had) {
      this.garbage += had;
      this.targets = grown(this.targets, this.used + row.length);
      this.costs = grown(this.costs, this.used + row.length);
      this.starts[i] = this.used;
      this.used += row.length;
    } else this.garbage += had - row.length;
    this.targets.set(row, this.starts[i]!);
    this.costs.set(costs, this.starts[i]!);
    this.ends[i] = this.starts[i]! + row.length;
  }

  private removeNode(key: string): void {
    const i = this.indexOf.get(key);
    if (i === undefined) return;
    this.garbage += this.ends[i]! - this.starts[i]!;
    this.starts[i] = this.ends[i] = 0;
    this.keys[i] = "";
    this.indexOf.delete(key);
    this.free.push(i);
  }

  /** The index of a node, given a (reused or new) slot with an empty row if it had none. */
  private nodeIndex(key: string): number {
    const known = this.indexOf.get(key);
    if (known !== undefined) return known;
    const i = this.free.pop() ?? this.keys.length;
    if (i === this.keys.length) {
      this.keys.push(key);
      this.starts = grown(this.starts, this.keys.length);
      this.ends = grown(this.ends, this.keys.length);
    } else this.keys[i] = key;
    this.starts[i] = this.ends[i] = 0;
    this.indexOf.set(key, i);
    return i;
  }

  /** Moves the live rows together, dropping what rewrites left behind. */
  private compact(): void {
    const live = this.used - this.garbage;
    const targets = new Uint32Array(live);
    const costs = new Float64Array(live);
    let offset = 0;
    for (let i = 0; i < this.keys.length; i++) {
      const [start, end] = [this.starts[i]!, this.ends[i]!];
      targets.set(this.targets.subarray(start, end), offset);
      costs.set(this.costs.subarray(start, end), offset);
      this.starts[i] = offset;
      this.ends[i] = offset += end - start;
    }
    [this.targets, this.costs, this.used, this.garbage] = [targets, costs, live, 0];
  }
}

/** Builds the index from an undirected graph whose edges carry a `strength` in (0, 1] (a directed one only with `treatAsUndirected`). */
export const buildPathIndex = (graph: AbstractGraph, options?: PathIndexOptions): PathIndex =>
  PathIndex.build(graph, options);
