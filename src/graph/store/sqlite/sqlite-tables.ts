/** How each record kind maps to its SQLite table: names, columns and row conversion. */
import { SPECS, type RecordKind, type Records } from "../../model/kinds.js";
import type { FieldSpec } from "../../model/record.js";
import { identityKeys } from "../record-ops.js";

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
  news: "news",
  cadence: "cadence",
  draft: "draft",
};

/**
 * The columns that hold each single-identity kind's identity, unique per owner.
 * People have several identity keys, kept in the person_identity table instead.
 */
export const IDENTITY_COLUMNS: { readonly [K in RecordKind]?: readonly string[] } = {
  organization: ["identity_key"],
  tie: ["person_a", "person_b"],
  employment: ["identity_key"],
  membership: ["identity_key"],
  cadence: ["identity_key"],
  // Only imported interactions have one (migration 8): a partial unique index on it.
  interaction: ["source_key"],
};

/**
 * What a kind's identity conflicts on, for `INSERT ... ON CONFLICT`: the identity columns after
 * the owner, except a tie's, which is the pair of its ends' integer keys (migration 7; a
 * person's key belongs to one owner, so the pair needs no owner).
 */
export const conflictTarget = (kind: RecordKind): string =>
  kind === "tie" ? "a_pk, b_pk" : ["owner", ...(IDENTITY_COLUMNS[kind] ?? [])].join(", ");

/**
 * A tie's ends are indexed by their people's integer keys (`a_pk`, `b_pk`, migration 7), not by
 * the text ids the row also holds. So every condition on a tie's end goes through the key:
 * `t.person_a = ?` is `t.a_pk = (SELECT pk FROM person WHERE id = ?)`. Person ids are unique,
 * and their index holds the key, so the subquery is one look-up in that index.
 */
const END_KEYS: Readonly<Record<string, string>> = { person_a: "a_pk", person_b: "b_pk" };

/**
 * SQL true when reference `field` of a row (table alias `alias`) is `ids` (`op` "=") or is in
 * `ids` (`op` "IN", `ids` a subquery or list).
 */
export function refMatches(alias: string, field: string, op: "=" | "IN", ids: string): string {
  const name = column(field).slice(1, -1);
  const key = END_KEYS[name];
  return key === undefined
    ? `${alias}."${name}" ${op} ${ids}`
    : `${alias}.${key} ${op} (SELECT pk FROM person WHERE id ${op} ${ids})`;
}

/**
 * The columns after the owner that a kind's rows are listed by, as `ORDER BY` text. A tie's
 * sort key is always empty, so ties are listed by id alone, walking the tie table's (owner, id)
 * index (migration 7): ordering by the constant too would make SQLite sort the whole list.
 */
export function listOrder(kind: RecordKind, direction: "ASC" | "DESC" = "ASC"): string {
  return kind === "tie" ? `t.id ${direction}` : `t.sort_key ${direction}, t.id ${direction}`;
}

const hasIdentityKeyColumn = (kind: RecordKind): boolean =>
  IDENTITY_COLUMNS[kind]?.[0] === "identity_key";

export const column = (field: string): string =>
  `"${field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}"`;

export type Row = Record<string, unknown>;

/** Memoizes a function of the record kind: the SQL text of a kind is built once, not per row. */
export function perKind<T>(build: (kind: RecordKind) => T): (kind: RecordKind) => T {
  const built = new Map<RecordKind, T>();
  return (kind) => {
    let value = built.get(kind);
    if (value === undefined) {
      value = build(kind);
      built.set(kind, value);
    }
    return value;
  };
}

/** The columns of a kind's table, in the order `toRow` fills them. */
export const columnsOf = perKind((kind): readonly string[] => {
  const base = ["id", "owner", "sort_key", "created_at", "updated_at"];
  if (hasIdentityKeyColumn(kind)) base.push("identity_key");
  return [...base.map((c) => `"${c}"`), ...SPECS[kind].fields.map((f) => column(f.name))];
});

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
      // Most lists are empty: a person row holds eight, read a thousand at a time.
      return value === "[]" || value === null || value === undefined
        ? []
        : JSON.parse(String(value));
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
  const spec = SPECS[kind];
  const values: unknown[] = [
    record.id,
    record.ownerId,
    spec.sortKey(record),
    record.createdAt,
    record.updatedAt,
  ];
  if (hasIdentityKeyColumn(kind)) values.push(identityKeys(kind, record)[0]);
  const fields = spec.fields;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    values.push(toValue(field, source[field.name]));
  }
  return values;
}

/** The values of a row's identity columns, in `IDENTITY_COLUMNS` order. */
export function identityValues<K extends RecordKind>(kind: K, record: Records[K]): unknown[] {
  const columns = IDENTITY_COLUMNS[kind] ?? [];
  if (hasIdentityKeyColumn(kind)) return identityKeys(kind, record);
  const source = record as unknown as Row;
  return columns.map((c) => source[c.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase())]);
}

/**
 * The columns a record is read from, as a SELECT list for table alias `t`:
 * only what the record holds, since every extra column read costs time on a
 * million-row load.
 */
export const selectList = perKind((kind): string =>
  [
    "id",
    "owner",
    "created_at",
    "updated_at",
    ...SPECS[kind].fields.map((f) => column(f.name).slice(1, -1)),
  ]
    .map((c) => `t."${c}"`)
    .join(", "),
);

/** A record from a row selected with `selectList(kind)` in raw (array) mode. */
export function fromRaw<K extends RecordKind>(kind: K, row: readonly unknown[]): Records[K] {
  const record: Row = { id: row[0], ownerId: row[1], createdAt: row[2], updatedAt: row[3] };
  const fields = SPECS[kind].fields;
  for (let i = 0; i < fields.length; i++)
    record[fields[i]!.name] = fromValue(fields[i]!, row[i + 4]);
  return record as unknown as Records[K];
}
