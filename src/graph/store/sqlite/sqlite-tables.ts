/** How each record kind maps to its SQLite table: names, columns and row conversion. */
import { SPECS, type RecordKind, type Records } from "../../model/kinds.js";
import type { FieldSpec } from "../../model/record.js";
import { identityKeys, positionOf } from "../record-ops.js";

export const TABLES: { readonly [K in RecordKind]: string } = {
  person: "person",
  organization: "organization",
  tie: "tie",
  employment: "employment",
  membership: "membership",
  interaction: "interaction",
  followUp: "follow_up",
  favor: "favor",
  introRequest: "intro_request",
};

/** Kinds with one identity key keep it in an `identity_key` column; people have several, in person_identity. */
export const hasIdentityColumn = (kind: RecordKind): boolean => kind !== "person" && SPECS[kind].identity !== undefined;

export const column = (field: string): string => `"${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}"`;

export type Row = Record<string, unknown>;

/** The columns of a kind's table, in the order `toRow` fills them. */
export function columnsOf(kind: RecordKind): string[] {
  const base = ["id", "owner", "sort_key", "created_at", "updated_at"];
  if (hasIdentityColumn(kind)) base.push("identity_key");
  return [...base.map((c) => `"${c}"`), ...SPECS[kind].fields.map((f) => column(f.name))];
}

function toValue(field: FieldSpec, value: unknown): unknown {
  switch (field.type) {
    case "list":
      return JSON.stringify(value ?? []);
    case "boolean":
      return value ? 1 : 0;
    case "number":
    case "text":
      return value ?? null;
  }
}

function fromValue(field: FieldSpec, value: unknown): unknown {
  switch (field.type) {
    case "list":
      return JSON.parse(String(value ?? "[]"));
    case "boolean":
      return value === 1;
    case "number":
    case "text":
      return value ?? null;
  }
}

/** Positional values for an INSERT or UPDATE, matching `columnsOf(kind)`. */
export function toRow<K extends RecordKind>(kind: K, record: Records[K]): unknown[] {
  const source = record as unknown as Row;
  const values: unknown[] = [record.id, record.ownerId, positionOf(kind, record).key, record.createdAt, record.updatedAt];
  if (hasIdentityColumn(kind)) values.push(identityKeys(kind, record)[0]);
  for (const field of SPECS[kind].fields) values.push(toValue(field, source[field.name]));
  return values;
}

/** A record from a row selected with `SELECT *`. */
export function fromRow<K extends RecordKind>(kind: K, row: Row): Records[K] {
  const record: Row = {
    id: row.id,
    ownerId: row.owner,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  for (const field of SPECS[kind].fields) record[field.name] = fromValue(field, row[column(field.name).slice(1, -1)]);
  return record as unknown as Records[K];
}
