/**
 * The import planner: what writing one contact row would change, decided
 * against an in-memory view of the owner's network, so that a dry run and a
 * real import report the same outcomes. People are matched by normalized
 * profile URL, then e-mail, then name with company; records are merged with
 * the model's own upsert rules (the ones the stores apply), so a row that adds
 * nothing is "unchanged" and a re-import of the same file changes nothing.
 */
import { isWarmpathError } from "../../errors.js";
import type { Employment } from "../model/employment.js";
import * as f from "../model/fields.js";
import type { FollowUpList } from "../model/follow-up.js";
import type { Organization } from "../model/organization.js";
import type { Person } from "../model/person.js";
import type { Tie } from "../model/tie.js";
import { listAll } from "../store/list-all.js";
import type { NetworkStore } from "../store/network-store.js";
import { mergedRecord, newRecord } from "../store/record-ops.js";
import type { ContactRow } from "./contact-row.js";

/** What one row asks of the store; ids of records new in this import are temporary until written. */
export interface RowPlan {
  outcome: "created" | "updated" | "unchanged";
  personId: string;
  /** The person to write: new, or merged with what is stored (null when unchanged). */
  person: { record: Person; isNew: boolean; matchedBy: "url" | "email" | "name" | null } | null;
  organization: Organization | null;
  employment: { record: Employment; isNew: boolean } | null;
  tie: Tie | null;
  followUps: FollowUpList[];
}

const nameCompanyKey = (name: string, company: string | null | undefined) => `${f.nameKey(name)}|${f.nameKey(company ?? "")}`;

/** The owner's people, organizations, current jobs, ties and open follow-ups, indexed for matching. */
export class ImportPlanner {
  private readonly people = new Map<string, Person>();
  private readonly byUrl = new Map<string, string>();
  private readonly byEmail = new Map<string, string>();
  private readonly byNameCompany = new Map<string, string>();
  private readonly orgs = new Map<string, Organization>();
  private readonly orgNames = new Map<string, string>();
  private readonly jobs = new Map<string, Employment[]>();
  private readonly ties = new Map<string, Tie>();
  private readonly openLists = new Set<string>();

  private constructor(
    private readonly ownerId: string,
    readonly selfId: string,
    private readonly today: string,
  ) {}

  static async load(store: NetworkStore, ownerId: string, now: Date): Promise<ImportPlanner> {
    const self = await store.getSelf(ownerId);
    const planner = new ImportPlanner(ownerId, self.id, now.toISOString().slice(0, 10));
    const [people, orgs, jobs, ties, followUps] = await Promise.all([
      listAll(store, ownerId, "person"),
      listAll(store, ownerId, "organization"),
      listAll(store, ownerId, "employment", { current: true }),
      listAll(store, ownerId, "tie", { personId: self.id }),
      listAll(store, ownerId, "followUp", { status: "open" }),
    ]);
    for (const org of orgs) planner.addOrganization(org);
    for (const job of jobs) planner.addJob(job);
    for (const person of people) planner.addPerson(person);
    for (const tie of ties) planner.ties.set(tie.personA === self.id ? tie.personB : tie.personA, tie);
    for (const followUp of followUps) planner.openLists.add(`${followUp.personId}|${followUp.list}`);
    return planner;
  }

  /** Plans one readable row; throws the model's BAD_USER_INPUT (with its field) for a bad one, having changed nothing. */
  plan(row: ContactRow): RowPlan {
    const incoming = newRecord(this.ownerId, "person", row.person!, this.today);
    const company = row.company ? f.requiredText("company", row.company) : null;
    const since = f.date("connectedOn", row.connectedOn ?? null);

    const match = this.match(incoming, company);
    let person: RowPlan["person"] = null;
    let current = match ? this.people.get(match.id)! : incoming;
    if (match === null) person = { record: incoming, isNew: true, matchedBy: null };
    else {
      const merged = mergedRecord("person", current, incoming);
      if (merged.changed) person = { record: merged.record, isNew: this.isNew(current.id), matchedBy: match.by };
      current = merged.record;
    }

    let organization: Organization | null = null;
    let employment: RowPlan["employment"] = null;
    if (company !== null) {
      const orgKey = `org:${f.nameKey(company)}`;
      let org = this.orgs.get(orgKey);
      if (!org) organization = org = newRecord(this.ownerId, "organization", { name: company }, this.today);
      const job = (this.jobs.get(current.id) ?? []).find((j) => j.organizationId === org!.id);
      const title = incoming.title;
      if (!job) employment = { record: newRecord(this.ownerId, "employment", { personId: current.id, organizationId: org.id, title }, this.today), isNew: true };
      else if (title !== null && title !== job.title) employment = { record: { ...job, title }, isNew: this.isNew(job.id) };
    }

    let tie: Tie | null = null;
    if (row.connectedOn !== undefined) {
      const wanted = newRecord(this.ownerId, "tie", { personA: this.selfId, personB: current.id, provenance: "linkedin", since }, this.today);
      const stored = this.ties.get(current.id);
      if (!stored) tie = wanted;
      else {
        const merged = mergedRecord("tie", stored, wanted);
        if (merged.changed) tie = merged.record;
      }
    }

    const followUps = (row.lists ?? []).filter((list) => !this.openLists.has(`${current.id}|${list}`));
    const outcome = match === null ? "created" : person || organization || employment || tie || followUps.length ? "updated" : "unchanged";
    const plan: RowPlan = { outcome, personId: current.id, person, organization, employment, tie, followUps };
    this.remember(plan, current, company);
    return plan;
  }

  /** Temporary id -> stored id for the batch written last. */
  private renamed: ReadonlyMap<string, string> = new Map();
  /** People whose person, jobs, tie or lists the current batch planned: the only ones a rename can touch. */
  private touched = new Set<string>();

  /** The stored id of a record planned under a temporary one in the last batch (itself when it was never new). */
  realId(id: string): string {
    return this.renamed.get(id) ?? id;
  }

  /** After a batch is written (or, in a dry run, planned): replaces its temporary ids with the ones the store gave. */
  rename(ids: ReadonlyMap<string, string>): void {
    this.renamed = ids;
    const touched = this.touched;
    this.touched = new Set();
    if (ids.size === 0) return;
    const real = (id: string) => ids.get(id) ?? id;
    for (const id of ids.keys()) this.pending.delete(id);
    for (const [key, org] of this.orgs) if (ids.has(org.id)) this.addOrganization({ ...org, id: real(org.id) }, key);
    for (const personId of touched) {
      const id = real(personId);
      const jobs = this.jobs.get(personId);
      if (jobs) {
        this.jobs.delete(personId);
        this.jobs.set(id, jobs.map((j) => ({ ...j, id: real(j.id), personId: id, organizationId: real(j.organizationId) })));
      }
      const tie = this.ties.get(personId);
      if (tie) {
        this.ties.delete(personId);
        this.ties.set(id, { ...tie, id: real(tie.id), personA: real(tie.personA), personB: real(tie.personB) });
      }
      for (const list of ["next_contact", "immediate_follow_up"] as const) {
        if (id !== personId && this.openLists.delete(`${personId}|${list}`)) this.openLists.add(`${id}|${list}`);
      }
      // Last, so that the person is indexed under their renamed jobs' employers.
      const person = this.people.get(personId);
      if (person && id !== personId) {
        this.people.delete(personId);
        this.addPerson({ ...person, id });
      }
    }
  }

  private readonly pending = new Set<string>();
  private isNew(id: string): boolean {
    return this.pending.has(id);
  }

  private match(incoming: Person, company: string | null): { id: string; by: "url" | "email" | "name" } | null {
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
    return incoming.profileUrl !== null && url !== null && url !== incoming.profileUrl ? null : { id, by: "name" };
  }

  /** Indexes what the plan will write, so later rows of the same import match it. */
  private remember(plan: RowPlan, person: Person, company: string | null): void {
    this.touched.add(person.id);
    if (plan.person?.isNew) this.pending.add(person.id);
    this.addPerson(person, company);
    if (plan.organization) {
      this.pending.add(plan.organization.id);
      this.addOrganization(plan.organization);
    }
    if (plan.employment) {
      if (plan.employment.isNew) this.pending.add(plan.employment.record.id);
      const others = (this.jobs.get(person.id) ?? []).filter((j) => j.id !== plan.employment!.record.id);
      this.jobs.set(person.id, [...others, plan.employment.record]);
    }
    if (plan.tie) {
      if (!this.ties.has(person.id)) this.pending.add(plan.tie.id);
      this.ties.set(person.id, plan.tie);
    }
    for (const list of plan.followUps) this.openLists.add(`${person.id}|${list}`);
  }

  private addPerson(person: Person, company?: string | null): void {
    this.people.set(person.id, person);
    if (person.profileUrl !== null) this.byUrl.set(person.profileUrl, person.id);
    for (const email of person.emails) this.byEmail.set(email, person.id);
    // By name with each current employer, or with none: two namesakes at different companies stay two people.
    const companies = company !== undefined ? [company] : (this.jobs.get(person.id) ?? []).map((j) => this.orgNames.get(j.organizationId) ?? null);
    for (const name of companies.length > 0 ? companies : [null]) this.byNameCompany.set(nameCompanyKey(person.name, name), person.id);
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
