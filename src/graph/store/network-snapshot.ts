import type { Employment } from "../model/employment.js";
import type { Membership } from "../model/membership.js";
import type { Organization } from "../model/organization.js";
import type { Person } from "../model/person.js";
import type { Tie } from "../model/tie.js";

/** The graph part of an owner's network, as of `version`. */
export interface NetworkSnapshot {
  version: number;
  selfId: string;
  people: Person[];
  organizations: Organization[];
  ties: Tie[];
  employments: Employment[];
  memberships: Membership[];
}
