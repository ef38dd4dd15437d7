/** Translates the shared filter rules (model/filter-rules.ts) into a Cypher WHERE with parameters. */
import { activeFilters, type FilterRule } from "../../model/filter-rules.js";
import type { RecordKind } from "../../model/kinds.js";
import { LAYOUT, prop } from "./neo4j-layout.js";

export interface CypherWhere {
  /** Conditions joined by AND; empty when the filter selects everything. */
  cypher: string;
  params: Record<string, unknown>;
}

/** A field of the record bound to `n`; a relationship's ends are read from its end nodes `s` and `e`. */
export function fieldExpr(kind: RecordKind, field: string): string {
  const layout = LAYOUT[kind];
  if (layout.form === "rel") {
    if (field === layout.from.field) return "s.id";
    if (field === layout.to.field) return "e.id";
  }
  return prop("n", field);
}

const contains = (expr: string, param: string): string =>
  `toLower(coalesce(${expr}, '')) CONTAINS toLower(${param})`;

function clause(kind: RecordKind, rule: FilterRule, value: unknown, param: string): string {
  const field = (name: string): string => fieldExpr(kind, name);
  switch (rule.op) {
    case "eq":
      return `${field(rule.field)} = ${param}`;
    case "has":
      return `${param} IN ${field(rule.field)}`;
    case "contains":
      return `(${rule.fields.map((f) => contains(field(f), param)).join(" OR ")})`;
    case "either":
      return `(${field(rule.fields[0])} = ${param} OR ${field(rule.fields[1])} = ${param})`;
    case "gte":
      return `${field(rule.field)} >= ${param}`;
    case "lte":
      return `${field(rule.field)} <= ${param}`;
    case "isNull":
      return `${field(rule.field)} IS ${value ? "" : "NOT "}NULL`;
    case "personText":
      return `(${contains("n.name", param)} OR ${contains("n.title", param)} OR EXISTS {
        MATCH (n)-[w:WORKS_AT]->(o:Organization) WHERE w.\`to\` IS NULL AND ${contains("o.name", param)} })`;
    case "personAt":
      return `(EXISTS { MATCH (n)-[w:WORKS_AT]->(:Organization {id: ${param}}) WHERE w.\`to\` IS NULL }
        OR EXISTS { MATCH (n)-[m:MEMBER_OF]->(:Organization {id: ${param}}) WHERE m.until IS NULL })`;
  }
}

/** The WHERE conditions for a kind's filter, over `n` (and `s`, `e` for relationship kinds). */
export function whereOf(kind: RecordKind, filter: object | undefined): CypherWhere {
  const params: Record<string, unknown> = {};
  const parts = activeFilters(kind, filter).map(({ rule, value }, i) => {
    params[`f${i}`] = value;
    return clause(kind, rule, value, `$f${i}`);
  });
  return { cypher: parts.join(" AND "), params };
}
