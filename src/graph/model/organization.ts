import * as f from "./fields.js";
import {
  readFields,
  type RecordBase,
  type RecordData,
  type RecordSpec,
  type Validators,
} from "./record.js";

/** Companies, venture firms, schools, and the community groups the brief says to look beyond. */
export const ORGANIZATION_KINDS = [
  "company",
  "venture_firm",
  "school",
  "chamber",
  "church",
  "club",
  "association",
  "other",
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export interface Organization extends RecordBase {
  name: string;
  kind: OrganizationKind;
  domain: string | null;
  location: string | null;
  notes: string | null;
}

export interface OrganizationInput {
  name: string;
  kind?: OrganizationKind | null;
  domain?: string | null;
  location?: string | null;
  notes?: string | null;
}
export type OrganizationPatch = Partial<OrganizationInput>;

export interface OrganizationFilter {
  /** Matches the name, ignoring case and accents. */
  text?: string | null;
  kind?: OrganizationKind | null;
}

type OrganizationData = RecordData<Organization>;

const DOMAIN = /^(?=.{3,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/;

const validators: Validators<OrganizationData> = {
  name: (v, k) => f.requiredText(k, v),
  kind: (v, k) => f.optionalOneOf(k, v, ORGANIZATION_KINDS) ?? "company",
  domain: (v, k) => {
    const text = f
      .optionalText(k, v, 253)
      ?.toLowerCase()
      .replace(/^https?:\/\//, "")
      .replace(/^www\./, "")
      .replace(/\/.*$/, "");
    if (text === undefined || text === null) return null;
    if (!DOMAIN.test(text)) throw f.invalid(k, `${JSON.stringify(v)} is not a domain name`);
    return text;
  },
  location: (v, k) => f.optionalText(k, v, 500),
  notes: (v, k) => f.optionalText(k, v),
};

const EMPTY: OrganizationData = {
  name: "",
  kind: "company",
  domain: null,
  location: null,
  notes: null,
};

export const organizationSpec: RecordSpec<Organization, OrganizationInput, OrganizationPatch> = {
  kind: "organization",
  idPrefix: "org",
  fields: [
    { name: "name", type: "text" },
    { name: "kind", type: "text" },
    { name: "domain", type: "text" },
    { name: "location", type: "text" },
    { name: "notes", type: "text" },
  ],
  refs: [],
  create: (input) => readFields(validators, input, EMPTY, false),
  patch: (current, patch) => readFields(validators, patch, current, true),
  // An import naming a known organization fills gaps and never downgrades its kind to the default.
  merge: (current, incoming) => ({
    name: current.name,
    kind: incoming.kind === "company" ? current.kind : incoming.kind,
    domain: incoming.domain ?? current.domain,
    location: incoming.location ?? current.location,
    notes: incoming.notes ?? current.notes,
  }),
  identity: (data) => [`org:${f.nameKey(data.name)}`],
  sortKey: (data) => f.nameKey(data.name),
  order: "asc",
};
