/**
 * The adapter-independent half of every write: validation, ids, timestamps,
 * upsert merges and list positions. Adapters call these and only persist.
 */
import { badInput, WarmpathError } from "../../errors.js";
import { SPECS, type Inputs, type Patches, type RecordKind, type Records } from "../model/kinds.js";
import type { RecordData } from "../model/record.js";
import { newId } from "./ids.js";
import type { CursorPosition } from "./page.js";

type Data<K extends RecordKind> = RecordData<Records[K]>;

export function checkOwnerId(ownerId: unknown): string {
  if (typeof ownerId !== "string" || ownerId.trim() === "" || ownerId.length > 200) {
    throw badInput("ownerId", "must be a non-empty id of at most 200 characters");
  }
  return ownerId;
}

export function nowIso(): string {
  return new Date().toISOString();
}

/** A validated new record of `kind`, with a fresh id. */
export function newRecord<K extends RecordKind>(
  ownerId: string,
  kind: K,
  input: Inputs[K],
  now = nowIso(),
): Records[K] {
  // A new object, not `create`'s completed in place: V8 adds properties to the validators'
  // objects (cloned from a template whose fields then change type) through a slow path,
  // 4-5 us a record, where `Object.assign` onto `{}` costs 0.3 us. Same keys, same order.
  return Object.assign({}, SPECS[kind].create(input), {
    id: newId(SPECS[kind].idPrefix),
    ownerId,
    createdAt: now,
    updatedAt: now,
  }) as unknown as Records[K];
}

export function patchedRecord<K extends RecordKind>(
  kind: K,
  current: Records[K],
  patch: Patches[K],
  now = nowIso(),
): Records[K] {
  if (patch === null || typeof patch !== "object") throw badInput("input", "must be an object");
  const data = SPECS[kind].patch(dataOf(kind, current), patch);
  return sameData(kind, dataOf(kind, current), data)
    ? current
    : ({ ...current, ...data, updatedAt: now } as Records[K]);
}

/** Merges an incoming record into a stored one with the same identity; `changed` is false when the merge adds nothing. */
export function mergedRecord<K extends RecordKind>(
  kind: K,
  current: Records[K],
  incoming: Records[K],
  now = nowIso(),
): { record: Records[K]; changed: boolean } {
  const merge = SPECS[kind].merge;
  if (!merge) throw new TypeError(`${kind} records cannot be upserted`);
  const data = merge(dataOf(kind, current), dataOf(kind, incoming));
  if (sameData(kind, dataOf(kind, current), data)) return { record: current, changed: false };
  return { record: { ...current, ...data, updatedAt: now } as Records[K], changed: true };
}

export function dataOf<K extends RecordKind>(kind: K, record: Records[K]): Data<K> {
  const out: Record<string, unknown> = {};
  const source = record as unknown as Record<string, unknown>;
  for (const field of SPECS[kind].fields) out[field.name] = source[field.name];
  return out as Data<K>;
}

function sameData<K extends RecordKind>(kind: K, a: Data<K>, b: Data<K>): boolean {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  return SPECS[kind].fields.every(({ name, type }) =>
    type === "list" ? JSON.stringify(x[name]) === JSON.stringify(y[name]) : x[name] === y[name],
  );
}

// A record holds every data field, so the spec functions below read it directly: no copy per row on bulk paths.

export function identityKeys<K extends RecordKind>(kind: K, record: Records[K]): string[] {
  return SPECS[kind].identity?.(record) ?? [];
}

/** The record's place in its kind's list order. */
export function positionOf<K extends RecordKind>(kind: K, record: Records[K]): CursorPosition {
  return { key: SPECS[kind].sortKey(record), id: record.id };
}

/** The ids a record points at, with the field naming each, for existence checks. */
export function referencesOf<K extends RecordKind>(
  kind: K,
  record: Records[K],
): { field: string; kind: "person" | "organization"; id: string }[] {
  const source = record as unknown as Record<string, unknown>;
  return SPECS[kind].refs.map((ref) => ({
    field: ref.field,
    kind: ref.kind,
    id: String(source[ref.field]),
  }));
}

/** The input field an identity key comes from, named in CONFLICT errors. */
export function identityField(key: string): string {
  const prefix = key.slice(0, key.indexOf(":"));
  switch (prefix) {
    case "url":
      return "profileUrl";
    case "email":
      return "emails";
    case "org":
      return "name";
    case "tie":
      return "personB";
    case "source":
      return "sourceKey";
    default:
      return "organizationId";
  }
}

/** Re-labels an input error of a bulk write with the input's index: `inputs[3].name`. */
export function atIndex(error: unknown, index: number): unknown {
  if (error instanceof WarmpathError && error.field !== undefined) {
    const field = `inputs[${index}].${error.field}`;
    return new WarmpathError(error.code, error.message.replace(error.field, field), {
      field,
      cause: error,
    });
  }
  return error;
}

/**
 * The input field that held a referenced id. Ties are stored with their ends
 * in id order, so the stored field may differ from the one the caller used;
 * errors name the caller's.
 */
export function inputFieldOf<K extends RecordKind>(
  kind: K,
  input: Inputs[K],
  id: string,
  storedField: string,
): string {
  const source = input as unknown as Record<string, unknown>;
  return SPECS[kind].refs.find((ref) => source[ref.field] === id)?.field ?? storedField;
}

/** Validates every input of a bulk write before anything is written; an error names its input's index. */
export function newRecords<K extends RecordKind>(
  ownerId: string,
  kind: K,
  inputs: readonly Inputs[K][],
): Records[K][] {
  if (!Array.isArray(inputs)) throw badInput("inputs", "must be a list");
  const now = nowIso();
  return inputs.map((input, i) => {
    try {
      return newRecord(ownerId, kind, input, now);
    } catch (error) {
      throw atIndex(error, i);
    }
  });
}
