import { DOMParser } from "@xmldom/xmldom";
import { UndirectedGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { describe, expect, it } from "vitest";
import { networkGexf } from "../../../src/graph/export/network-gexf.js";
import { networkGraphml } from "../../../src/graph/export/network-graphml.js";
import {
  expectedContact,
  HOSTILE,
  hostileNetwork,
  hostileWeights,
  personId,
  SELF_ID,
} from "../../support/hostile-network.js";
import { all, parseXml } from "../../support/xml-reader.js";

const NOW = new Date("2026-11-22T12:00:00Z");
const snapshot = hostileNetwork();
const weights = hostileWeights(snapshot);

/** xmldom, made to throw on any warning or error instead of repairing the document. */
function strictDom(xml: string) {
  const raise = (message: string): never => {
    throw new Error(`xmldom: ${message}`);
  };
  return new DOMParser({
    errorHandler: { warning: raise, error: raise, fatalError: raise },
  }).parseFromString(xml, "application/xml");
}

/** What a graph tool must read for each person: the values written by hand, the owner's as stored. */
function expectedNodes(): Map<string, Record<string, unknown>> {
  const nodes = new Map<string, Record<string, unknown>>([
    [SELF_ID, { label: "Me Myself", isSelf: true }],
  ]);
  HOSTILE.forEach((_, i) => {
    const c = expectedContact(i);
    nodes.set(personId(i), {
      label: c.name,
      title: c.title,
      company: c.company,
      isSelf: false,
      ...(c.categories.length > 0 ? { categories: c.categories.join("; ") } : {}),
    });
  });
  return nodes;
}

/** What a graph tool must read for each tie: its ends, its warmth to six places, and the stored fields it has. */
function expectedEdges(): Map<string, { ends: string[]; attributes: Record<string, unknown> }> {
  return new Map(
    snapshot.ties.map((t) => [
      t.id,
      {
        ends: [t.personA, t.personB].sort(),
        attributes: {
          weight: Number(weights.get(t.id)!.toFixed(6)),
          provenance: t.provenance,
          ...(t.strength !== null ? { rating: t.strength } : {}),
          ...(t.context !== null ? { context: t.context } : {}),
          ...(t.since !== null ? { since: t.since } : {}),
        },
      },
    ]),
  );
}

/** The graph as read back: every node's and edge's attributes, and each edge's ends. */
function readBack(graph: UndirectedGraph) {
  const nodes = new Map(graph.mapNodes((node, attributes) => [node, attributes] as const));
  const edges = new Map(
    graph.mapEdges(
      (edge, attributes, source, target) =>
        [edge, { ends: [source, target].sort(), attributes }] as const,
    ),
  );
  return { nodes, edges };
}

// networkx's readers pass attributes to add_node()/add_edge() as keyword arguments, so these names collide with their parameters.
const NETWORKX_PARAMETERS = ["self", "node_for_adding", "u_of_edge", "v_of_edge", "key"];

describe("the GraphML export read by graphology-graphml", () => {
  const content = networkGraphml(snapshot, weights);

  it("is well-formed XML 1.0 with no character XML forbids, even escaped, and xmldom reads it without a warning", () => {
    expect(() => parseXml(content)).not.toThrow();
    expect(() => strictDom(content)).not.toThrow();
  });

  it("reads back every node and edge with the attributes exported, hostile strings as written by hand", () => {
    const graph = parseGraphml(UndirectedGraph, strictDom(content));
    // The constructor refuses a directed edge, so an undirected graph came back.
    expect(graph.type).toBe("undirected");
    const { nodes, edges } = readBack(graph);
    expect(nodes).toEqual(expectedNodes());
    expect(edges).toEqual(expectedEdges());
  });

  it("declares each key with an attr.type its every value is written in, and no name networkx cannot take", () => {
    const root = parseXml(content);
    const types = new Map(
      all(root, "key").map((k) => [k.attributes.id!, k.attributes["attr.type"]!]),
    );
    const LEXICAL: Record<string, RegExp> = {
      boolean: /^(true|false)$/,
      double: /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/,
      string: /^/,
    };
    for (const d of all(root, "data"))
      expect(d.text, `${d.attributes.key} = ${d.text}`).toMatch(
        LEXICAL[types.get(d.attributes.key!)!]!,
      );
    const names = all(root, "key").map((k) => k.attributes["attr.name"]!);
    expect(
      names.filter((n) => NETWORKX_PARAMETERS.includes(n) || !/^[A-Za-z_]\w*$/.test(n)),
    ).toEqual([]);
    expect(names).toContain("isSelf");
  });
});

describe("the GEXF export read by graphology-gexf", () => {
  const content = networkGexf(snapshot, weights, NOW);

  it("is well-formed XML 1.0 with no character XML forbids, even escaped, and xmldom reads it without a warning", () => {
    expect(() => parseXml(content)).not.toThrow();
    expect(() => strictDom(content)).not.toThrow();
  });

  it("reads back every node and edge with the attributes exported, hostile strings as written by hand", () => {
    // Undeclared attributes stay refused: every attvalue must name a declared attribute.
    const graph = parseGexf(UndirectedGraph, strictDom(content), {
      allowUndeclaredAttributes: false,
    });
    expect(graph.type).toBe("undirected");
    expect(graph.getAttribute("lastModifiedDate")).toBe("2026-11-22");
    const { nodes, edges } = readBack(graph);
    expect(nodes).toEqual(expectedNodes());
    expect(edges).toEqual(expectedEdges());
  });

  it("declares each attribute with a type its every value is written in, and no name networkx cannot take", () => {
    const root = parseXml(content);
    const types = new Map(
      all(root, "attribute").map((a) => [a.attributes.id!, a.attributes.type!]),
    );
    const LEXICAL: Record<string, RegExp> = {
      boolean: /^(true|false)$/,
      double: /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/,
      string: /^/,
    };
    for (const v of all(root, "attvalue"))
      expect(v.attributes.value, `${v.attributes.for}`).toMatch(
        LEXICAL[types.get(v.attributes.for!)!]!,
      );
    for (const e of all(root, "edge")) expect(e.attributes.weight).toMatch(LEXICAL.double!);
    const titles = all(root, "attribute").map((a) => a.attributes.title!);
    expect(
      titles.filter((n) => NETWORKX_PARAMETERS.includes(n) || !/^[A-Za-z_]\w*$/.test(n)),
    ).toEqual([]);
    expect(titles).toContain("isSelf");
  });
});
