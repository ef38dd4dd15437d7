/**
 * Imports a contact file into an owner's network, streaming: rows are read,
 * planned and written a batch at a time, so a 100,000-row file is never held
 * whole. Every row ends in exactly one outcome (created, updated, unchanged,
 * skipped, rejected) with its line and reason; good rows are kept when others
 * are rejected; a dry run plans the same way and writes nothing. People of a
 * batch are written in one all-or-nothing store call, so a failed batch leaves
 * no half-written person.
 */
import { ErrorCode, WarmpathError } from "../../errors.js";
import type { Inputs } from "../model/kinds.js";
import type { Person } from "../model/person.js";
import type { NetworkStore } from "../store/network-store.js";
import { dataOf } from "../store/record-ops.js";
import type { ContactRow, ImportLayout } from "./contact-row.js";
import { ImportPlanner, rejectionOf, type RowPlan } from "./import-plan.js";
import { readContacts } from "./read-contacts.js";

export type RowOutcome = "created" | "updated" | "unchanged" | "skipped" | "rejected";

export interface ImportRowReport {
  line: number;
  outcome: RowOutcome;
  reason: string | null;
  /** The person the row became or matched; null for skipped and rejected rows and for new people in a dry run. */
  personId: string | null;
}

export interface ImportReport {
  layout: ImportLayout;
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  rejected: number;
  rows: ImportRowReport[];
}

export interface ImportOptions {
  /** The file's layout, or "auto" to detect it. Default "auto". */
  layout?: ImportLayout | "auto";
  /** Report what would happen and write nothing. */
  dryRun?: boolean;
  /** Rows planned and written per store batch. Default 1,000. */
  batchSize?: number;
  /** Called after every batch with the number of rows done so far. */
  onProgress?: (rowsDone: number) => void;
  /** The longest text source accepted (PAYLOAD_TOO_LARGE on field "text" beyond it). Default: no limit. */
  maxChars?: number;
  now?: Date;
}

export const IMPORT_DEFAULTS = Object.freeze({ layout: "auto" as const, dryRun: false, batchSize: 1_000 });

export async function importContacts(
  store: NetworkStore,
  ownerId: string,
  source: AsyncIterable<Uint8Array> | Uint8Array | string,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const o = { ...IMPORT_DEFAULTS, ...options };
  const now = o.now ?? new Date();
  if (typeof source === "string" && o.maxChars !== undefined && source.length > o.maxChars) {
    throw new WarmpathError(ErrorCode.PAYLOAD_TOO_LARGE, `text: the file is longer than ${o.maxChars} characters; import it with the command line`, { field: "text" });
  }
  const { layout, rows } = await readContacts(source, o.layout);
  const planner = await ImportPlanner.load(store, ownerId, now);
  const report: ImportReport = { layout, dryRun: o.dryRun, created: 0, updated: 0, unchanged: 0, skipped: 0, rejected: 0, rows: [] };
  let batch: { row: ContactRow; plan: RowPlan }[] = [];
  const flush = async () => {
    planner.rename(o.dryRun ? new Map() : await writeBatch(store, ownerId, batch.map((b) => b.plan), now));
    for (const { row, plan } of batch) {
      const personId = o.dryRun && plan.outcome === "created" ? null : planner.realId(plan.personId);
      record(report, { line: row.line, outcome: plan.outcome, reason: null, personId });
    }
    batch = [];
    o.onProgress?.(report.rows.length);
  };
  for await (const row of rows) {
    if (row.outcome !== undefined || row.person === undefined) {
      record(report, { line: row.line, outcome: row.outcome ?? "rejected", reason: row.reason ?? null, personId: null });
      continue;
    }
    let plan: RowPlan;
    try {
      plan = planner.plan(row);
    } catch (error) {
      record(report, { line: row.line, outcome: "rejected", reason: rejectionOf(error), personId: null });
      continue;
    }
    batch.push({ row, plan });
    if (batch.length >= o.batchSize) await flush();
  }
  await flush();
  report.rows.sort((a, b) => a.line - b.line);
  return report;
}

function record(report: ImportReport, row: ImportRowReport): void {
  report.rows.push(row);
  report[row.outcome]++;
}

/**
 * Writes the plans of one batch; returns temporary id -> stored id for what was
 * created. People first (new ones in one all-or-nothing call), then
 * organizations, jobs, ties and follow-ups, which refer to them.
 */
async function writeBatch(store: NetworkStore, ownerId: string, plans: readonly RowPlan[], now: Date): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const real = (id: string) => ids.get(id) ?? id;
  // The last plan of a record wins: a later row of the batch may have merged into an earlier one's.
  const newPeople = lastOf(plans.flatMap((p) => (p.person?.isNew ? [p.person.record] : [])));
  const changedPeople = lastOf(plans.flatMap((p) => (p.person && !p.person.isNew ? [p.person.record] : [])));
  // New people with a profile URL or e-mail go in one all-or-nothing call (the store matches them by those keys,
  // as the planner did). Ones with neither are created one by one: the store would merge them by name alone,
  // where the planner also weighs the company.
  const keyed = newPeople.filter((p) => p.profileUrl !== null || p.emails.length > 0);
  if (keyed.length > 0) {
    const result = await store.bulkUpsert(ownerId, "person", keyed.map(personInput));
    keyed.forEach((p, i) => ids.set(p.id, result.ids[i]!));
  }
  for (const person of newPeople.filter((p) => !keyed.includes(p))) ids.set(person.id, (await store.create(ownerId, "person", personInput(person))).id);
  for (const person of changedPeople) await store.update(ownerId, "person", person.id, personInput(person));

  const orgs = lastOf(plans.flatMap((p) => (p.organization ? [p.organization] : [])));
  if (orgs.length > 0) {
    const result = await store.bulkUpsert(ownerId, "organization", orgs.map((o) => ({ name: o.name })));
    orgs.forEach((o, i) => ids.set(o.id, result.ids[i]!));
  }
  const jobs = lastOf(plans.flatMap((p) => (p.employment ? [p.employment] : [])).map((e) => ({ ...e.record, isNew: e.isNew })));
  const newJobs = jobs.filter((j) => j.isNew);
  if (newJobs.length > 0) {
    const result = await store.bulkUpsert(ownerId, "employment", newJobs.map((j) => ({ personId: real(j.personId), organizationId: real(j.organizationId), title: j.title })));
    newJobs.forEach((j, i) => ids.set(j.id, result.ids[i]!));
  }
  for (const job of jobs.filter((j) => !j.isNew)) await store.update(ownerId, "employment", job.id, { title: job.title });
  const ties = lastOf(plans.flatMap((p) => (p.tie ? [p.tie] : [])));
  if (ties.length > 0) {
    const result = await store.bulkUpsert(ownerId, "tie", ties.map((t) => ({ personA: real(t.personA), personB: real(t.personB), provenance: t.provenance, since: t.since })));
    ties.forEach((t, i) => ids.set(t.id, result.ids[i]!));
  }
  for (const plan of plans) {
    for (const list of plan.followUps) await store.create(ownerId, "followUp", { personId: real(plan.personId), due: now, list, reason: "from the categories of your imported contacts" });
  }
  return ids;
}

/** A planned person as the store takes it (every data field but the self flag, which only the store sets). */
function personInput(person: Person): Inputs["person"] {
  const { isSelf: _self, ...input } = dataOf("person", person);
  return input as Inputs["person"];
}

/** One entry per id, the last one given. */
function lastOf<T extends { id: string }>(records: readonly T[]): T[] {
  return [...new Map(records.map((r) => [r.id, r])).values()];
}
