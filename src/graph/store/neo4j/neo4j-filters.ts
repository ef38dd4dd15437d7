/** Translates the shared filter rules (model/filter-rules.ts) into a Cypher WHERE with parameters. */
import { activeFilters, type FilterRule } from "../../model/filter-rules.js";
import type { RecordKind } from "../../model/kinds.js";
import { foldText } from "../../model/fold-text.js";
import { LAYOUT, prop } from "./neo4j-layout.js";
import { foldedProp } from "./neo4j-records.js";

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

/**
 * The folded copy of a field (neo4j-records.ts) contains the folded text; a record written
 * before the copies existed and not yet backfilled falls back to its field in lower case.
 */
const folds = (node: string, field: string, param: string): string =>
  `coalesce(${node}.${foldedProp(field)}, toLower(${node}.${field}), '') CONTAINS ${param}`;

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
      return `(${folds("n", "name", param)} OR ${folds("n", "title", param)} OR EXISTS {
        MATCH (n)-[w:WORKS_AT]->(o:Organization) WHERE w.\`to\` IS NULL AND ${folds("o", "name", param)} }
        OR EXISTS {
        MATCH (n)-[m:MEMBER_OF]->(o:Organization) WHERE m.until IS NULL AND ${folds("o", "name", param)} })`;
    case "nameText":
      return folds("n", "name", param);
    case "personAt":
      return `(EXISTS { MATCH (n)-[w:WORKS_AT]->(:Organization {id: ${param}}) WHERE w.\`to\` IS NULL }
        OR EXISTS { MATCH (n)-[m:MEMBER_OF]->(:Organization {id: ${param}}) WHERE m.until IS NULL })`;
  }
}

/** The WHERE conditions for a kind's filter, over `n` (and `s`, `e` for relationship kinds). */
export function whereOf(kind: RecordKind, filter: object | undefined): CypherWhere {
  const params: Record<string, unknown> = {};
  const parts = activeFilters(kind, filter).map(({ rule, value }, i) => {
    const folded = rule.op === "personText" || rule.op === "nameText";
    params[`f${i}`] = folded ? foldText(String(value)) : value;
    return clause(kind, rule, value, `$f${i}`);
  });
  return { cypher: parts.join(" AND "), params };
}
