/**
 * The import planner: what writing one contact row would change, decided
 * against a view of the owner's stored network. A real import plans each batch
 * inside the batch's write transaction, against a view read under the owner's
 * lock (`NetworkStore.importBatch`), so concurrent imports never both create
 * the same person; a dry run keeps one planner for the whole file and adds each
 * batch's view (`NetworkStore.readImportView`) to what it planned before. People
 * are matched by normalized profile URL, then e-mail, then name with company;
 * records are merged with the model's own upsert rules (the ones the stores
 * apply), so a row that adds nothing is "unchanged" and a re-import of the same
 * file changes nothing.
 */
import { badInput } from "../../errors.js";
import { isCurrentEmployment, type Employment } from "../model/employment.js";
import * as f from "../model/fields.js";
import type { FollowUp, FollowUpList } from "../model/follow-up.js";
import type { Organization } from "../model/organization.js";
import type { Person } from "../model/person.js";
import type { Tie } from "../model/tie.js";
import type { ImportView, ImportWrites } from "../store/import-batch.js";
import {
  identityField,
  mergedRecord,
  newRecord,
  nowIso,
  patchedRecord,
} from "../store/record-ops.js";
import { HolderIndex } from "./holder-index.js";
import { ImportRecords } from "./import-records.js";
import type { PreparedRow } from "./prepare-row.js";

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

/** The owner's people, organizations, current jobs, ties and open follow-ups that a plan can match, indexed for matching. */
export class ImportPlanner {
  private readonly people = new Map<string, Person>();
  private readonly stored = new Map<string, Person>();
  private readonly byUrl = new Map<string, string>();
  private readonly byEmail = new Map<string, string>();
  /** Ids of the people rows were planned on: their name keys answer before stored namesakes'. */
  private readonly planned = new Set<string>();
  private readonly byNameCompany = new HolderIndex((id) => this.planned.has(id));
  private readonly orgs = new Map<string, Organization>();
  private readonly orgNames = new Map<string, string>();
  private readonly jobs = new Map<string, Employment[]>();
  private readonly ties = new Map<string, Tie>();
  private readonly openLists = new Set<string>();
  /** Ids of records this planner created: writing them again is still a create. */
  private readonly pending = new Set<string>();
  /** Name keys of the companies seen: an export names the same few hundred employers over and over. */
  private readonly nameKeys = new Map<string, string>();
  /** Record timestamps (the stores' clock); `now` only dates follow-ups. */
  private readonly stamp = nowIso();
  private readonly records: ImportRecords;

  constructor(
    private readonly ownerId: string,
    readonly selfId: string,
    private readonly now: Date,
  ) {
    this.records = new ImportRecords(ownerId, this.stamp);
  }

  /** A planner over one view (a batch's). */
  static fromView(ownerId: string, view: ImportView, now: Date): ImportPlanner {
    const planner = new ImportPlanner(ownerId, view.selfId, now);
    planner.absorb(view);
    return planner;
  }

  /**
   * Adds the stored records of a view that this planner does not know yet; what
   * it knows (stored or planned by an earlier row) is as new or newer, so it stays.
   */
  absorb(view: ImportView): void {
    for (const org of view.organizations) {
      const key = this.orgKey(org.name);
      if (!this.orgs.has(key)) this.orgs.set(key, org);
      this.orgNames.set(org.id, org.name);
    }
    const fresh = new Set<string>();
    for (const person of view.people) if (!this.people.has(person.id)) fresh.add(person.id);
    for (const job of view.employments)
      if (fresh.has(job.personId) && isCurrentEmployment(job)) this.addJob(job);
    for (const person of view.people) {
      if (!fresh.has(person.id)) continue;
      this.stored.set(person.id, person);
      this.addPerson(person);
    }
    for (const tie of view.ties) {
      const other = tie.personA === this.selfId ? tie.personB : tie.personA;
      if (fresh.has(other)) this.ties.set(other, tie);
    }
    for (const followUp of view.followUps)
      if (followUp.status === "open") this.openLists.add(`${followUp.personId}|${followUp.list}`);
  }

  /** Plans one row; throws BAD_USER_INPUT (having changed nothing) when its person would take another's URL or e-mail. */
  plan(row: PreparedRow): RowPlan {
    const incoming = row.person;
    const company = row.company;

    const match = this.match(incoming, company);
    let person: RowPlan["person"] = null;
    let current = match === null ? incoming : this.people.get(match)!;
    if (match === null) person = { record: incoming, isNew: true };
    else {
      const merged = mergedRecord("person", current, incoming, this.stamp);
      if (merged.changed) person = { record: merged.record, isNew: this.pending.has(current.id) };
      current = merged.record;
    }
    if (person) this.checkKeysFree(person.record);

    const organizations: Organization[] = [];
    const employments: RowPlan["employments"] = [];
    const companies = company === null ? row.moreCompanies : [company, ...row.moreCompanies];
    for (const name of companies) {
      const orgKey = this.orgKey(name);
      let org = this.orgs.get(orgKey) ?? organizations.find((o) => this.orgKey(o.name) === orgKey);
      if (!org) organizations.push((org = this.records.organization(name)));
      const orgId = org.id;
      if (employments.some((e) => e.record.organizationId === orgId)) continue;
      const job = this.jobs.get(current.id)?.find((j) => j.organizationId === orgId);
      const title = incoming.title;
      if (!job)
        employments.push({
          record: this.records.employment(current.id, orgId, title),
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
      const wanted = this.records.linkedinTie(this.selfId, current.id, row.since);
      const stored = this.ties.get(current.id);
      if (!stored) tie = wanted;
      else {
        const merged = mergedRecord("tie", stored, wanted, this.stamp);
        if (merged.changed) tie = merged.record;
      }
    }

    const followUps: FollowUpList[] = [];
    for (const list of row.lists)
      if (!this.openLists.has(`${current.id}|${list}`) && !followUps.includes(list))
        followUps.push(list);
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
      followUps,
    };
    this.remember(plan, current);
    return plan;
  }

  /** The writes of a batch's plans: the last plan of a record wins (a later row may have merged into an earlier one's). */
  writesOf(plans: readonly RowPlan[]): ImportWrites {
    const people = new Map<string, Person>();
    const organizations = new Map<string, Organization>();
    const jobs = new Map<string, RowPlan["employments"][number]>();
    const ties = new Map<string, Tie>();
    const followUps: FollowUp[] = [];
    for (const plan of plans) {
      if (plan.person) people.set(plan.person.record.id, plan.person.record);
      for (const org of plan.organizations) organizations.set(org.id, org);
      for (const job of plan.employments) jobs.set(job.record.id, job);
      if (plan.tie) ties.set(plan.tie.id, plan.tie);
      for (const list of plan.followUps)
        followUps.push(
          newRecord(
            this.ownerId,
            "followUp",
            {
              personId: plan.personId,
              due: this.now,
              list,
              reason: "from the categories of your imported contacts",
            },
            this.stamp,
          ),
        );
    }
    const writes: ImportWrites = {
      newPeople: [],
      changedPeople: [],
      organizations: [...organizations.values()],
      newEmployments: [],
      changedEmployments: [],
      ties: [...ties.values()],
      followUps,
    };
    for (const after of people.values()) {
      const before = this.stored.get(after.id);
      if (before) writes.changedPeople.push({ before, after });
      else writes.newPeople.push(after);
    }
    for (const job of jobs.values())
      (job.isNew ? writes.newEmployments : writes.changedEmployments).push(job.record);
    return writes;
  }

  /** The id of the person `incoming` is, if the planner knows them. */
  private match(incoming: Person, company: string | null): string | null {
    const byUrl = incoming.profileUrl === null ? undefined : this.byUrl.get(incoming.profileUrl);
    if (byUrl) return byUrl;
    for (const email of incoming.emails) {
      const id = this.byEmail.get(email);
      if (id) return id;
    }
    const id = this.byNameCompany.get(this.nameCompanyKey(incoming.name, company));
    if (!id) return null;
    // Two different profile URLs are two people, whatever their names.
    const url = this.people.get(id)!.profileUrl;
    return incoming.profileUrl !== null && url !== null && url !== incoming.profileUrl ? null : id;
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

  /**
   * Indexes what the plan will write, so later rows of the same batch (or dry run)
   * match it. The person's name keys are their name with each current employer,
   * as a later batch would read them from the store (a merge may have renamed
   * them); profile URLs and e-mails they held keep pointing at them, so a later
   * row never gives a new person a key this batch is taking away.
   */
  private remember(plan: RowPlan, person: Person): void {
    if (plan.person?.isNew) this.pending.add(person.id);
    const before = this.people.get(person.id);
    if (before)
      for (const key of this.nameCompanyKeys(before)) this.byNameCompany.remove(key, person.id);
    this.planned.add(person.id);
    for (const organization of plan.organizations) {
      this.pending.add(organization.id);
      this.orgs.set(this.orgKey(organization.name), organization);
      this.orgNames.set(organization.id, organization.name);
    }
    if (plan.employments.length > 0) {
      const jobs = this.jobs.get(person.id) ?? [];
      for (const employment of plan.employments) {
        if (employment.isNew) this.pending.add(employment.record.id);
        const at = jobs.findIndex((j) => j.id === employment.record.id);
        if (at >= 0) jobs.splice(at, 1);
        jobs.push(employment.record);
      }
      this.jobs.set(person.id, jobs);
    }
    this.addPerson(person);
    if (plan.tie) this.ties.set(person.id, plan.tie);
    for (const list of plan.followUps) this.openLists.add(`${person.id}|${list}`);
  }

  /** By profile URL, e-mails, and name with each current employer (or with none, when they have none). */
  private addPerson(person: Person): void {
    this.people.set(person.id, person);
    if (person.profileUrl !== null) this.byUrl.set(person.profileUrl, person.id);
    for (const email of person.emails) this.byEmail.set(email, person.id);
    // Two namesakes at different companies stay two people.
    for (const key of this.nameCompanyKeys(person)) this.byNameCompany.add(key, person.id);
  }

  private nameCompanyKeys(person: Person): string[] {
    const jobs = this.jobs.get(person.id);
    if (jobs === undefined || jobs.length === 0) return [this.nameCompanyKey(person.name, null)];
    return jobs.map((j) =>
      this.nameCompanyKey(person.name, this.orgNames.get(j.organizationId) ?? null),
    );
  }

  private addJob(job: Employment): void {
    const list = this.jobs.get(job.personId);
    if (list) list.push(job);
    else this.jobs.set(job.personId, [job]);
  }

  /** An organization's identity key (`org:` and its name key), as the model gives it. */
  private orgKey(name: string): string {
    return `org:${this.nameKey(name)}`;
  }

  private nameCompanyKey(name: string, company: string | null): string {
    return `${f.nameKey(name)}|${company === null ? "" : this.nameKey(company)}`;
  }

  private nameKey(name: string): string {
    let key = this.nameKeys.get(name);
    if (key === undefined) {
      key = f.nameKey(name);
      if (this.nameKeys.size < 10_000) this.nameKeys.set(name, key);
    }
    return key;
  }
}
