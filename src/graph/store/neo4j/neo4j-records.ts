/**
 * Record <-> property map. Every record node or relationship carries the
 * spec's fields under their own names, plus `id`, `owner`, `createdAt`,
 * `updatedAt`, its list position `sortKey` and, for kinds with exactly one
 * identity key, `identityKey`. Null values are simply absent properties.
 */
import { SPECS, type RecordKind, type Records } from "../../model/kinds.js";
import { foldText } from "../../model/fold-text.js";
import { identityKeys, positionOf } from "../record-ops.js";

export type Props = Record<string, unknown>;

/** Kinds with exactly one identity key keep it on the record; people use Identity nodes instead. */
export const hasIdentityProperty = (kind: RecordKind): boolean =>
  kind !== "person" && SPECS[kind].identity !== undefined;

/**
 * Folded copies (foldText) of the fields the text filters match, as `<field>Fold`: Cypher
 * has no accent folding (APOC's is a plugin), so "chloe" can only find Chloé in a copy
 * folded when the record is written. Kept in step by `toProps`, which every write uses.
 */
export const FOLDED_FIELDS: Readonly<Partial<Record<RecordKind, readonly string[]>>> =
  Object.freeze({ person: ["name", "title"], organization: ["name"] });

/** The property holding `field` folded. */
export const foldedProp = (field: string): string => `${field}Fold`;

/** The names of the properties `toProps` gives a kind's records, in its order. */
export function propNames(kind: RecordKind): string[] {
  return [
    "id",
    "owner",
    "createdAt",
    "updatedAt",
    "sortKey",
    ...(hasIdentityProperty(kind) ? ["identityKey"] : []),
    ...SPECS[kind].fields.map((field) => field.name),
    ...(FOLDED_FIELDS[kind] ?? []).map(foldedProp),
  ];
}

/** The properties to store for a record (nulls included, so `SET n += map` clears them). */
export function toProps<K extends RecordKind>(kind: K, record: Records[K]): Props {
  const source = record as unknown as Props;
  const props: Props = {
    id: record.id,
    owner: record.ownerId,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    sortKey: positionOf(kind, record).key,
  };
  // A kind whose identity is optional (an interaction's source key) stores null: no key.
  if (hasIdentityProperty(kind)) props.identityKey = identityKeys(kind, record)[0] ?? null;
  for (const field of SPECS[kind].fields) props[field.name] = source[field.name] ?? null;
  for (const field of FOLDED_FIELDS[kind] ?? []) {
    const value = source[field];
    props[foldedProp(field)] = typeof value === "string" ? foldText(value) : null;
  }
  return props;
}

/** A stored value as a record field of `type`: absent text and numbers become null, absent lists []. */
function fieldValue(type: string, value: unknown): unknown {
  switch (type) {
    case "list":
      return Array.isArray(value) ? value : [];
    case "boolean":
      return value === true;
    default:
      return value ?? null;
  }
}

/** A plain record from stored properties. */
export function fromProps<K extends RecordKind>(kind: K, props: Props): Records[K] {
  const record: Props = {
    id: props.id,
    ownerId: props.owner,
    createdAt: props.createdAt,
    updatedAt: props.updatedAt,
  };
  for (const field of SPECS[kind].fields)
    record[field.name] = fieldValue(field.type, props[field.name]);
  return record as unknown as Records[K];
}

/**
 * The properties a whole-network read returns per record, as one list in this
 * order (see `fromColumns`): a list carries no property names, which a map
 * repeats in every row and the driver then decodes once per row.
 */
export const recordColumns = (kind: RecordKind): string[] => [
  "id",
  "createdAt",
  "updatedAt",
  ...SPECS[kind].fields.map((field) => field.name),
];

/** A plain record of `owner` from the values of `recordColumns(kind)`, the same one `fromProps` gives. */
export function fromColumns<K extends RecordKind>(
  kind: K,
  owner: string,
  values: readonly unknown[],
): Records[K] {
  const record: Props = {
    id: values[0],
    ownerId: owner,
    createdAt: values[1],
    updatedAt: values[2],
  };
  const fields = SPECS[kind].fields;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    record[field.name] = fieldValue(field.type, values[i + 3]);
  }
  return record as unknown as Records[K];
}
