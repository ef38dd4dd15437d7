/**
 * The import planner: what writing one contact row would change, decided
 * against a view of the owner's stored network. A real import plans each batch
 * inside the batch's write transaction, against a view read under the owner's
 * lock (`NetworkStore.importBatch`), so concurrent imports never both create
 * the same person; a dry run plans against the whole network read once. People
 * are matched by normalized profile URL, then e-mail, then name with company;
 * records are merged with the model's own upsert rules (the ones the stores
 * apply), so a row that adds nothing is "unchanged" and a re-import of the same
 * file changes nothing.
 */
import { badInput, ErrorCode, isWarmpathError, WarmpathError } from "../../errors.js";
import { isCurrentEmployment, type Employment } from "../model/employment.js";
import * as f from "../model/fields.js";
import type { FollowUp, FollowUpList } from "../model/follow-up.js";
import type { Organization } from "../model/organization.js";
import type { Person, PersonInput } from "../model/person.js";
import type { Tie } from "../model/tie.js";
import type { ImportScope, ImportView, ImportWrites } from "../store/import-batch.js";
import { listAll } from "../store/list-all.js";
import type { NetworkStore } from "../store/network-store.js";
import {
  identityField,
  identityKeys,
  mergedRecord,
  newRecord,
  nowIso,
  patchedRecord,
} from "../store/record-ops.js";
import type { ContactRow, ImportWarning } from "./contact-row.js";

/** A readable row, validated with the model before any transaction opens. */
export interface PreparedRow {
  line: number;
  /** The person the row describes, with a fresh id used if the row creates them. */
  person: Person;
  /** The current employer matched by name with the person, and any others (warmpath's CSV lists every current one). */
  company: string | null;
  moreCompanies: readonly string[];
  /** A LinkedIn row makes a tie from the owner; `since` is its "Connected On". */
  connected: boolean;
  since: string | null;
  lists: readonly FollowUpList[];
  /** Values changed or left out while reading and validating the row. */
  warnings: ImportWarning[];
}

/** What one row asks of the store. */
export interface RowPlan {
  outcome: "created" | "updated" | "unchanged";
  personId: string;
  /** The person to write: new, or merged with what is stored (null when unchanged). */
  person: { record: Person; isNew: boolean } | null;
  organizations: Organization[];
  employments: { record: Employment; isNew: boolean }[];
  tie: Tie | null;
  followUps: FollowUpList[];
}

/** One row's outcome in a batch: planned, or rejected by a rule only the stored network can check. */
export type BatchRowResult =
  | { line: number; outcome: RowPlan["outcome"]; personId: string; reason: null }
  | { line: number; outcome: "rejected"; personId: null; reason: string };

/**
 * Validates a readable row with the model. An optional value the model
 * refuses (an impossible date, a malformed URL or e-mail) is left out with a
 * warning naming its field, and the person is kept: one bad cell should not
 * lose a contact. Only a row without a usable name (the person's identity)
 * throws the model's BAD_USER_INPUT, and the row is rejected.
 */
export function prepareRow(ownerId: string, row: ContactRow): PreparedRow {
  const warnings = [...(row.warnings ?? [])];
  const companies = [row.company, ...(row.moreCompanies ?? [])].flatMap((name) => {
    const company = name
      ? optional(warnings, "company", () => f.requiredText("company", name))
      : null;
    return company === null ? [] : [company];
  });
  return {
    line: row.line,
    person: personKeepingRow(ownerId, row.person!, warnings),
    company: companies[0] ?? null,
    moreCompanies: companies.slice(1),
    connected: row.connectedOn !== undefined,
    since: optional(warnings, "connectedOn", () => f.date("connectedOn", row.connectedOn ?? null)),
    lists: row.lists ?? [],
    warnings,
  };
}

/** A field the model names (`emails[1]`, `profileUrl`), split into key and list index. */
const FIELD_PATH = /^([A-Za-z]+)(?:\[(\d+)\])?$/;

/** The model's reason without the field it starts with: `"x" is not a valid e-mail address`. */
const reasonOf = (error: WarmpathError, field: string): string =>
  error.message.startsWith(`${field}: `) ? error.message.slice(field.length + 2) : error.message;

/** The value `compute` gives, or null with a warning when the model refuses it. */
function optional<T>(warnings: ImportWarning[], field: string, compute: () => T | null): T | null {
  try {
    return compute();
  } catch (error) {
    if (!isWarmpathError(error, ErrorCode.BAD_USER_INPUT)) throw error;
    const named = error.field ?? field;
    warnings.push({ field: named, reason: `${reasonOf(error, named)}; the value was left out` });
    return null;
  }
}

/** The person, with each value the model refuses left out (a list item is blanked, so later items keep their index); the name is never left out. */
function personKeepingRow(ownerId: string, person: PersonInput, warnings: ImportWarning[]): Person {
  const input: Record<string, unknown> = { ...person };
  for (;;) {
    try {
      return newRecord(ownerId, "person", input as unknown as PersonInput);
    } catch (error) {
      if (!isWarmpathError(error, ErrorCode.BAD_USER_INPUT) || error.field === undefined)
        throw error;
      const path = FIELD_PATH.exec(error.field);
      const key = path?.[1];
      if (key === undefined || key === "name" || input[key] === undefined) throw error;
      const value = input[key];
      if (path![2] !== undefined && Array.isArray(value))
        input[key] = value.map((item: unknown, i) => (i === Number(path![2]) ? "" : item));
      else delete input[key];
      warnings.push({
        field: error.field,
        reason: `${reasonOf(error, error.field)}; the value was left out`,
      });
    }
  }
}

/** The keys a batch of rows can match stored records by. */
export function scopeOf(rows: readonly PreparedRow[]): ImportScope {
  const identity = new Set<string>();
  const names = new Set<string>();
  const orgs = new Set<string>();
  for (const { person, company, moreCompanies } of rows) {
    for (const key of identityKeys("person", person)) identity.add(key);
    names.add(f.nameKey(person.name));
    for (const name of company === null ? moreCompanies : [company, ...moreCompanies])
      orgs.add(`org:${f.nameKey(name)}`);
  }
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
  const result: BatchRowResult[] = rows.map((row) => {
    try {
      const plan = planner.plan(row);
      plans.push(plan);
      return { line: row.line, outcome: plan.outcome, personId: plan.personId, reason: null };
    } catch (error) {
      return { line: row.line, outcome: "rejected", personId: null, reason: rejectionOf(error) };
    }
  });
  return { writes: planner.writesOf(plans), result };
}

const nameCompanyKey = (name: string, company: string | null | undefined) =>
  `${f.nameKey(name)}|${f.nameKey(company ?? "")}`;

/** The owner's people, organizations, current jobs, ties and open follow-ups (all, or those a batch can match), indexed for matching. */
export class ImportPlanner {
  private readonly people = new Map<string, Person>();
  private readonly stored = new Map<string, Person>();
  private readonly byUrl = new Map<string, string>();
  private readonly byEmail = new Map<string, string>();
  private readonly byNameCompany = new Map<string, string>();
  private readonly orgs = new Map<string, Organization>();
  private readonly orgNames = new Map<string, string>();
  private readonly jobs = new Map<string, Employment[]>();
  private readonly ties = new Map<string, Tie>();
  private readonly openLists = new Set<string>();
  /** Ids of records this planner created: writing them again is still a create. */
  private readonly pending = new Set<string>();
  /** Record timestamps (the stores' clock); `now` only dates follow-ups. */
  private readonly stamp = nowIso();

  private constructor(
    private readonly ownerId: string,
    readonly selfId: string,
    private readonly now: Date,
  ) {}

  /** A planner over a view (a batch's, or the whole network's). */
  static fromView(ownerId: string, view: ImportView, now: Date): ImportPlanner {
    const planner = new ImportPlanner(ownerId, view.selfId, now);
    for (const org of view.organizations) planner.addOrganization(org);
    for (const job of view.employments) if (isCurrentEmployment(job)) planner.addJob(job);
    for (const person of view.people) {
      planner.stored.set(person.id, person);
      planner.addPerson(person);
    }
    for (const tie of view.ties)
      planner.ties.set(tie.personA === view.selfId ? tie.personB : tie.personA, tie);
    for (const followUp of view.followUps)
      if (followUp.status === "open")
        planner.openLists.add(`${followUp.personId}|${followUp.list}`);
    return planner;
  }

  /** A planner over the owner's whole network, for a dry run (which must see every batch it planned). */
  static async load(store: NetworkStore, ownerId: string, now: Date): Promise<ImportPlanner> {
    const self = await store.getSelf(ownerId);
    const [people, organizations, employments, ties, followUps] = await Promise.all([
      listAll(store, ownerId, "person"),
      listAll(store, ownerId, "organization"),
      listAll(store, ownerId, "employment", { current: true }),
      listAll(store, ownerId, "tie", { personId: self.id }),
      listAll(store, ownerId, "followUp", { status: "open" }),
    ]);
    return ImportPlanner.fromView(
      ownerId,
      { selfId: self.id, people, organizations, employments, ties, followUps },
      now,
    );
  }

  /** Plans one row; throws BAD_USER_INPUT (having changed nothing) when its person would take another's URL or e-mail. */
  plan(row: PreparedRow): RowPlan {
    const incoming = row.person;
    const company = row.company;

    const match = this.match(incoming, company);
    let person: RowPlan["person"] = null;
    let current = match ? this.people.get(match.id)! : incoming;
    if (match === null) person = { record: incoming, isNew: true };
    else {
      const merged = mergedRecord("person", current, incoming, this.stamp);
      if (merged.changed) person = { record: merged.record, isNew: this.pending.has(current.id) };
      current = merged.record;
    }
    if (person) this.checkKeysFree(person.record);

    const organizations: Organization[] = [];
    const employments: RowPlan["employments"] = [];
    for (const name of company === null ? row.moreCompanies : [company, ...row.moreCompanies]) {
      const orgKey = `org:${f.nameKey(name)}`;
      let org =
        this.orgs.get(orgKey) ?? organizations.find((o) => `org:${f.nameKey(o.name)}` === orgKey);
      if (!org)
        organizations.push((org = newRecord(this.ownerId, "organization", { name }, this.stamp)));
      if (employments.some((e) => e.record.organizationId === org!.id)) continue;
      const job = (this.jobs.get(current.id) ?? []).find((j) => j.organizationId === org!.id);
      const title = incoming.title;
      if (!job)
        employments.push({
          record: newRecord(
            this.ownerId,
            "employment",
            { personId: current.id, organizationId: org.id, title },
            this.stamp,
          ),
          isNew: true,
        });
      else if (title !== null && title !== job.title)
        employments.push({
          record: patchedRecord("employment", job, { title }, this.stamp),
          isNew: this.pending.has(job.id),
        });
    }

    let tie: Tie | null = null;
    if (row.connected) {
      const wanted = newRecord(
        this.ownerId,
        "tie",
        { personA: this.selfId, personB: current.id, provenance: "linkedin", since: row.since },
        this.stamp,
      );
      const stored = this.ties.get(current.id);
      if (!stored) tie = wanted;
      else {
        const merged = mergedRecord("tie", stored, wanted, this.stamp);
        if (merged.changed) tie = merged.record;
      }
    }

    const followUps = row.lists.filter((list) => !this.openLists.has(`${current.id}|${list}`));
    const outcome =
      match === null
        ? "created"
        : person || organizations.length || employments.length || tie || followUps.length
          ? "updated"
          : "unchanged";
    const plan: RowPlan = {
      outcome,
      personId: current.id,
      person,
      organizations,
      employments,
      tie,
      followUps: [...new Set(followUps)],
    };
    this.remember(plan, current, company === null ? [null] : [company, ...row.moreCompanies]);
    return plan;
  }

  /** The writes of a batch's plans: the last plan of a record wins (a later row may have merged into an earlier one's). */
  writesOf(plans: readonly RowPlan[]): ImportWrites {
    const people = lastOf(plans.flatMap((p) => (p.person ? [p.person.record] : [])));
    const jobs = lastOf(
      plans.flatMap((p) => p.employments.map((e) => ({ ...e.record, isNew: e.isNew }))),
    );
    const followUps = plans.flatMap((p) =>
      p.followUps.map((list): FollowUp =>
        newRecord(
          this.ownerId,
          "followUp",
          {
            personId: p.personId,
            due: this.now,
            list,
            reason: "from the categories of your imported contacts",
          },
          this.stamp,
        ),
      ),
    );
    return {
      newPeople: people.filter((p) => !this.stored.has(p.id)),
      changedPeople: people.flatMap((after) => {
        const before = this.stored.get(after.id);
        return before ? [{ before, after }] : [];
      }),
      organizations: lastOf(plans.flatMap((p) => p.organizations)),
      newEmployments: jobs.filter((j) => j.isNew).map(({ isNew: _n, ...job }) => job),
      changedEmployments: jobs.filter((j) => !j.isNew).map(({ isNew: _n, ...job }) => job),
      ties: lastOf(plans.flatMap((p) => (p.tie ? [p.tie] : []))),
      followUps,
    };
  }

  private match(
    incoming: Person,
    company: string | null,
  ): { id: string; by: "url" | "email" | "name" } | null {
    const byUrl = incoming.profileUrl === null ? undefined : this.byUrl.get(incoming.profileUrl);
    if (byUrl) return { id: byUrl, by: "url" };
    for (const email of incoming.emails) {
      const id = this.byEmail.get(email);
      if (id) return { id, by: "email" };
    }
    const id = this.byNameCompany.get(nameCompanyKey(incoming.name, company));
    if (!id) return null;
    // Two different profile URLs are two people, whatever their names.
    const url = this.people.get(id)!.profileUrl;
    return incoming.profileUrl !== null && url !== null && url !== incoming.profileUrl
      ? null
      : { id, by: "name" };
  }

  /** A row whose person would take a profile URL or e-mail another person holds is rejected, naming the field. */
  private checkKeysFree(person: Person): void {
    if (person.profileUrl !== null) {
      const holder = this.byUrl.get(person.profileUrl);
      if (holder !== undefined && holder !== person.id)
        throw badInput(identityField("url:"), `another person already has ${person.profileUrl}`);
    }
    for (const email of person.emails) {
      const holder = this.byEmail.get(email);
      if (holder !== undefined && holder !== person.id)
        throw badInput(identityField("email:"), `another person already has ${email}`);
    }
  }

  /** Indexes what the plan will write, so later rows of the same batch (or dry run) match it. */
  private remember(plan: RowPlan, person: Person, companies: readonly (string | null)[]): void {
    if (plan.person?.isNew) this.pending.add(person.id);
    this.addPerson(person, companies);
    for (const organization of plan.organizations) {
      this.pending.add(organization.id);
      this.addOrganization(organization);
    }
    for (const employment of plan.employments) {
      if (employment.isNew) this.pending.add(employment.record.id);
      const others = (this.jobs.get(person.id) ?? []).filter((j) => j.id !== employment.record.id);
      this.jobs.set(person.id, [...others, employment.record]);
    }
    if (plan.tie) this.ties.set(person.id, plan.tie);
    for (const list of plan.followUps) this.openLists.add(`${person.id}|${list}`);
  }

  private addPerson(person: Person, given?: readonly (string | null)[]): void {
    this.people.set(person.id, person);
    if (person.profileUrl !== null) this.byUrl.set(person.profileUrl, person.id);
    for (const email of person.emails) this.byEmail.set(email, person.id);
    // By name with each current employer, or with none: two namesakes at different companies stay two people.
    const companies =
      given ??
      (this.jobs.get(person.id) ?? []).map((j) => this.orgNames.get(j.organizationId) ?? null);
    for (const name of companies.length > 0 ? companies : [null])
      this.byNameCompany.set(nameCompanyKey(person.name, name), person.id);
  }

  private addOrganization(org: Organization, key = `org:${f.nameKey(org.name)}`): void {
    this.orgs.set(key, org);
    this.orgNames.set(org.id, org.name);
  }

  private addJob(job: Employment): void {
    const list = this.jobs.get(job.personId) ?? [];
    list.push(job);
    this.jobs.set(job.personId, list);
  }
}

/** The reason a row is rejected ("emails[0]: ... is not a valid e-mail address"); an error that is not the row's fault is rethrown. */
export function rejectionOf(error: unknown): string {
  if (isWarmpathError(error) && error.code === "BAD_USER_INPUT") return error.message;
  throw error;
}

/** One entry per id, the last one given. */
function lastOf<T extends { id: string }>(records: readonly T[]): T[] {
  return [...new Map(records.map((r) => [r.id, r])).values()];
}
