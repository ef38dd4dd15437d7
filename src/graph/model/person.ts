import { badInput } from "../../errors.js";
import {
  readFields,
  type RecordBase,
  type RecordData,
  type FieldSpec,
  type RecordSpec,
  type Validators,
} from "./record.js";
import * as f from "./fields.js";

/** The built-in categories from the networking habits (see product brief). */
export const CATEGORIES = [
  "client",
  "vendor",
  "friend",
  "family",
  "former_colleague",
  "former_employer",
  "former_client",
  "mentor",
  "recruiter",
  "investor",
  "community",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Someone in the owner's network; exactly one per owner is the owner's own self. */
export interface Person extends RecordBase {
  name: string;
  emails: string[];
  phones: string[];
  profileUrl: string | null;
  title: string | null;
  location: string | null;
  categories: Category[];
  tags: string[];
  interests: string[];
  hobbies: string[];
  notes: string | null;
  news: string | null;
  newsAt: string | null;
  /** Press mentions and quotes found while researching them (links or short notes). */
  pressMentions: string[];
  /** What they are looking for (a company, a role, advice): the owner may be able to help. */
  seeking: string[];
  /** Keep-in-touch override for this person, in days; null falls back to their categories' cadence. */
  cadenceIdealDays: number | null;
  cadenceMaxDays: number | null;
  /** Set when an update went out to them: ask for their news next time. */
  askForNews: boolean;
  /** The owner's two-minute summary of skills and goals; kept on the owner's own person. */
  elevatorPitch: string | null;
  isSelf: boolean;
}

export interface PersonInput {
  name: string;
  emails?: string[] | null;
  phones?: string[] | null;
  profileUrl?: string | null;
  title?: string | null;
  location?: string | null;
  categories?: Category[] | null;
  tags?: string[] | null;
  interests?: string[] | null;
  hobbies?: string[] | null;
  notes?: string | null;
  news?: string | null;
  newsAt?: string | Date | null;
  pressMentions?: string[] | null;
  seeking?: string[] | null;
  cadenceIdealDays?: number | null;
  cadenceMaxDays?: number | null;
  askForNews?: boolean | null;
  elevatorPitch?: string | null;
}

/** Omitted fields stay as they are; null clears a field. */
export type PersonPatch = Partial<PersonInput>;

export interface PersonFilter {
  /** Matches name, title and the names of current employers and groups, ignoring case and accents. */
  text?: string | null;
  category?: Category | null;
  tag?: string | null;
  /** Currently works at, or is a member of, this organization. */
  organizationId?: string | null;
  location?: string | null;
}

const PERSON_FIELDS: readonly FieldSpec[] = [
  { name: "name", type: "text" },
  { name: "emails", type: "list" },
  { name: "phones", type: "list" },
  { name: "profileUrl", type: "text" },
  { name: "title", type: "text" },
  { name: "location", type: "text" },
  { name: "categories", type: "list" },
  { name: "tags", type: "list" },
  { name: "interests", type: "list" },
  { name: "hobbies", type: "list" },
  { name: "notes", type: "text" },
  { name: "news", type: "text" },
  { name: "newsAt", type: "text" },
  { name: "isSelf", type: "boolean" },
  { name: "pressMentions", type: "list" },
  { name: "seeking", type: "list" },
  { name: "cadenceIdealDays", type: "number" },
  { name: "cadenceMaxDays", type: "number" },
  { name: "askForNews", type: "boolean" },
  { name: "elevatorPitch", type: "text" },
];

type PersonData = RecordData<Person>;

const PHONE = /^[+\d(][\d\s().\-/]{2,40}$/;
const phone = (value: string, field: string): string => {
  if (!PHONE.test(value)) throw badInput(field, `${JSON.stringify(value)} is not a phone number`);
  return value.replace(/\s+/g, " ");
};
const tag = (value: string): string => value.toLowerCase();

const validators: Validators<PersonData> = {
  name: (v, k) => f.requiredText(k, v),
  emails: (v, k) => f.textList(k, v, f.email),
  phones: (v, k) => f.textList(k, v, phone),
  profileUrl: (v, k) => f.profileUrl(k, v),
  title: (v, k) => f.optionalText(k, v, 500),
  location: (v, k) => f.optionalText(k, v, 500),
  categories: (v, k) => f.textList(k, v, (c, field) => f.oneOf(field, c, CATEGORIES)) as Category[],
  tags: (v, k) => f.textList(k, v, tag),
  interests: (v, k) => f.textList(k, v),
  hobbies: (v, k) => f.textList(k, v),
  notes: (v, k) => f.optionalText(k, v),
  news: (v, k) => f.optionalText(k, v),
  newsAt: (v, k) => f.dateTime(k, v),
  pressMentions: (v, k) => f.textList(k, v),
  seeking: (v, k) => f.textList(k, v),
  cadenceIdealDays: (v, k) => f.days(k, v),
  cadenceMaxDays: (v, k) => f.days(k, v),
  askForNews: (v, k) => f.bool(k, v, false),
  elevatorPitch: (v, k) => f.optionalText(k, v, 2000),
};

const EMPTY: PersonData = {
  name: "",
  emails: [],
  phones: [],
  profileUrl: null,
  title: null,
  location: null,
  categories: [],
  tags: [],
  interests: [],
  hobbies: [],
  notes: null,
  news: null,
  newsAt: null,
  pressMentions: [],
  seeking: [],
  cadenceIdealDays: null,
  cadenceMaxDays: null,
  askForNews: false,
  elevatorPitch: null,
  isSelf: false,
};

const union = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])];

/**
 * Upsert merge for imports: values the incoming record has replace the stored
 * ones, lists are united, and nothing the user entered is erased by a blank cell.
 */
function mergePersonData(current: PersonData, incoming: PersonData): PersonData {
  return {
    name: incoming.name || current.name,
    emails: union(current.emails, incoming.emails),
    phones: union(current.phones, incoming.phones),
    profileUrl: incoming.profileUrl ?? current.profileUrl,
    title: incoming.title ?? current.title,
    location: incoming.location ?? current.location,
    categories: union(current.categories, incoming.categories),
    tags: union(current.tags, incoming.tags),
    interests: union(current.interests, incoming.interests),
    hobbies: union(current.hobbies, incoming.hobbies),
    notes: incoming.notes ?? current.notes,
    news: incoming.news ?? current.news,
    newsAt: incoming.newsAt ?? current.newsAt,
    pressMentions: union(current.pressMentions, incoming.pressMentions),
    seeking: union(current.seeking, incoming.seeking),
    cadenceIdealDays: incoming.cadenceIdealDays ?? current.cadenceIdealDays,
    cadenceMaxDays: incoming.cadenceMaxDays ?? current.cadenceMaxDays,
    askForNews: current.askForNews || incoming.askForNews,
    elevatorPitch: incoming.elevatorPitch ?? current.elevatorPitch,
    isSelf: current.isSelf,
  };
}

/** An ideal gap longer than the maximum gap is a mistake, not a preference. */
function checkCadence(data: PersonData): PersonData {
  if (
    data.cadenceIdealDays !== null &&
    data.cadenceMaxDays !== null &&
    data.cadenceIdealDays > data.cadenceMaxDays
  ) {
    throw badInput("cadenceIdealDays", "must not be longer than cadenceMaxDays");
  }
  return data;
}

/** The keys that make two records one person: profile URL and e-mails. */
function personIdentity(data: PersonData): string[] {
  const keys = data.emails.map((e) => `email:${e}`);
  if (data.profileUrl !== null) keys.unshift(`url:${data.profileUrl}`);
  return keys;
}

export const personSpec: RecordSpec<Person, PersonInput, PersonPatch> = {
  kind: "person",
  idPrefix: "per",
  fields: PERSON_FIELDS,
  refs: [],
  create: (input) => checkCadence(readFields(validators, input, EMPTY, false)),
  patch: (current, patch) => checkCadence(readFields(validators, patch, current, true)),
  merge: (current, incoming) => checkCadence(mergePersonData(current, incoming)),
  identity: personIdentity,
  sortKey: (data) => f.nameKey(data.name),
  order: "asc",
};
