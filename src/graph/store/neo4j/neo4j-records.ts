/**
 * Record <-> property map. Every record node or relationship carries the
 * spec's fields under their own names, plus `id`, `owner`, `createdAt`,
 * `updatedAt`, its list position `sortKey` and, for kinds with exactly one
 * identity key, `identityKey`. Null values are simply absent properties.
 */
import { SPECS, type RecordKind, type Records } from "../../model/kinds.js";
import { identityKeys, positionOf } from "../record-ops.js";

export type Props = Record<string, unknown>;

/** Kinds with exactly one identity key keep it on the record; people use Identity nodes instead. */
export const hasIdentityProperty = (kind: RecordKind): boolean =>
  kind !== "person" && SPECS[kind].identity !== undefined;

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
  if (hasIdentityProperty(kind)) props.identityKey = identityKeys(kind, record)[0];
  for (const field of SPECS[kind].fields) props[field.name] = source[field.name] ?? null;
  return props;
}

/** A plain record from stored properties: absent text and numbers become null, absent lists []. */
export function fromProps<K extends RecordKind>(kind: K, props: Props): Records[K] {
  const record: Props = {
    id: props.id,
    ownerId: props.owner,
    createdAt: props.createdAt,
    updatedAt: props.updatedAt,
  };
  for (const field of SPECS[kind].fields) {
    const value = props[field.name];
    switch (field.type) {
      case "list":
        record[field.name] = Array.isArray(value) ? value : [];
        break;
      case "boolean":
        record[field.name] = value === true;
        break;
      case "number":
      case "text":
        record[field.name] = value ?? null;
        break;
    }
  }
  return record as unknown as Records[K];
}
