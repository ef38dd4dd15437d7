/**
 * The owner's network as GEXF 1.2 (gexf.net), Gephi's own format: the same
 * nodes and edges as the GraphML export, with the warmth-model strength as
 * each edge's `weight`. GEXF 1.2 rather than 1.3 because every Gephi release
 * since 0.8 reads it. No notes.
 */
import type { NetworkSnapshot } from "../store/network-snapshot.js";
import { contactsOf, currentEmployerNames } from "./network-csv.js";
import { weightOf, weightText, type TieWeights } from "./network-graphml.js";
import { xmlText } from "./xml-text.js";

const NODE_ATTRIBUTES = [
  ["title", "string"],
  ["company", "string"],
  ["categories", "string"],
  // Not `self`: networkx passes node attributes to add_node() as keyword
  // arguments, and `self` there makes read_gexf crash.
  ["isSelf", "boolean"],
] as const;
const EDGE_ATTRIBUTES = [
  ["rating", "double"],
  ["context", "string"],
  ["since", "string"],
  ["provenance", "string"],
] as const;

const attvalues = (values: readonly (readonly [string, string | null])[]): string => {
  const present = values.filter((v): v is readonly [string, string] => v[1] !== null);
  if (present.length === 0) return "";
  return `<attvalues>${present.map(([id, value]) => `<attvalue for="${id}" value="${xmlText(value)}"/>`).join("")}</attvalues>`;
};

const declarations = (
  cls: "node" | "edge",
  attributes: readonly (readonly [string, string])[],
): string[] => [
  `    <attributes class="${cls}" mode="static">`,
  ...attributes.map(([id, type]) => `      <attribute id="${id}" title="${id}" type="${type}"/>`),
  `    </attributes>`,
];

/** The owner's network (the owner included) as a GEXF document; `now` dates it. */
export function networkGexf(snapshot: NetworkSnapshot, weights: TieWeights, now: Date): string {
  const employers = currentEmployerNames(snapshot);
  const self = snapshot.people.find((p) => p.id === snapshot.selfId);
  const people = self === undefined ? contactsOf(snapshot) : [self, ...contactsOf(snapshot)];
  const out = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">`,
    `  <meta lastmodifieddate="${now.toISOString().slice(0, 10)}">`,
    `    <creator>warmpath</creator>`,
    `    <description>A network of people; edge weight is the warmth of the tie, in (0, 1]</description>`,
    `  </meta>`,
    `  <graph mode="static" defaultedgetype="undirected">`,
    ...declarations("node", NODE_ATTRIBUTES),
    ...declarations("edge", EDGE_ATTRIBUTES),
    `    <nodes>`,
  ];
  for (const p of people) {
    const company = (employers.get(p.id) ?? []).join("; ");
    const values = attvalues([
      ["title", p.title],
      ["company", company === "" ? null : company],
      ["categories", p.categories.length === 0 ? null : p.categories.join("; ")],
      ["isSelf", String(p.id === snapshot.selfId)],
    ]);
    out.push(`      <node id="${xmlText(p.id)}" label="${xmlText(p.name)}">${values}</node>`);
  }
  out.push(`    </nodes>`, `    <edges>`);
  for (const t of snapshot.ties) {
    const values = attvalues([
      ["rating", t.strength === null ? null : String(t.strength)],
      ["context", t.context],
      ["since", t.since],
      ["provenance", t.provenance],
    ]);
    out.push(
      `      <edge id="${xmlText(t.id)}" source="${xmlText(t.personA)}" target="${xmlText(t.personB)}" weight="${weightText(weightOf(weights, t.id))}">${values}</edge>`,
    );
  }
  out.push(`    </edges>`, `  </graph>`, `</gexf>`, "");
  return out.join("\n");
}
