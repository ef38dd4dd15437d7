import * as f from "./fields.js";
import {
  readFields,
  type RecordBase,
  type RecordData,
  type RecordSpec,
  type Validators,
} from "./record.js";

export const DRAFT_STATUSES = ["drafted", "sent"] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** One recipient's copy of a blanket update, rendered from the batch's template; warmpath never sends it itself. */
export interface Draft extends RecordBase {
  /** The update this copy belongs to: all copies rendered by one draftUpdate share it. */
  batch: string;
  personId: string;
  to: string | null;
  subject: string;
  body: string;
  status: DraftStatus;
  sentAt: string | null;
}

export interface DraftInput {
  batch: string;
  personId: string;
  to?: string | null;
  subject: string;
  body: string;
  status?: DraftStatus | null;
  sentAt?: string | Date | null;
}
export type DraftPatch = Partial<Pick<DraftInput, "subject" | "body" | "status" | "sentAt">>;

export interface DraftFilter {
  batch?: string | null;
  personId?: string | null;
  status?: DraftStatus | null;
}

type DraftData = RecordData<Draft>;

const validators: Validators<DraftData> = {
  batch: (v, k) => f.requiredText(k, v, 100),
  personId: (v, k) => f.id(k, v),
  to: (v, k) => (v === null || v === undefined ? null : f.email(String(v), k)),
  subject: (v, k) => f.requiredText(k, v, 300),
  body: (v, k) => f.requiredText(k, v, 20_000),
  status: (v, k) => f.optionalOneOf(k, v, DRAFT_STATUSES) ?? "drafted",
  sentAt: (v, k) => f.dateTime(k, v),
};
const { batch: _b, personId: _p, to: _t, ...patchValidators } = validators;

const EMPTY: DraftData = {
  batch: "",
  personId: "",
  to: null,
  subject: "",
  body: "",
  status: "drafted",
  sentAt: null,
};

export const draftSpec: RecordSpec<Draft, DraftInput, DraftPatch> = {
  kind: "draft",
  idPrefix: "dft",
  fields: [
    { name: "batch", type: "text" },
    { name: "personId", type: "text" },
    { name: "to", type: "text" },
    { name: "subject", type: "text" },
    { name: "body", type: "text" },
    { name: "status", type: "text" },
    { name: "sentAt", type: "text" },
  ],
  refs: [{ field: "personId", kind: "person", cascade: true }],
  create: (input) => readFields(validators, input, EMPTY, false),
  patch: (current, patch) => readFields(patchValidators, patch, current, true),
  sortKey: (d) => d.batch,
  order: "desc",
};
