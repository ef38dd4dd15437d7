import * as f from "./fields.js";
import {
  readFields,
  type RecordBase,
  type RecordData,
  type RecordSpec,
  type Validators,
} from "./record.js";

/** The two lists of the networking habit; a follow-up lands on one of them when due. */
export const FOLLOW_UP_LISTS = ["next_contact", "immediate_follow_up"] as const;
export type FollowUpList = (typeof FOLLOW_UP_LISTS)[number];
export const FOLLOW_UP_STATUSES = ["open", "snoozed", "done"] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** A dated reminder: "not hiring for six months: come back on 2027-05-20". */
export interface FollowUp extends RecordBase {
  personId: string;
  due: string;
  reason: string | null;
  list: FollowUpList;
  status: FollowUpStatus;
  snoozedUntil: string | null;
}

export interface FollowUpInput {
  personId: string;
  due: string | Date;
  reason?: string | null;
  list?: FollowUpList | null;
  status?: FollowUpStatus | null;
  snoozedUntil?: string | Date | null;
}
export type FollowUpPatch = Partial<Omit<FollowUpInput, "personId">>;

export interface FollowUpFilter {
  personId?: string | null;
  status?: FollowUpStatus | null;
  list?: FollowUpList | null;
  /** Inclusive upper bound on `due`. */
  dueBy?: string | null;
}

type FollowUpData = RecordData<FollowUp>;

const validators: Validators<FollowUpData> = {
  personId: (v, k) => f.id(k, v),
  due: (v, k) => f.requiredDate(k, v),
  reason: (v, k) => f.optionalText(k, v),
  list: (v, k) => f.optionalOneOf(k, v, FOLLOW_UP_LISTS) ?? "next_contact",
  status: (v, k) => f.optionalOneOf(k, v, FOLLOW_UP_STATUSES) ?? "open",
  snoozedUntil: (v, k) => f.date(k, v),
};
const { personId: _p, ...patchValidators } = validators;

const EMPTY: FollowUpData = {
  personId: "",
  due: "",
  reason: null,
  list: "next_contact",
  status: "open",
  snoozedUntil: null,
};

export const followUpSpec: RecordSpec<FollowUp, FollowUpInput, FollowUpPatch> = {
  kind: "followUp",
  idPrefix: "fup",
  fields: [
    { name: "personId", type: "text" },
    { name: "due", type: "text" },
    { name: "reason", type: "text" },
    { name: "list", type: "text" },
    { name: "status", type: "text" },
    { name: "snoozedUntil", type: "text" },
  ],
  refs: [{ field: "personId", kind: "person", cascade: true }],
  create: (input) => readFields(validators, input, EMPTY, false),
  patch: (current, patch) => readFields(patchValidators, patch, current, true),
  sortKey: (d) => d.due,
  order: "asc",
};
