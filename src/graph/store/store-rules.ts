/** Rules about relations between kinds that every adapter applies the same way. */
import { badInput } from "../../errors.js";
import { RECORD_KINDS, SPECS, type RecordKind } from "../model/kinds.js";

export const MAX_NEIGHBORHOOD_DEPTH = 6;

export function checkDepth(depth: unknown): number {
  if (
    typeof depth !== "number" ||
    !Number.isInteger(depth) ||
    depth < 0 ||
    depth > MAX_NEIGHBORHOOD_DEPTH
  ) {
    throw badInput("depth", `must be a whole number from 0 to ${MAX_NEIGHBORHOOD_DEPTH}`);
  }
  return depth;
}

/** The fields of `kind` that reference records of `refKind`; a kind with none is a programming error. */
export function refFields(kind: RecordKind, refKind: "person" | "organization"): string[] {
  const fields = SPECS[kind].refs.filter((ref) => ref.kind === refKind).map((ref) => ref.field);
  if (fields.length === 0)
    throw new TypeError(`${kind} records do not reference ${refKind} records`);
  return fields;
}

/** The kinds whose records are deleted with a record of `kind`, and the fields that point at it. */
export function dependentsOf(kind: RecordKind): { kind: RecordKind; fields: string[] }[] {
  return RECORD_KINDS.flatMap((other) => {
    const fields = SPECS[other].refs
      .filter((ref) => ref.kind === kind && ref.cascade)
      .map((ref) => ref.field);
    return fields.length > 0 ? [{ kind: other, fields }] : [];
  });
}
