/**
 * One batch of prepared rows, planned: the keys it can match stored records by
 * (`scopeOf`, what the store reads for it), and each row's outcome against a
 * planner, in row order.
 */
import { isWarmpathError } from "../../errors.js";
import * as f from "../model/fields.js";
import type { ImportScope, ImportView, ImportWrites } from "../store/import-batch.js";
import { identityKeys } from "../store/record-ops.js";
import { ImportPlanner, type RowPlan } from "./import-planner.js";
import type { PreparedRow } from "./prepare-row.js";

/** One row's outcome in a batch: planned, or rejected by a rule only the stored network can check. */
export type BatchRowResult =
  | { line: number; outcome: RowPlan["outcome"]; personId: string; reason: null }
  | { line: number; outcome: "rejected"; personId: null; reason: string };

/** The keys a batch of rows can match stored records by. */
export function scopeOf(rows: readonly PreparedRow[]): ImportScope {
  const identity = new Set<string>();
  const names = new Set<string>();
  const companies = new Set<string>();
  for (const { person, company, moreCompanies } of rows) {
    for (const key of identityKeys("person", person)) identity.add(key);
    names.add(f.nameKey(person.name));
    if (company !== null) companies.add(company);
    for (const name of moreCompanies) companies.add(name);
  }
  const orgs = new Set<string>();
  for (const name of companies) orgs.add(`org:${f.nameKey(name)}`);
  return { identityKeys: [...identity], nameKeys: [...names], organizationKeys: [...orgs] };
}

/**
 * Plans a batch against a view read inside its write transaction: pure, so a
 * retried transaction may call it again. Returns the writes and each row's outcome.
 */
export function planBatch(
  ownerId: string,
  view: ImportView,
  rows: readonly PreparedRow[],
  now: Date,
): { writes: ImportWrites; result: BatchRowResult[] } {
  const planner = ImportPlanner.fromView(ownerId, view, now);
  const plans: RowPlan[] = [];
  const result = planRows(planner, rows, plans);
  return { writes: planner.writesOf(plans), result };
}

/** Each row planned in order against `planner` (which learns every plan), rejected rows included. */
export function planRows(
  planner: ImportPlanner,
  rows: readonly PreparedRow[],
  plans?: RowPlan[],
): BatchRowResult[] {
  return rows.map((row): BatchRowResult => {
    try {
      const plan = planner.plan(row);
      plans?.push(plan);
      return { line: row.line, outcome: plan.outcome, personId: plan.personId, reason: null };
    } catch (error) {
      return { line: row.line, outcome: "rejected", personId: null, reason: rejectionOf(error) };
    }
  });
}

/** The reason a row is rejected ("emails[0]: ... is not a valid e-mail address"); an error that is not the row's fault is rethrown. */
export function rejectionOf(error: unknown): string {
  if (isWarmpathError(error) && error.code === "BAD_USER_INPUT") return error.message;
  throw error;
}
