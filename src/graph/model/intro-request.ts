import { badInput } from "../../errors.js";
import * as f from "./fields.js";
import {
  readFields,
  type RecordBase,
  type RecordData,
  type RecordSpec,
  type Validators,
} from "./record.js";

/** The double opt-in pipeline, in order. */
export const INTRO_REQUEST_STATUSES = [
  "drafted",
  "asked",
  "accepted",
  "declined",
  "introduced",
  "met",
] as const;
export type IntroRequestStatus = (typeof INTRO_REQUEST_STATUSES)[number];

/** A request to an introducer to connect the owner with a target, along a chosen path. */
export interface IntroRequest extends RecordBase {
  targetId: string;
  introducerId: string;
  /** Person ids from the owner to the target, as the path engine chose them. */
  path: string[];
  status: IntroRequestStatus;
  message: string | null;
  outcome: string | null;
  statusChangedAt: string | null;
}

export interface IntroRequestInput {
  targetId: string;
  introducerId: string;
  path?: string[] | null;
  status?: IntroRequestStatus | null;
  message?: string | null;
  outcome?: string | null;
  /** When the request entered its status; default: the current time. The habits pass their injectable clock here. */
  statusChangedAt?: string | Date | null;
}
/** A given `statusChangedAt` wins; otherwise a change of status stamps the current time. */
export type IntroRequestPatch = Partial<
  Omit<IntroRequestInput, "targetId" | "introducerId" | "path">
>;

export interface IntroRequestFilter {
  status?: IntroRequestStatus | null;
  targetId?: string | null;
  introducerId?: string | null;
}

type IntroRequestData = RecordData<IntroRequest>;

const validators: Validators<IntroRequestData> = {
  targetId: (v, k) => f.id(k, v),
  introducerId: (v, k) => f.id(k, v),
  path: (v, k) => f.textList(k, v, (item, field) => f.id(field, item)),
  status: (v, k) => f.optionalOneOf(k, v, INTRO_REQUEST_STATUSES) ?? "drafted",
  message: (v, k) => f.optionalText(k, v),
  outcome: (v, k) => f.optionalText(k, v),
};
const { targetId: _t, introducerId: _i, path: _p, ...patchValidators } = validators;

const EMPTY: IntroRequestData = {
  targetId: "",
  introducerId: "",
  path: [],
  status: "drafted",
  message: null,
  outcome: null,
  statusChangedAt: null,
};

function checked(data: IntroRequestData): IntroRequestData {
  if (data.targetId === data.introducerId)
    throw badInput("introducerId", "must differ from the target");
  if (data.path.length > 0) {
    if (data.path[data.path.length - 1] !== data.targetId)
      throw badInput("path", "must end at the target");
    if (!data.path.includes(data.introducerId))
      throw badInput("path", "must pass through the introducer");
  }
  return data;
}

/** The caller's own clock reading, validated like any instant; null when not given. */
function givenStatusChangedAt(input: unknown): string | null {
  const value =
    input !== null && typeof input === "object"
      ? (input as { statusChangedAt?: unknown }).statusChangedAt
      : undefined;
  return f.dateTime("statusChangedAt", value);
}

export const introRequestSpec: RecordSpec<IntroRequest, IntroRequestInput, IntroRequestPatch> = {
  kind: "introRequest",
  idPrefix: "irq",
  fields: [
    { name: "targetId", type: "text" },
    { name: "introducerId", type: "text" },
    { name: "path", type: "list" },
    { name: "status", type: "text" },
    { name: "message", type: "text" },
    { name: "outcome", type: "text" },
    { name: "statusChangedAt", type: "text" },
  ],
  refs: [
    { field: "targetId", kind: "person", cascade: true },
    { field: "introducerId", kind: "person", cascade: true },
  ],
  create: (input) => ({
    ...checked(readFields(validators, input, EMPTY, false)),
    statusChangedAt: givenStatusChangedAt(input) ?? new Date().toISOString(),
  }),
  patch: (current, patch) => {
    const next = readFields(patchValidators, patch, current, true);
    // Reminders measure how long a request has waited in its current status.
    const stamped =
      givenStatusChangedAt(patch) ??
      (next.status === current.status ? current.statusChangedAt : new Date().toISOString());
    return { ...next, statusChangedAt: stamped };
  },
  sortKey: (d) => d.statusChangedAt ?? "",
  order: "desc",
};
