import * as f from "./fields.js";
import {
  readFields,
  type RecordBase,
  type RecordData,
  type RecordSpec,
  type Validators,
} from "./record.js";

/** MEMBER_OF: belonging to a group (a chamber, a church, a club, alumni), from which shared context is inferred. */
export interface Membership extends RecordBase {
  personId: string;
  organizationId: string;
  role: string | null;
  since: string | null;
  until: string | null;
}

export interface MembershipInput {
  personId: string;
  organizationId: string;
  role?: string | null;
  since?: string | Date | null;
  until?: string | Date | null;
}
export type MembershipPatch = Partial<Omit<MembershipInput, "personId" | "organizationId">>;

export interface MembershipFilter {
  personId?: string | null;
  organizationId?: string | null;
}

type MembershipData = RecordData<Membership>;

const validators: Validators<MembershipData> = {
  personId: (v, k) => f.id(k, v),
  organizationId: (v, k) => f.id(k, v),
  role: (v, k) => f.optionalText(k, v, 500),
  since: (v, k) => f.date(k, v),
  until: (v, k) => f.date(k, v),
};
const { personId: _p, organizationId: _o, ...patchValidators } = validators;

const EMPTY: MembershipData = {
  personId: "",
  organizationId: "",
  role: null,
  since: null,
  until: null,
};

function checked(data: MembershipData): MembershipData {
  f.dateOrder("until", data.since, data.until);
  return data;
}

export const membershipSpec: RecordSpec<Membership, MembershipInput, MembershipPatch> = {
  kind: "membership",
  idPrefix: "mem",
  fields: [
    { name: "personId", type: "text" },
    { name: "organizationId", type: "text" },
    { name: "role", type: "text" },
    { name: "since", type: "text" },
    { name: "until", type: "text" },
  ],
  refs: [
    { field: "personId", kind: "person", cascade: true },
    { field: "organizationId", kind: "organization", cascade: true },
  ],
  create: (input) => checked(readFields(validators, input, EMPTY, false)),
  patch: (current, patch) => checked(readFields(patchValidators, patch, current, true)),
  merge: (current, incoming) =>
    checked({
      ...current,
      role: incoming.role ?? current.role,
      since: incoming.since ?? current.since,
      until: incoming.until ?? current.until,
    }),
  identity: (d) => [`mem:${d.personId}|${d.organizationId}`],
  sortKey: (d) => d.since ?? "",
  order: "asc",
};
