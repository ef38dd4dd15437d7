import { badInput } from "../../errors.js";

/** What every stored record has, whatever its kind. */
export interface RecordBase {
  /** Opaque and stable; never reused. */
  readonly id: string;
  /** The owner whose network this record belongs to. */
  readonly ownerId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The fields a caller controls; the store adds the rest. */
export type RecordData<R extends RecordBase> = Omit<R, keyof RecordBase>;

/** A field the adapters store, with the storage type they need to know. */
export interface FieldSpec {
  readonly name: string;
  readonly type: "text" | "number" | "boolean" | "list";
}

/** A field that must name an existing record of the same owner. */
export interface RefSpec {
  readonly field: string;
  readonly kind: "person" | "organization";
  /** Deleting the referenced record deletes this one too. */
  readonly cascade: true;
}

/**
 * Everything the adapters need to know about one record kind, so that both
 * adapters store, validate, merge and order every kind the same way.
 */
export interface RecordSpec<R extends RecordBase, I, P> {
  readonly kind: string;
  /** Prefix of the opaque ids, so an id says what it names when read in a log. */
  readonly idPrefix: string;
  readonly fields: readonly FieldSpec[];
  readonly refs: readonly RefSpec[];
  /** Validates a create input into the stored fields; throws BAD_USER_INPUT naming the field. */
  create(input: I): RecordData<R>;
  /** Applies a partial update to the stored fields, validating what changes. */
  patch(current: RecordData<R>, patch: P): RecordData<R>;
  /** Present on kinds that can be upserted: combines a stored record with an incoming one. */
  merge?(current: RecordData<R>, incoming: RecordData<R>): RecordData<R>;
  /** Keys unique within an owner; two records sharing one are the same thing. */
  identity?(data: RecordData<R>): string[];
  /** Lists are ordered by this key (then by id), in `order`. */
  sortKey(data: RecordData<R>): string;
  readonly order: "asc" | "desc";
}

/** One validator per caller-controlled field; each throws BAD_USER_INPUT naming its field. */
export type Validators<D> = { readonly [K in keyof D]?: (value: unknown, field: string) => D[K] };

/**
 * Reads an input through its validators. On create (`partial` false) every
 * validated field is read, so required ones fail when absent; on a patch only
 * the fields present in the input are, and the rest keep `base`'s values.
 */
export function readFields<D extends object>(
  validators: Validators<D>,
  input: unknown,
  base: D,
  partial: boolean,
): D {
  if (input === null || typeof input !== "object") throw badInput("input", "must be an object");
  const source = input as Record<string, unknown>;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  const entries = entriesOf(validators);
  for (let i = 0; i < entries.length; i++) {
    const [key, validate] = entries[i]!;
    const value = source[key];
    if (partial && value === undefined) continue;
    out[key] = validate(value, key);
  }
  return out as D;
}

type Entry = readonly [string, (v: unknown, f: string) => unknown];
const ENTRIES = new WeakMap<object, readonly Entry[]>();

/** A validators object's entries, listed once: bulk writes read every record through them. */
function entriesOf(validators: object): readonly Entry[] {
  let entries = ENTRIES.get(validators);
  if (entries === undefined) {
    entries = Object.entries(validators) as Entry[];
    ENTRIES.set(validators, entries);
  }
  return entries;
}
