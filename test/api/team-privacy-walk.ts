/**
 * A generic walk of the schema for the leak search: for every root field, documents that ask
 * for every leaf reachable through `depth` levels of objects (inline fragments for each member
 * of a union or interface, aliased by type so members never conflict), with every required
 * argument filled, as minimal-operation.ts fills them, but with real values: the team's id for
 * `teamId`, each of a list of ids for any other ID, each enum value of a top-level argument,
 * and for an input object without required fields (a target: exactly one of several) one
 * variant per field. And the search for what leaked: markers and other members' addresses.
 */
import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from "graphql";
import type { World } from "./team-privacy-world.js";

/** The values arguments are filled with. */
export interface Fill {
  teamId: string;
  ids: readonly string[];
  strings: readonly string[];
}

const SCALARS: Record<string, string> = {
  Int: "5",
  Float: "0.1",
  Boolean: "true",
  LocalDate: '"2024-01-01"',
  DateTimeISO: '"2024-01-01T00:00:00.000Z"',
  DateTime: '"2024-01-01T00:00:00.000Z"',
};

/** The product of lists of choices, at most `cap` of them, spread over the whole product. */
function product(choices: readonly (readonly string[])[], cap: number): string[][] {
  let all: string[][] = [[]];
  for (const options of choices) all = all.flatMap((done) => options.map((o) => [...done, o]));
  if (all.length <= cap) return all;
  return Array.from({ length: cap }, (_, i) => all[Math.floor((i * all.length) / cap)]!);
}

/** Literal values for an argument or input field of this type. */
function literals(type: GraphQLInputType, name: string, fill: Fill, top: boolean): string[] {
  if (isNonNullType(type)) return literals(type.ofType, name, fill, top);
  if (isListType(type)) return literals(type.ofType, name, fill, false).map((l) => `[${l}]`);
  if (isEnumType(type)) {
    const values = type.getValues().map((v) => v.name);
    return top ? values : values.slice(0, 1);
  }
  if (isScalarType(type)) {
    if (type.name === "ID")
      return (name === "teamId" ? [fill.teamId] : fill.ids).map((id) => JSON.stringify(id));
    if (type.name === "String") return fill.strings.map((s) => JSON.stringify(s));
    const value = SCALARS[type.name];
    if (value === undefined) throw new Error(`no literal for the scalar ${type.name}`);
    return [value];
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    if (required.length === 0)
      return fields.flatMap((f) =>
        literals(f.type, f.name, fill, false).map((l) => `{ ${f.name}: ${l} }`),
      );
    const parts = required.map((f) =>
      literals(f.type, f.name, fill, false).map((l) => `${f.name}: ${l}`),
    );
    return product(parts, 64).map((p) => `{ ${p.join(", ")} }`);
  }
  throw new Error(`no literal for ${String(type)}`);
}

/** Every leaf of the type through `depth` levels of objects; "" for a leaf type. */
export function selectionOf(schema: GraphQLSchema, type: GraphQLOutputType, depth: number): string {
  const named: GraphQLNamedType = getNamedType(type);
  if (isLeafType(named)) return "";
  if (isAbstractType(named))
    return [
      "__typename",
      ...schema
        .getPossibleTypes(named)
        .map((t) => `... on ${t.name} { ${fieldsOf(schema, t.getFields(), depth, `${t.name}_`)} }`),
    ].join(" ");
  if (isObjectType(named)) return fieldsOf(schema, named.getFields(), depth, "");
  throw new Error(`no selection for ${String(type)}`);
}

function fieldsOf(
  schema: GraphQLSchema,
  fields: Record<string, GraphQLField<unknown, unknown>>,
  depth: number,
  alias: string,
): string {
  const parts = ["__typename"];
  for (const f of Object.values(fields)) {
    if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const as = alias === "" ? f.name : `${alias}${f.name}: ${f.name}`;
    if (isLeafType(getNamedType(f.type))) parts.push(as);
    else if (depth > 1) parts.push(`${as} { ${selectionOf(schema, f.type, depth - 1)} }`);
  }
  return parts.join(" ");
}

/** A document for a root field with these argument literals and the whole selection. */
export function documentFor(
  schema: GraphQLSchema,
  kind: "query" | "mutation",
  field: GraphQLField<unknown, unknown>,
  args: string,
  depth: number,
): string {
  const call = args === "" ? field.name : `${field.name}(${args})`;
  const selection = selectionOf(schema, field.type, depth);
  return `${kind} { ${call}${selection === "" ? "" : ` { ${selection} }`} }`;
}

/**
 * Documents for every root query field: each variant of its required arguments, at most `cap`
 * of them, except that an argument that is an id (or a list of ids) tries every id.
 */
export function queryDocuments(
  schema: GraphQLSchema,
  fill: Fill,
  depth: number,
  cap: number,
): { field: string; document: string }[] {
  return Object.values(schema.getQueryType()!.getFields()).flatMap((field) => {
    const required = field.args.filter(
      (a) => isNonNullType(a.type) && a.defaultValue === undefined,
    );
    const parts = required.map((a) =>
      literals(a.type, a.name, fill, true).map((l) => `${a.name}: ${l}`),
    );
    const ids = required.filter((a) => getNamedType(a.type).name === "ID");
    const most = Math.max(cap, ...ids.map((a) => parts[required.indexOf(a)]!.length));
    return product(parts, most).map((p) => ({
      field: field.name,
      document: documentFor(schema, "query", field, p.join(", "), depth),
    }));
  });
}

/** What a response shows `viewer` that they must not see: markers and others' addresses they do not hold. */
export function leaksIn(text: string, world: World, viewer: number): string[] {
  const lower = text.toLowerCase();
  const found = world.secrets
    .filter((s) => s.owner !== viewer && lower.includes(s.value.toLowerCase()))
    .map((s) => `${s.kind} of ${s.owner}: ${s.value}`);
  // Markers B wrote later (changePrivate) are not listed: any marker at all is one A never wrote.
  if (viewer === 0) for (const m of lower.match(/zq-secret-\d+-|\+99[01]\d+/g) ?? []) found.push(m);
  const mine = world.identities[viewer]!;
  world.identities.forEach((theirs, owner) => {
    if (owner === viewer) return;
    for (const key of theirs)
      if (!mine.has(key) && lower.includes(key.replace(/^https?:\/\/(www\.)?/, "")))
        found.push(`address of ${owner}'s contact: ${key}`);
  });
  return [...new Set(found)];
}
