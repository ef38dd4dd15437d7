/**
 * Where each record kind lives in the graph. People, organizations and the
 * owner's notes about people are nodes; ties, employment and membership are
 * relationships between the records they connect. Every label, type and
 * property name in the adapter's Cypher comes from here or from the static
 * specs, never from input.
 */
import type { RecordKind } from "../../model/kinds.js";

/** A record stored as a node; each reference field is also a relationship to the person it names. */
export interface NodeLayout {
  readonly form: "node";
  readonly label: string;
  /** Reference field -> relationship type from this node to the referenced record. */
  readonly links: Readonly<Record<string, string>>;
}

/** A record stored as a relationship from the record in `from.field` to the one in `to.field`. */
export interface RelLayout {
  readonly form: "rel";
  readonly type: string;
  readonly from: { readonly field: string; readonly label: string };
  readonly to: { readonly field: string; readonly label: string };
}

export type Layout = NodeLayout | RelLayout;

const node = (label: string, links: Record<string, string> = {}): NodeLayout => ({
  form: "node",
  label,
  links,
});
const rel = (
  type: string,
  from: string,
  fromLabel: string,
  to: string,
  toLabel: string,
): RelLayout => ({
  form: "rel",
  type,
  from: { field: from, label: fromLabel },
  to: { field: to, label: toLabel },
});

export const LAYOUT: { readonly [K in RecordKind]: Layout } = {
  person: node("Person"),
  organization: node("Organization"),
  tie: rel("KNOWS", "personA", "Person", "personB", "Person"),
  employment: rel("WORKS_AT", "personId", "Person", "organizationId", "Organization"),
  membership: rel("MEMBER_OF", "personId", "Person", "organizationId", "Organization"),
  interaction: node("Interaction", { personId: "ABOUT" }),
  followUp: node("FollowUp", { personId: "ABOUT" }),
  favor: node("Favor", { personId: "ABOUT" }),
  introRequest: node("IntroRequest", { targetId: "TARGET", introducerId: "INTRODUCER" }),
  news: node("News", { personId: "ABOUT" }),
  cadence: node("Cadence"),
  draft: node("Draft", { personId: "ABOUT" }),
};

/** Labels of the nodes a record reference can name. */
export const REF_LABELS = { person: "Person", organization: "Organization" } as const;

/** A property name quoted for Cypher (`from` and `to` are keywords). */
export const prop = (alias: string, name: string): string => `${alias}.\`${name}\``;

/**
 * The MATCH pattern binding a kind's records to `n`; relationship records also
 * bind their start node to `s` and their end node to `e`.
 */
export function patternOf(kind: RecordKind, props = ""): string {
  const layout = LAYOUT[kind];
  const inner = props === "" ? "" : ` ${props}`;
  return layout.form === "node"
    ? `(n:${layout.label}${inner})`
    : `(s:${layout.from.label})-[n:${layout.type}${inner}]->(e:${layout.to.label})`;
}
