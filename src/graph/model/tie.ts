import { badInput } from "../../errors.js";
import * as f from "./fields.js";
import {
  readFields,
  type RecordBase,
  type RecordData,
  type RecordSpec,
  type Validators,
} from "./record.js";

export const TIE_CONTEXTS = [
  "worked_together",
  "family",
  "friend",
  "client",
  "vendor",
  "school",
  "community",
  "met_once",
  "other",
] as const;
export type TieContext = (typeof TIE_CONTEXTS)[number];

/** Where a tie came from, strongest first: the warmth model caps strength by it. */
export const PROVENANCES = [
  "manual",
  "introduction",
  "interaction",
  "linkedin",
  "inferred",
] as const;
export type Provenance = (typeof PROVENANCES)[number];

/**
 * The smallest rating a tie takes: a hop this cold already makes any path
 * through it colder than one in a million, and below it a typed value is more
 * likely a slip than a judgement. Ratings from MIN_RATING to 1 are taken
 * exactly; anything else is refused at input, never rounded or raised.
 */
export const MIN_RATING = 1e-6;

/** A user's rating: null (not rated) or a number from MIN_RATING to 1, taken exactly. */
export function rating(field: string, value: unknown): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !(value >= MIN_RATING && value <= 1)) {
    throw badInput(
      field,
      `must be a number from ${MIN_RATING} (one in a million) to 1, or null when not rated`,
    );
  }
  return value;
}

/**
 * A KNOWS tie. Ties are undirected: the store keeps the two ends in id order
 * (`personA < personB`), so a pair of people has exactly one tie.
 */
export interface Tie extends RecordBase {
  personA: string;
  personB: string;
  /** The user's rating from MIN_RATING to 1, taken exactly, or null when not rated. */
  strength: number | null;
  context: TieContext | null;
  since: string | null;
  lastInteraction: string | null;
  provenance: Provenance;
  /** Private to the owner: never shown in a path result to anyone else. */
  notes: string | null;
}

export interface TieInput {
  personA: string;
  personB: string;
  strength?: number | null;
  context?: TieContext | null;
  since?: string | Date | null;
  lastInteraction?: string | Date | null;
  provenance?: Provenance | null;
  notes?: string | null;
}
/** The ends of a tie cannot change: disconnect and connect instead. */
export type TiePatch = Partial<Omit<TieInput, "personA" | "personB">>;

export interface TieFilter {
  /** Ties that have this person at either end. */
  personId?: string | null;
  provenance?: Provenance | null;
}

type TieData = RecordData<Tie>;

const validators: Validators<TieData> = {
  personA: (v, k) => f.id(k, v),
  personB: (v, k) => f.id(k, v),
  strength: (v, k) => rating(k, v),
  context: (v, k) => f.optionalOneOf(k, v, TIE_CONTEXTS),
  since: (v, k) => f.date(k, v),
  lastInteraction: (v, k) => f.date(k, v),
  provenance: (v, k) => f.optionalOneOf(k, v, PROVENANCES) ?? "manual",
  notes: (v, k) => f.optionalText(k, v),
};
const { personA: _a, personB: _b, ...patchValidators } = validators;

const EMPTY: TieData = {
  personA: "",
  personB: "",
  strength: null,
  context: null,
  since: null,
  lastInteraction: null,
  provenance: "manual",
  notes: null,
};

/** Puts the ends of a freshly read tie in id order, in place (it is the reader's own copy). */
function canonical(data: TieData): TieData {
  const { personA, personB } = data;
  if (personA === personB) throw badInput("personB", "a person cannot know themselves");
  if (personA > personB) {
    data.personA = personB;
    data.personB = personA;
  }
  return data;
}

/** Where a provenance stands in the trust order: lower is more trusted. */
export const provenanceRank = (p: Provenance): number => PROVENANCES.indexOf(p);
const earliest = (a: string | null, b: string | null) =>
  a === null ? b : b === null ? a : a < b ? a : b;
const latest = (a: string | null, b: string | null) =>
  a === null ? b : b === null ? a : a > b ? a : b;

export const tieSpec: RecordSpec<Tie, TieInput, TiePatch> = {
  kind: "tie",
  idPrefix: "tie",
  fields: [
    { name: "personA", type: "text" },
    { name: "personB", type: "text" },
    { name: "strength", type: "number" },
    { name: "context", type: "text" },
    { name: "since", type: "text" },
    { name: "lastInteraction", type: "text" },
    { name: "provenance", type: "text" },
    { name: "notes", type: "text" },
  ],
  refs: [
    { field: "personA", kind: "person", cascade: true },
    { field: "personB", kind: "person", cascade: true },
  ],
  create: (input) => canonical(readFields(validators, input, EMPTY, false)),
  patch: (current, patch) => readFields(patchValidators, patch, current, true),
  // Re-importing a tie keeps the best of both: the earliest `since`, the latest
  // contact, and the more trustworthy provenance.
  merge: (current, incoming) => ({
    ...current,
    strength: incoming.strength ?? current.strength,
    context: incoming.context ?? current.context,
    since: earliest(current.since, incoming.since),
    lastInteraction: latest(current.lastInteraction, incoming.lastInteraction),
    provenance:
      provenanceRank(incoming.provenance) < provenanceRank(current.provenance)
        ? incoming.provenance
        : current.provenance,
    notes: incoming.notes ?? current.notes,
  }),
  identity: (data) => [`tie:${data.personA}|${data.personB}`],
  sortKey: () => "",
  order: "asc",
};
