/**
 * The records an import row adds besides its person (its employer, its job
 * there and its LinkedIn tie), built from values the row's preparation already
 * validated with the model (company name, title, "Connected On") and ids the
 * planner holds. Validating them again per row cost a fifth of an import; the
 * model still decides every default, since each kind starts from one record the
 * model made itself, and a test compares these records with the model's.
 */
import type { Employment } from "../model/employment.js";
import { SPECS } from "../model/kinds.js";
import type { Organization } from "../model/organization.js";
import type { Tie } from "../model/tie.js";
import { newId } from "../store/ids.js";
import { newRecord } from "../store/record-ops.js";

/** Builds one planner's records, all stamped with its time. */
export class ImportRecords {
  private readonly org: Organization;
  private readonly job: Employment;
  private readonly tie: Tie;

  constructor(
    private readonly ownerId: string,
    stamp: string,
  ) {
    this.org = newRecord(ownerId, "organization", { name: "-" }, stamp);
    this.job = newRecord(ownerId, "employment", { personId: "-", organizationId: "-" }, stamp);
    this.tie = newRecord(
      ownerId,
      "tie",
      { personA: "-a", personB: "-b", provenance: "linkedin" },
      stamp,
    );
  }

  /** A new organization; `name` passed the model's organization name rule (`requiredText`). */
  organization(name: string): Organization {
    return { ...this.org, id: newId(SPECS.organization.idPrefix), name };
  }

  /** A new current job; `title` passed the model's person title rule, which is the job title's. */
  employment(personId: string, organizationId: string, title: string | null): Employment {
    return { ...this.job, id: newId(SPECS.employment.idPrefix), personId, organizationId, title };
  }

  /** A LinkedIn tie between two people, its ends in the model's id order; `since` passed `f.date`. */
  linkedinTie(one: string, other: string, since: string | null): Tie {
    // The model's own error for a row that is the owner themselves.
    if (one === other)
      return newRecord(this.ownerId, "tie", { personA: one, personB: other, since });
    const [personA, personB] = one < other ? [one, other] : [other, one];
    return { ...this.tie, id: newId(SPECS.tie.idPrefix), personA, personB, since };
  }
}
