/**
 * How each list filter field selects records, described once so that both
 * adapters translate the same rules (into SQL and into Cypher).
 */
import type { Filters, RecordKind } from "./kinds.js";

export type FilterRule =
  /** The field equals the value. */
  | { op: "eq"; field: string }
  /** The list field contains the value. */
  | { op: "has"; field: string }
  /** Any of the fields contains the text, ignoring case. */
  | { op: "contains"; fields: string[] }
  /** Either field equals the value (a tie's two ends). */
  | { op: "either"; fields: [string, string] }
  | { op: "gte" | "lte"; field: string }
  /** true: the field is null; false: it is set. */
  | { op: "isNull"; field: string }
  /**
   * A person whose name, title, current employer's name or current group's name contains
   * the text, ignoring case and accents (foldText: "chloe" finds Chloé).
   */
  | { op: "personText" }
  /** A record whose name contains the text, ignoring case and accents (foldText). */
  | { op: "nameText" }
  /** A person who currently works at, or belongs to, the organization. */
  | { op: "personAt" };

type Rules<F> = { readonly [K in keyof F]-?: FilterRule };

export const FILTER_RULES: { readonly [K in RecordKind]: Rules<Filters[K]> } = {
  person: {
    text: { op: "personText" },
    category: { op: "has", field: "categories" },
    tag: { op: "has", field: "tags" },
    organizationId: { op: "personAt" },
    location: { op: "contains", fields: ["location"] },
  },
  organization: { text: { op: "nameText" }, kind: { op: "eq", field: "kind" } },
  tie: {
    personId: { op: "either", fields: ["personA", "personB"] },
    provenance: { op: "eq", field: "provenance" },
  },
  employment: {
    personId: { op: "eq", field: "personId" },
    organizationId: { op: "eq", field: "organizationId" },
    current: { op: "isNull", field: "to" },
  },
  membership: {
    personId: { op: "eq", field: "personId" },
    organizationId: { op: "eq", field: "organizationId" },
  },
  interaction: {
    personId: { op: "eq", field: "personId" },
    kind: { op: "eq", field: "kind" },
    needsReply: { op: "eq", field: "needsReply" },
    from: { op: "gte", field: "at" },
    to: { op: "lte", field: "at" },
  },
  followUp: {
    personId: { op: "eq", field: "personId" },
    status: { op: "eq", field: "status" },
    list: { op: "eq", field: "list" },
    dueBy: { op: "lte", field: "due" },
  },
  favor: {
    personId: { op: "eq", field: "personId" },
    direction: { op: "eq", field: "direction" },
    kind: { op: "eq", field: "kind" },
  },
  introRequest: {
    status: { op: "eq", field: "status" },
    targetId: { op: "eq", field: "targetId" },
    introducerId: { op: "eq", field: "introducerId" },
  },
  news: { personId: { op: "eq", field: "personId" } },
  cadence: {},
  draft: {
    batch: { op: "eq", field: "batch" },
    personId: { op: "eq", field: "personId" },
    status: { op: "eq", field: "status" },
  },
};

/** The filter's set fields with their rules, rejecting fields the kind does not have. */
export function activeFilters(
  kind: RecordKind,
  filter: object | undefined,
): { rule: FilterRule; value: unknown; name: string }[] {
  if (!filter) return [];
  const rules = FILTER_RULES[kind] as Record<string, FilterRule>;
  return Object.entries(filter)
    .filter(([, value]) => value !== undefined && value !== null && value !== "")
    .map(([name, value]) => {
      const rule = rules[name];
      if (!rule) throw new TypeError(`unknown ${kind} filter field ${name}`);
      return { rule, value, name };
    });
}
