/**
 * The owner's network as GraphML (graphml.graphdrawing.org), which Gephi,
 * yEd, Cytoscape and NetworkX read: people are nodes (label, title, current
 * company, categories, isSelf for the owner), stored ties are undirected edges whose `weight` is
 * the warmth-model strength the path engine searches on, with the user's own
 * rating, context, since and provenance beside it. Notes stay out: they are
 * private to the owner. Inferred ties are not written: they are derived from
 * the employment and membership a graph tool can recompute, not facts.
 */
import { invariant } from "../../errors.js";
import type { NetworkSnapshot } from "../store/network-snapshot.js";
import { contactsOf, currentEmployerNames } from "./network-csv.js";
import { xmlText } from "./xml-text.js";

/** A weight written with enough digits to rank paths the same way, and no float noise. */
export const weightText = (weight: number): string => String(Number(weight.toFixed(6)));

/** The warmth-model strength of each stored tie, by tie id. */
export type TieWeights = ReadonlyMap<string, number>;

/** A tie's weight; every tie of the snapshot has one, so a missing weight is a bug. */
export function weightOf(weights: TieWeights, tieId: string): number {
  const weight = weights.get(tieId);
  invariant(weight !== undefined, `no weight for tie ${tieId}`);
  return weight;
}

const NODE_KEYS = [
  ["label", "string"],
  ["title", "string"],
  ["company", "string"],
  ["categories", "string"],
  // Not `self`: networkx passes node attributes to add_node() as keyword
  // arguments, and `self` there makes read_graphml crash.
  ["isSelf", "boolean"],
] as const;
const EDGE_KEYS = [
  ["weight", "double"],
  ["rating", "double"],
  ["context", "string"],
  ["since", "string"],
  ["provenance", "string"],
] as const;

const data = (key: string, value: string | null): string =>
  value === null ? "" : `<data key="${key}">${xmlText(value)}</data>`;

/** The owner's network (the owner included, where every path starts) as a GraphML document. */
export function networkGraphml(snapshot: NetworkSnapshot, weights: TieWeights): string {
  const employers = currentEmployerNames(snapshot);
  const self = snapshot.people.find((p) => p.id === snapshot.selfId);
  const people = self === undefined ? contactsOf(snapshot) : [self, ...contactsOf(snapshot)];
  const out = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`,
    ...NODE_KEYS.map(
      ([name, type]) => `  <key id="${name}" for="node" attr.name="${name}" attr.type="${type}"/>`,
    ),
    ...EDGE_KEYS.map(
      ([name, type]) => `  <key id="${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`,
    ),
    `  <graph id="warmpath" edgedefault="undirected">`,
  ];
  for (const p of people) {
    const company = (employers.get(p.id) ?? []).join("; ");
    out.push(
      `    <node id="${xmlText(p.id)}">` +
        data("label", p.name) +
        data("title", p.title) +
        data("company", company === "" ? null : company) +
        data("categories", p.categories.length === 0 ? null : p.categories.join("; ")) +
        data("isSelf", String(p.id === snapshot.selfId)) +
        `</node>`,
    );
  }
  for (const t of snapshot.ties) {
    out.push(
      `    <edge id="${xmlText(t.id)}" source="${xmlText(t.personA)}" target="${xmlText(t.personB)}">` +
        data("weight", weightText(weightOf(weights, t.id))) +
        data("rating", t.strength === null ? null : String(t.strength)) +
        data("context", t.context) +
        data("since", t.since) +
        data("provenance", t.provenance) +
        `</edge>`,
    );
  }
  out.push(`  </graph>`, `</graphml>`, "");
  return out.join("\n");
}
