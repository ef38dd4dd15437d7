/** Translates the shared filter rules (model/filter-rules.ts) into SQL with bound parameters. */
import type { FilterRule } from "../../model/filter-rules.js";
import { activeFilters } from "../../model/filter-rules.js";
import type { RecordKind } from "../../model/kinds.js";
import { foldText } from "../../model/fold-text.js";
import { column, refMatches } from "./sqlite-tables.js";

export interface SqlWhere {
  sql: string;
  params: unknown[];
}

/** `wp_lower` is JavaScript's Unicode-aware toLowerCase, registered on the connection (SQLite's lower() is ASCII-only). */
const contains = (expr: string) => `instr(wp_lower(coalesce(${expr}, '')), wp_lower(?)) > 0`;

/**
 * `wp_fold` is foldText, registered on the connection: folded at query time rather than kept
 * in a column, since the text match scans the owner's rows either way (no index serves
 * "contains"), and a computed column would need a migration and its upkeep on every write.
 */
const folds = (expr: string) => `instr(wp_fold(coalesce(${expr}, '')), ?) > 0`;
function clause(rule: FilterRule, value: unknown, owner: string): SqlWhere {
  const v = typeof value === "boolean" ? (value ? 1 : 0) : value;
  switch (rule.op) {
    case "eq":
      return { sql: refMatches("t", rule.field, "=", "?"), params: [v] };
    case "has":
      return {
        sql: `EXISTS (SELECT 1 FROM json_each(t.${column(rule.field)}) WHERE value = ?)`,
        params: [v],
      };
    case "contains":
      return {
        sql: `(${rule.fields.map((f) => contains(`t.${column(f)}`)).join(" OR ")})`,
        params: rule.fields.map(() => v),
      };
    case "either":
      return {
        sql: `(${refMatches("t", rule.fields[0], "=", "?")} OR ${refMatches("t", rule.fields[1], "=", "?")})`,
        params: [v, v],
      };
    case "gte":
      return { sql: `t.${column(rule.field)} >= ?`, params: [v] };
    case "lte":
      return { sql: `t.${column(rule.field)} <= ?`, params: [v] };
    case "isNull":
      return { sql: `t.${column(rule.field)} IS ${value ? "" : "NOT "}NULL`, params: [] };
    case "personText": {
      const text = foldText(String(v));
      // The organizations whose name matches are found once, then the people now there: these
      // subqueries name the owner rather than the row's, so SQLite runs each once per query,
      // not once per person scanned (which folded every employer's name again per person).
      const now = (table: "employment" | "membership", open: string) =>
        `t.id IN (SELECT x.person_id FROM ${table} x WHERE x.owner = ? AND x.${open} IS NULL
          AND x.organization_id IN (SELECT o.id FROM organization o WHERE o.owner = ? AND ${folds("o.name")}))`;
      return {
        sql: `(${folds("t.name")} OR ${folds("t.title")} OR ${now("employment", '"to"')} OR ${now("membership", "until")})`,
        params: [text, text, owner, owner, text, owner, owner, text],
      };
    }
    case "nameText":
      return { sql: folds("t.name"), params: [foldText(String(v))] };
    case "personAt":
      return {
        sql: `(EXISTS (SELECT 1 FROM employment e WHERE e.owner = t.owner AND e.person_id = t.id AND e.organization_id = ? AND e."to" IS NULL)
          OR EXISTS (SELECT 1 FROM membership m WHERE m.owner = t.owner AND m.person_id = t.id AND m.organization_id = ? AND m.until IS NULL))`,
        params: [v, v],
      };
  }
}

/** The WHERE conditions (joined by AND, table alias `t`) for a kind's filter on `owner`'s rows. */
export function whereOf(kind: RecordKind, filter: object | undefined, owner: string): SqlWhere {
  const parts = activeFilters(kind, filter).map(({ rule, value }) => clause(rule, value, owner));
  return { sql: parts.map((p) => p.sql).join(" AND "), params: parts.flatMap((p) => p.params) };
}
