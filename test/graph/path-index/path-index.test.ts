import fc from "fast-check";
import { DirectedGraph, UndirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { ErrorCode, isWarmpathError, WarmpathError } from "../../../src/errors.js";
import { buildPathIndex, PathIndex } from "../../../src/graph/path-index/path-index.js";
import { warmestPaths } from "../../../src/graph/paths/warmest-paths.js";
import { indexRows } from "../../support/index-rows.js";

type Change =
  | { op: "tie"; a: number; b: number; strength: number }
  | { op: "untie"; a: number; b: number }
  | { op: "drop"; a: number }
  | { op: "add"; a: number };

const changes: fc.Arbitrary<Change> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant("tie" as const),
      a: fc.nat(59),
      b: fc.nat(59),
      strength: fc.constantFrom(1, 0.8, 0.4, 0.1),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant("untie" as const), a: fc.nat(59), b: fc.nat(59) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("drop" as const), a: fc.nat(59) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant("add" as const), a: fc.nat(59) }) },
);

/** Applies one change to the graph and returns the nodes whose ties it touched. */
function apply(graph: UndirectedGraph, change: Change): string[] {
  const [a, b] = [String(change.a), "b" in change ? String(change.b) : ""];
  if (change.op === "add") return graph.hasNode(a) ? [] : (graph.addNode(a), [a]);
  if (!graph.hasNode(a)) return [];
  if (change.op === "drop") {
    const touched = [a, ...graph.neighbors(a)];
    graph.dropNode(a);
    return touched;
  }
  if (a === b || !graph.hasNode(b)) return [];
  if (change.op === "untie") return graph.hasEdge(a, b) ? (graph.dropEdge(a, b), [a, b]) : [];
  graph.mergeEdge(a, b, { strength: change.strength });
  return [a, b];
}

describe("the path index", () => {
  it("rejects a strength outside (0, 1]", () => {
    const graph = new UndirectedGraph();
    graph.mergeEdge("a", "b", { strength: 0 });
    expect(() => buildPathIndex(graph)).toThrow(/outside \(0, 1\]/);
  });

  it("refuses a directed graph with BAD_USER_INPUT on graph, at build and at refresh, unless told to read edges both ways", () => {
    const directed = new DirectedGraph();
    directed.mergeEdge("a", "b", { strength: 0.5 });
    directed.mergeEdge("c", "b", { strength: 0.5 });
    const refused = (call: () => unknown) => {
      const error = (() => {
        try {
          call();
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(WarmpathError);
      expect([(error as WarmpathError).code, (error as WarmpathError).field]).toEqual([
        ErrorCode.BAD_USER_INPUT,
        "graph",
      ]);
    };
    refused(() => buildPathIndex(directed));
    const index = buildPathIndex(new UndirectedGraph());
    refused(() => index.refresh(directed, ["a"]));
    // Told to, a -> b <- c is a chain of ties a - b - c.
    const both = buildPathIndex(directed, { treatAsUndirected: true });
    const [path] = warmestPaths(both, both.indexOf.get("a")!, [both.indexOf.get("c")!]);
    expect(path!.nodes.map((i) => both.keys[i])).toEqual(["a", "b", "c"]);
    const undirected = new UndirectedGraph();
    undirected.mergeEdge("a", "b", { strength: 0.5 });
    undirected.mergeEdge("c", "b", { strength: 0.5 });
    expect(indexRows(both)).toEqual(indexRows(buildPathIndex(undirected)));
  });

  it("keeps each tie in both rows, with cost -ln(strength)", () => {
    const graph = new UndirectedGraph();
    graph.mergeEdge("a", "b", { strength: 0.5 });
    graph.addNode("c");
    const index = buildPathIndex(graph);
    expect(indexRows(index)).toEqual({
      a: [`b ${Math.LN2.toFixed(12)}`],
      b: [`a ${Math.LN2.toFixed(12)}`],
      c: [],
    });
    // starts, ends and limits per node; a target and a cost per half-edge.
    expect(index.byteLength).toBe(3 * 4 * 3 + 2 * (4 + 8));
  });

  it("refreshed row by row after any changes, holds what an index built afresh holds (property)", () => {
    fc.assert(
      fc.property(
        fc.array(changes, { minLength: 200, maxLength: 3000, size: "max" }),
        (sequence) => {
          const graph = new UndirectedGraph();
          for (let i = 0; i < 40; i++) graph.addNode(String(i));
          // A low compaction threshold, so that long sequences compact several times.
          const index = buildPathIndex(graph, { compactAbove: 16 });
          for (const change of sequence) index.refresh(graph, apply(graph, change));
          expect(indexRows(index)).toEqual(indexRows(buildPathIndex(graph)));
          // Removed slots are reused, so the node table never outgrows the nodes ever seen at once by much.
          expect(index.size).toBeLessThanOrEqual(60);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("edited tie by tie (setEdge, addNode, dropNode), holds the rows and payloads of an index built afresh from the edge list (property)", () => {
    fc.assert(
      fc.property(
        fc.array(changes, { minLength: 200, maxLength: 3000, size: "max" }),
        (sequence) => {
          const graph = new UndirectedGraph();
          for (let i = 0; i < 40; i++) graph.addNode(String(i));
          const keys = graph.nodes();
          // A low compaction threshold, so that long sequences compact several times.
          const none = { a: [], b: [], strength: [], payload: [] };
          const index = PathIndex.fromEdges(keys, none, { compactAbove: 16 });
          const payloadOf = (a: string, b: string) =>
            Math.min(Number(a), Number(b)) * 10_000 + Math.max(Number(a), Number(b));
          for (const change of sequence) {
            const [a, b] = [String(change.a), "b" in change ? String(change.b) : ""];
            if (change.op === "add" && !graph.hasNode(a)) index.addNode(a);
            if (change.op === "drop" && graph.hasNode(a))
              for (const other of graph.neighbors(a))
                index.setEdge(index.nodeOf(a)!, index.nodeOf(other)!, null);
            const wasTied = graph.hasNode(a) && graph.hasNode(b) && graph.hasEdge(a, b);
            apply(graph, change);
            if (change.op === "drop" && !graph.hasNode(a)) index.dropNode(a);
            if (change.op === "untie" && wasTied)
              index.setEdge(index.nodeOf(a)!, index.nodeOf(b)!, null);
            if (change.op === "tie" && a !== b && graph.hasEdge(a, b))
              index.setEdge(index.nodeOf(a)!, index.nodeOf(b)!, {
                strength: change.strength,
                payload: payloadOf(a, b),
              });
          }
          const nodes = graph.nodes();
          const at = new Map(nodes.map((key, i) => [key, i]));
          const ends = graph.mapEdges(
            (_e, attributes, s, t) => [s, t, attributes.strength] as const,
          );
          const fresh = PathIndex.fromEdges(nodes, {
            a: ends.map(([s]) => at.get(s)!),
            b: ends.map(([, t]) => at.get(t)!),
            strength: ends.map(([, , strength]) => strength as number),
            payload: ends.map(([s, t]) => payloadOf(s, t)),
          });
          expect(indexRows(index)).toEqual(indexRows(fresh));
          const payloads = (i: PathIndex) =>
            [...i.indexOf.values()]
              .flatMap((n) =>
                Array.from({ length: i.ends[n]! - i.starts[n]! }, (_, k) =>
                  i.payloadAt(i.starts[n]! + k),
                ),
              )
              .sort();
          expect(payloads(index)).toEqual(payloads(fresh));
          // Its arrays, saved as they are and read back, make the same index.
          const { keys: saved, ...arrays } = index.columns();
          const copies = Object.fromEntries(
            Object.entries(arrays).map(([name, array]) => [name, array.slice()]),
          ) as unknown as Omit<ReturnType<PathIndex["columns"]>, "keys">;
          const loaded = PathIndex.fromColumns({ keys: [...saved], ...copies });
          expect(indexRows(loaded)).toEqual(indexRows(index));
          expect(payloads(loaded)).toEqual(payloads(index));
          expect(loaded.tieCount).toBe(index.tieCount);
          expect(index.tieCount).toBe(graph.size);
          expect(index.size).toBeLessThanOrEqual(60);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("refuses columns that do not make an index", () => {
    const good = () =>
      PathIndex.fromEdges(["a", "b", "c"], {
        a: [0, 1],
        b: [1, 2],
        strength: [0.5, 0.5],
        payload: [0, 1],
      }).columns();
    const copy = () => {
      const { keys, ...arrays } = good();
      return { keys: [...keys], ...arrays };
    };
    expect(PathIndex.fromColumns(copy()).tieCount).toBe(2);
    const outOfRange = copy();
    outOfRange.ends[0] = outOfRange.targets.length + 1;
    const toNoNode = copy();
    toNoNode.targets[0] = 3;
    const toRemoved = copy();
    toRemoved.keys[2] = "";
    // Node 0's row is kept but its key is gone: ties from a removed node.
    const fromRemoved = copy();
    fromRemoved.keys[0] = "";
    fromRemoved.targets[fromRemoved.starts[1]!] = 2;
    for (const columns of [outOfRange, toNoNode, toRemoved, fromRemoved]) {
      let error: unknown;
      try {
        PathIndex.fromColumns(columns);
      } catch (e) {
        error = e;
      }
      expect(isWarmpathError(error, "BAD_USER_INPUT")).toBe(true);
    }
  });
});
