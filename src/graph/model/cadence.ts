import { badInput } from "../../errors.js";
import * as f from "./fields.js";
import { CATEGORIES, type Category } from "./person.js";
import {
  readFields,
  type RecordBase,
  type RecordData,
  type RecordSpec,
  type Validators,
} from "./record.js";

/** The owner's keep-in-touch cadence for one category, replacing the built-in default: an ideal and a maximum gap in days. */
export interface Cadence extends RecordBase {
  category: Category;
  idealDays: number;
  maxDays: number;
}

export interface CadenceInput {
  category: Category;
  idealDays: number;
  maxDays: number;
}
export type CadencePatch = Partial<Omit<CadenceInput, "category">>;
export type CadenceFilter = Record<string, never>;

type CadenceData = RecordData<Cadence>;

const required = (v: unknown, k: string): number => {
  const days = f.days(k, v);
  if (days === null) throw badInput(k, "is required");
  return days;
};

const validators: Validators<CadenceData> = {
  category: (v, k) => f.oneOf(k, v, CATEGORIES),
  idealDays: required,
  maxDays: required,
};
const { category: _c, ...patchValidators } = validators;

function checked(data: CadenceData): CadenceData {
  if (data.idealDays > data.maxDays) throw badInput("idealDays", "must not be longer than maxDays");
  return data;
}

const EMPTY: CadenceData = { category: "friend", idealDays: 1, maxDays: 1 };

export const cadenceSpec: RecordSpec<Cadence, CadenceInput, CadencePatch> = {
  kind: "cadence",
  idPrefix: "cad",
  fields: [
    { name: "category", type: "text" },
    { name: "idealDays", type: "number" },
    { name: "maxDays", type: "number" },
  ],
  refs: [],
  create: (input) => checked(readFields(validators, input, EMPTY, false)),
  patch: (current, patch) => checked(readFields(patchValidators, patch, current, true)),
  merge: (_current, incoming) => incoming,
  identity: (data) => [`cadence:${data.category}`],
  sortKey: (d) => d.category,
  order: "asc",
};
