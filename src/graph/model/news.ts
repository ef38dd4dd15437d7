import * as f from "./fields.js";
import {
  readFields,
  type RecordBase,
  type RecordData,
  type RecordSpec,
  type Validators,
} from "./record.js";

/** A dated piece of a person's news ("moved to Berlin", "raised a seed round"): the history behind Person.news. */
export interface News extends RecordBase {
  personId: string;
  text: string;
  date: string;
}

export interface NewsInput {
  personId: string;
  text: string;
  date: string | Date;
}
export type NewsPatch = Partial<Omit<NewsInput, "personId">>;

export interface NewsFilter {
  personId?: string | null;
}

type NewsData = RecordData<News>;

const validators: Validators<NewsData> = {
  personId: (v, k) => f.id(k, v),
  text: (v, k) => f.requiredText(k, v, 2000),
  date: (v, k) => f.requiredDate(k, v),
};
const { personId: _p, ...patchValidators } = validators;

const EMPTY: NewsData = { personId: "", text: "", date: "" };

export const newsSpec: RecordSpec<News, NewsInput, NewsPatch> = {
  kind: "news",
  idPrefix: "nws",
  fields: [
    { name: "personId", type: "text" },
    { name: "text", type: "text" },
    { name: "date", type: "text" },
  ],
  refs: [{ field: "personId", kind: "person", cascade: true }],
  create: (input) => readFields(validators, input, EMPTY, false),
  patch: (current, patch) => readFields(patchValidators, patch, current, true),
  sortKey: (d) => d.date,
  order: "desc",
};
