import * as f from "./fields.js";
import {
  readFields,
  type RecordBase,
  type RecordData,
  type RecordSpec,
  type Validators,
} from "./record.js";

export const FAVOR_KINDS = ["introduction", "referral", "advice", "help"] as const;
export type FavorKind = (typeof FAVOR_KINDS)[number];
export const FAVOR_DIRECTIONS = ["given", "received"] as const;
export type FavorDirection = (typeof FAVOR_DIRECTIONS)[number];

/** The net goes both ways: a favor the owner gave to, or received from, a person. */
export interface Favor extends RecordBase {
  personId: string;
  direction: FavorDirection;
  kind: FavorKind;
  date: string;
  summary: string | null;
}

export interface FavorInput {
  personId: string;
  direction: FavorDirection;
  kind: FavorKind;
  date: string | Date;
  summary?: string | null;
}
export type FavorPatch = Partial<Omit<FavorInput, "personId">>;

export interface FavorFilter {
  personId?: string | null;
  direction?: FavorDirection | null;
  kind?: FavorKind | null;
}

type FavorData = RecordData<Favor>;

const validators: Validators<FavorData> = {
  personId: (v, k) => f.id(k, v),
  direction: (v, k) => f.oneOf(k, v, FAVOR_DIRECTIONS),
  kind: (v, k) => f.oneOf(k, v, FAVOR_KINDS),
  date: (v, k) => f.requiredDate(k, v),
  summary: (v, k) => f.optionalText(k, v),
};
const { personId: _p, ...patchValidators } = validators;

const EMPTY: FavorData = {
  personId: "",
  direction: "given",
  kind: "help",
  date: "",
  summary: null,
};

export const favorSpec: RecordSpec<Favor, FavorInput, FavorPatch> = {
  kind: "favor",
  idPrefix: "fav",
  fields: [
    { name: "personId", type: "text" },
    { name: "direction", type: "text" },
    { name: "kind", type: "text" },
    { name: "date", type: "text" },
    { name: "summary", type: "text" },
  ],
  refs: [{ field: "personId", kind: "person", cascade: true }],
  create: (input) => readFields(validators, input, EMPTY, false),
  patch: (current, patch) => readFields(patchValidators, patch, current, true),
  sortKey: (d) => d.date,
  order: "desc",
};
