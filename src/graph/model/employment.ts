import * as f from "./fields.js";
import {
  readFields,
  type RecordBase,
  type RecordData,
  type RecordSpec,
  type Validators,
} from "./record.js";

/** WORKS_AT: a person's time at an organization; current while `to` is null. */
export interface Employment extends RecordBase {
  personId: string;
  organizationId: string;
  title: string | null;
  from: string | null;
  to: string | null;
}

/** Whether a stint is current: it has no end date. The one place that rule is written (stores say it in their query language through the `current` filter). */
export const isCurrentEmployment = (stint: Pick<Employment, "to">): boolean => stint.to === null;

export interface EmploymentInput {
  personId: string;
  organizationId: string;
  title?: string | null;
  from?: string | Date | null;
  to?: string | Date | null;
}
export type EmploymentPatch = Partial<Omit<EmploymentInput, "personId" | "organizationId">>;

export interface EmploymentFilter {
  personId?: string | null;
  organizationId?: string | null;
  /** true: only current (no end date); false: only former. */
  current?: boolean | null;
}

type EmploymentData = RecordData<Employment>;

const validators: Validators<EmploymentData> = {
  personId: (v, k) => f.id(k, v),
  organizationId: (v, k) => f.id(k, v),
  title: (v, k) => f.optionalText(k, v, 500),
  from: (v, k) => f.date(k, v),
  to: (v, k) => f.date(k, v),
};
const { personId: _p, organizationId: _o, ...patchValidators } = validators;

const EMPTY: EmploymentData = {
  personId: "",
  organizationId: "",
  title: null,
  from: null,
  to: null,
};

function checked(data: EmploymentData): EmploymentData {
  f.dateOrder("to", data.from, data.to);
  return data;
}

export const employmentSpec: RecordSpec<Employment, EmploymentInput, EmploymentPatch> = {
  kind: "employment",
  idPrefix: "emp",
  fields: [
    { name: "personId", type: "text" },
    { name: "organizationId", type: "text" },
    { name: "title", type: "text" },
    { name: "from", type: "text" },
    { name: "to", type: "text" },
  ],
  refs: [
    { field: "personId", kind: "person", cascade: true },
    { field: "organizationId", kind: "organization", cascade: true },
  ],
  create: (input) => checked(readFields(validators, input, EMPTY, false)),
  patch: (current, patch) => checked(readFields(patchValidators, patch, current, true)),
  merge: (current, incoming) =>
    checked({ ...current, title: incoming.title ?? current.title, to: incoming.to ?? current.to }),
  // One stint per person, organization and start date; an import without dates
  // therefore updates the same open-ended stint instead of adding another.
  identity: (d) => [`emp:${d.personId}|${d.organizationId}|${d.from ?? ""}`],
  // Current jobs first, then by when they ended, latest first.
  sortKey: (d) => d.to ?? "9999-12-31",
  order: "desc",
};
