/**
 * A compact adjacency index of an undirected, weighted graph, for the hot path
 * searches: node i's neighbors are `targets[starts[i] .. ends[i])`, with the
 * costs -ln(strength) alongside. Built like CSR (compressed sparse rows), but
 * each row has its own start, end and room (`limits`), so `refresh` can rewrite
 * the rows of the nodes a write touched, and `setEdge` one tie, in place while
 * the row has room, else by moving the row to the end of the pool (with room
 * to grow) without touching the rest. Space left behind is compacted once it
 * makes up half of the pool, so the work stays proportional to what changed.
 *
 * An index built with `fromEdges` also carries a payload per tie, a number in
 * a typed column beside `targets` and `costs` (the projection's tie slot, or its
 * mark for an inferred tie), read back with `payloadAt(slot)`: the index is then
 * the whole graph, and no Graphology graph is needed on the query path. Its
 * arrays can be written out as they are and read back (`columns`, `fromColumns`),
 * so a warm start decodes nothing per tie.
 */
import type { AbstractGraph } from "graphology-types";
import { badInput } from "../../errors.js";
import { checkUndirected, type UndirectedOptions } from "./undirected-graph.js";
import { grown } from "./grown-array.js";

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

/**
 * Ties for `PathIndex.fromEdges`, as columns (tie t joins nodes `a[t]` and `b[t]`, with strength
 * `strength[t]` in (0, 1] and `payload[t]`, an int32): no object per tie, for networks of millions.
 */
export interface IndexEdges {
  a: ArrayLike<number>;
  b: ArrayLike<number>;
  strength: ArrayLike<number>;
  payload: ArrayLike<number>;
}

/** An index's arrays as they are (rows with their room, slots up to `used`), to save and load. */
export interface IndexColumns {
  /** Node keys by index; "" for a removed node. */
  keys: string[];
  starts: Uint32Array;
  ends: Uint32Array;
  limits: Uint32Array;
  targets: Uint32Array;
  costs: Float64Array;
  payloads: Int32Array;
}

export class PathIndex {
  /** Node keys by index; "" where a node was removed (its index may be reused). */
  readonly keys: string[] = [];
  readonly indexOf = new Map<string, number>();
  starts: Uint32Array = new Uint32Array(0);
  ends: Uint32Array = new Uint32Array(0);
  targets: Uint32Array = new Uint32Array(0);
  /** -ln(strength) of each half-edge: 0 for strength 1, growing as ties weaken. */
  costs: Float64Array = new Float64Array(0);
  /** The end of the room each row holds (at least `ends[i]`). */
  limits: Uint32Array = new Uint32Array(0);
  /** The payload of each half-edge slot, for an index built with `fromEdges` (moved with its slot). */
  payloads: Int32Array = new Int32Array(0);
  private carriesPayloads = false;
  /** Slots of the pool handed out to rows, live or not. */
  private used = 0;
  /** Live half-edges. */
  private live = 0;
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
    index.allocateNodes(keys.length);
    for (const key of keys) index.nodeIndex(key);
    const degree = new Uint32Array(keys.length);
    graph.forEachEdge((_edge, _attributes, source, target) => {
      if (source === target) return;
      degree[index.indexOf.get(source)!]!++;
      degree[index.indexOf.get(target)!]!++;
    });
    index.layOutRows(degree);
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

  /**
   * Builds the index from node keys and a list of ties between them (node i is `keys[i]`),
   * each carrying a payload; no graph is needed. A pair must appear at most once.
   */
  static fromEdges(
    keys: readonly string[],
    edges: IndexEdges,
    options: PathIndexOptions = {},
  ): PathIndex {
    const index = new PathIndex(options);
    index.allocateNodes(keys.length);
    for (const key of keys) index.nodeIndex(key);
    const { a, b, strength, payload } = edges;
    const count = payload.length;
    const degree = new Uint32Array(keys.length);
    for (let t = 0; t < count; t++) {
      if (a[t] === b[t]) continue;
      degree[a[t]!]!++;
      degree[b[t]!]!++;
    }
    index.layOutRows(degree);
    index.carriesPayloads = true;
    index.payloads = new Int32Array(index.used);
    const { ends, targets, costs, payloads } = index;
    for (let t = 0; t < count; t++) {
      const x = a[t]!;
      const y = b[t]!;
      if (x === y) continue;
      const cost = costOf(strength[t]!, keys[x]!, keys[y]!);
      const p = payload[t]!;
      let slot = ends[x]!++;
      targets[slot] = y;
      costs[slot] = cost;
      payloads[slot] = p;
      slot = ends[y]!++;
      targets[slot] = x;
      costs[slot] = cost;
      payloads[slot] = p;
    }
    return index;
  }

  /**
   * An index from arrays `columns()` gave (the arrays, keys included, are taken, not copied);
   * throws BAD_USER_INPUT when they do not make an index (a row or a target out of range).
   */
  static fromColumns(columns: IndexColumns, options: PathIndexOptions = {}): PathIndex {
    const { keys, starts, ends, limits, targets, costs, payloads } = columns;
    const index = new PathIndex(options);
    const [nodes, used] = [keys.length, targets.length];
    const fail = (what: string) => badInput("columns", what);
    if (starts.length < nodes || ends.length < nodes || limits.length < nodes)
      throw fail("has fewer rows than keys");
    if (costs.length < used || payloads.length < used)
      throw fail("has columns shorter than targets");
    // Flags rather than keys[] lookups: twenty million checks stay in the cache.
    const removed = new Uint8Array(nodes);
    for (let i = 0; i < nodes; i++) if (keys[i] === "") removed[i] = 1;
    let live = 0;
    for (let i = 0; i < nodes; i++) {
      const [start, end] = [starts[i]!, ends[i]!];
      if (!(start <= end && end <= limits[i]! && limits[i]! <= used))
        throw fail(`has row ${i} out of range`);
      live += end - start;
      if (start < end && removed[i] === 1) throw fail(`has ties from no node`);
      for (let e = start; e < end; e++) {
        const t = targets[e]!;
        if (t >= nodes || removed[t] === 1) throw fail(`has a tie to no node`);
      }
    }
    const { indexOf } = index;
    for (let i = 0; i < nodes; i++) {
      const key = keys[i]!;
      if (removed[i] === 1) index.free.push(i);
      else indexOf.set(key, i);
    }
    (index as { keys: string[] }).keys = keys;
    [index.starts, index.ends, index.limits] = [starts, ends, limits];
    [index.targets, index.costs, index.payloads] = [targets, costs, payloads];
    [index.used, index.live, index.carriesPayloads] = [used, live, true];
    return index;
  }

  /** The index's arrays as they are (views, not copies: save them before the next edit). */
  columns(): IndexColumns {
    const [nodes, used] = [this.keys.length, this.used];
    return {
      keys: this.keys,
      starts: this.starts.subarray(0, nodes),
      ends: this.ends.subarray(0, nodes),
      limits: this.limits.subarray(0, nodes),
      targets: this.targets.subarray(0, used),
      costs: this.costs.subarray(0, used),
      payloads: this.payloads.subarray(0, used),
    };
  }

  private allocateNodes(count: number): void {
    this.starts = new Uint32Array(count);
    this.ends = new Uint32Array(count);
    this.limits = new Uint32Array(count);
  }

  /** Gives each node a row as long as its degree, back to back; `ends` start at the rows' starts. */
  private layOutRows(degree: Uint32Array): void {
    let offset = 0;
    for (let i = 0; i < degree.length; i++) {
      this.starts[i] = this.ends[i] = offset;
      this.limits[i] = offset += degree[i]!;
    }
    this.targets = new Uint32Array(offset);
    this.costs = new Float64Array(offset);
    this.used = this.live = offset;
  }

  /** Node slots, including removed ones: the length of per-node scratch arrays. */
  get size(): number {
    return this.keys.length;
  }

  /** Ties held (each is a half-edge in both its rows). */
  get tieCount(): number {
    return this.live / 2;
  }

  /** Bytes held by the index's typed arrays. */
  get byteLength(): number {
    return (
      this.starts.byteLength +
      this.ends.byteLength +
      this.limits.byteLength +
      this.targets.byteLength +
      this.costs.byteLength +
      this.payloads.byteLength
    );
  }

  /** Brings the rows of `nodes` (their ties as the graph now has them; gone when the node is) up to date. */
  refresh(graph: AbstractGraph, nodes: Iterable<string>): void {
    checkUndirected(graph, this.options);
    for (const key of nodes) {
      if (graph.hasNode(key)) this.rewriteRow(graph, key);
      else this.removeNode(key);
    }
    this.compactWhenSparse();
  }

  /** The node index of `key`, or undefined when the index does not hold it. */
  nodeOf(key: string): number | undefined {
    return this.indexOf.get(key);
  }

  /** Adds a node with no ties (or finds it); returns its index. */
  addNode(key: string): number {
    return this.nodeIndex(key);
  }

  /** Removes a node; its ties must be removed first (`setEdge(..., null)`). */
  dropNode(key: string): void {
    this.removeNode(key);
  }

  /** The slot of the half-edge from node a to node b, or -1 when they are not tied. */
  slotOf(a: number, b: number): number {
    const targets = this.targets;
    for (let e = this.starts[a]!, end = this.ends[a]!; e < end; e++) if (targets[e] === b) return e;
    return -1;
  }

  /** The payload of a half-edge slot (of an index built with `fromEdges`). */
  payloadAt(slot: number): number {
    return this.payloads[slot]!;
  }

  /** Sets the tie between nodes a and b (both directions) to `strength` and `payload`, or removes it with null. */
  setEdge(a: number, b: number, tie: { strength: number; payload: number } | null): void {
    if (a === b) return;
    const cost = tie === null ? 0 : costOf(tie.strength, this.keys[a]!, this.keys[b]!);
    this.setHalf(a, b, tie === null ? null : cost, tie?.payload ?? 0);
    this.setHalf(b, a, tie === null ? null : cost, tie?.payload ?? 0);
    this.compactWhenSparse();
  }

  private setHalf(from: number, to: number, cost: number | null, payload: number): void {
    let slot = this.slotOf(from, to);
    if (cost === null) {
      if (slot === -1) return;
      // Swap the last tie of the row into the hole.
      const last = --this.ends[from]!;
      this.targets[slot] = this.targets[last]!;
      this.costs[slot] = this.costs[last]!;
      if (this.carriesPayloads) this.payloads[slot] = this.payloads[last]!;
      this.live--;
      return;
    }
    if (slot === -1) {
      if (this.ends[from] === this.limits[from])
        this.moveRow(from, this.ends[from]! - this.starts[from]! + 1);
      slot = this.ends[from]!++;
      this.targets[slot] = to;
      this.live++;
    }
    this.costs[slot] = cost;
    if (this.carriesPayloads) this.payloads[slot] = payload;
  }

  /** Moves a row to the end of the pool, with room for `need` ties and as many again. */
  private moveRow(i: number, need: number): void {
    const [start, end] = [this.starts[i]!, this.ends[i]!];
    const room = Math.max(4, need * 2);
    this.targets = grown(this.targets, this.used + room);
    this.costs = grown(this.costs, this.used + room);
    this.targets.copyWithin(this.used, start, end);
    this.costs.copyWithin(this.used, start, end);
    if (this.carriesPayloads) {
      this.payloads = grown(this.payloads, this.used + room);
      this.payloads.copyWithin(this.used, start, end);
    }
    this.starts[i] = this.used;
    this.ends[i] = this.used + end - start;
    this.limits[i] = this.used += room;
  }

  private compactWhenSparse(): void {
    const garbage = this.used - this.live;
    if (garbage > this.options.compactAbove && garbage * 2 > this.used) this.compact();
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
    this.live += row.length - (this.ends[i]! - this.starts[i]!);
    if (row.length > this.limits[i]! - this.starts[i]!) {
      this.targets = grown(this.targets, this.used + row.length);
      this.costs = grown(this.costs, this.used + row.length);
      this.starts[i] = this.used;
      this.limits[i] = this.used += row.length;
    }
    this.targets.set(row, this.starts[i]!);
    this.costs.set(costs, this.starts[i]!);
    this.ends[i] = this.starts[i]! + row.length;
  }

  private removeNode(key: string): void {
    const i = this.indexOf.get(key);
    if (i === undefined) return;
    this.live -= this.ends[i]! - this.starts[i]!;
    this.starts[i] = this.ends[i] = this.limits[i] = 0;
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
      this.limits = grown(this.limits, this.keys.length);
    } else this.keys[i] = key;
    this.starts[i] = this.ends[i] = this.limits[i] = 0;
    this.indexOf.set(key, i);
    return i;
  }

  /** Moves the live rows together, dropping the room and the rows that rewrites left behind. */
  private compact(): void {
    const targets = new Uint32Array(this.live);
    const costs = new Float64Array(this.live);
    const carries = this.carriesPayloads;
    const payloads = new Int32Array(carries ? this.live : 0);
    let offset = 0;
    for (let i = 0; i < this.keys.length; i++) {
      const [start, end] = [this.starts[i]!, this.ends[i]!];
      targets.set(this.targets.subarray(start, end), offset);
      costs.set(this.costs.subarray(start, end), offset);
      if (carries) payloads.set(this.payloads.subarray(start, end), offset);
      this.starts[i] = offset;
      this.ends[i] = this.limits[i] = offset += end - start;
    }
    [this.targets, this.costs, this.used, this.payloads] = [targets, costs, this.live, payloads];
  }
}

/** Builds the index from an undirected graph whose edges carry a `strength` in (0, 1] (a directed one only with `treatAsUndirected`). */
export const buildPathIndex = (graph: AbstractGraph, options?: PathIndexOptions): PathIndex =>
  PathIndex.build(graph, options);
