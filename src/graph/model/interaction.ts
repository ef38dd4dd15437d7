import * as f from "./fields.js";
import {
  readFields,
  type RecordBase,
  type RecordData,
  type RecordSpec,
  type Validators,
} from "./record.js";

export const INTERACTION_KINDS = [
  "email",
  "call",
  "coffee",
  "meeting",
  "event",
  "message",
] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];
/** inbound: they reached out; outbound: the owner did; mutual: both took part (a meeting). */
export const DIRECTIONS = ["inbound", "outbound", "mutual"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** A logged contact with a person: the evidence behind recency and frequency. */
export interface Interaction extends RecordBase {
  personId: string;
  kind: InteractionKind;
  at: string;
  direction: Direction;
  summary: string | null;
  /** A received message or ask that still needs the owner's answer. */
  needsReply: boolean;
  /**
   * Where an imported interaction came from (a message's Message-ID and
   * correspondent, an event's UID, occurrence and attendee): unique per owner, so
   * importing the same file again finds it instead of adding it twice. Null when
   * logged by hand.
   */
  sourceKey: string | null;
  /** Mail or a meeting within the owner's own (non-public) e-mail domain: a colleague. */
  colleague: boolean;
}

export interface InteractionInput {
  personId: string;
  kind: InteractionKind;
  at: string | Date;
  direction?: Direction | null;
  summary?: string | null;
  needsReply?: boolean | null;
  sourceKey?: string | null;
  colleague?: boolean | null;
}
/** The person and the source key of an interaction cannot change. */
export type InteractionPatch = Partial<Omit<InteractionInput, "personId" | "sourceKey">>;

export interface InteractionFilter {
  personId?: string | null;
  kind?: InteractionKind | null;
  needsReply?: boolean | null;
  /** Inclusive bounds on `at`. */
  from?: string | null;
  to?: string | null;
}

type InteractionData = RecordData<Interaction>;

const validators: Validators<InteractionData> = {
  personId: (v, k) => f.id(k, v),
  kind: (v, k) => f.oneOf(k, v, INTERACTION_KINDS),
  at: (v, k) => f.requiredDateTime(k, v),
  direction: (v, k) => f.optionalOneOf(k, v, DIRECTIONS) ?? "outbound",
  summary: (v, k) => f.optionalText(k, v),
  needsReply: (v, k) => f.bool(k, v, false),
  sourceKey: (v, k) => f.optionalText(k, v, 1_000),
  colleague: (v, k) => f.bool(k, v, false),
};
const { personId: _p, sourceKey: _s, ...patchValidators } = validators;

/** The identity key of an interaction with a source key: `source:...`. */
export const sourceIdentity = (sourceKey: string): string => `source:${sourceKey}`;

const EMPTY: InteractionData = {
  personId: "",
  kind: "email",
  at: "",
  direction: "outbound",
  summary: null,
  needsReply: false,
  sourceKey: null,
  colleague: false,
};

export const interactionSpec: RecordSpec<Interaction, InteractionInput, InteractionPatch> = {
  kind: "interaction",
  idPrefix: "int",
  fields: [
    { name: "personId", type: "text" },
    { name: "kind", type: "text" },
    { name: "at", type: "text" },
    { name: "direction", type: "text" },
    { name: "summary", type: "text" },
    { name: "needsReply", type: "boolean" },
    { name: "sourceKey", type: "text" },
    { name: "colleague", type: "boolean" },
  ],
  refs: [{ field: "personId", kind: "person", cascade: true }],
  create: (input) => readFields(validators, input, EMPTY, false),
  patch: (current, patch) => readFields(patchValidators, patch, current, true),
  // Only imported interactions have one: a hand-logged one has no identity.
  identity: (d) => (d.sourceKey === null ? [] : [sourceIdentity(d.sourceKey)]),
  sortKey: (d) => d.at,
  order: "desc",
};
