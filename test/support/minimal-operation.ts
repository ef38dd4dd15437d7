/**
 * A valid document for one root field of a schema, with literal values for every required
 * argument (recursively for input objects) and the smallest selection: for tests that must
 * reach every operation, such as the one proving that each needs an identity.
 */
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";

const SCALARS: Record<string, string> = {
  String: '"x"',
  ID: '"x"',
  Int: "1",
  Float: "1",
  Boolean: "true",
  LocalDate: '"2024-01-01"',
  DateTimeISO: '"2024-01-01T00:00:00.000Z"',
  DateTime: '"2024-01-01T00:00:00.000Z"',
};

function literal(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(type.ofType);
  if (isListType(type)) return `[${literal(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isScalarType(type)) {
    const value = SCALARS[type.name];
    if (value === undefined) throw new Error(`no literal for the scalar ${type.name}`);
    return value;
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter(
      (field) => isNonNullType(field.type) && field.defaultValue === undefined,
    );
    return `{ ${fields.map((field) => `${field.name}: ${literal(field.type)}`).join(", ")} }`;
  }
  throw new Error(`no literal for ${String(type)}`);
}

export function minimalOperation(
  kind: "query" | "mutation",
  field: GraphQLField<unknown, unknown>,
): string {
  const args = field.args
    .filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)
    .map((arg) => `${arg.name}: ${literal(arg.type)}`);
  const call = args.length > 0 ? `${field.name}(${args.join(", ")})` : field.name;
  const selection = isLeafType(getNamedType(field.type)) ? "" : " { __typename }";
  return `${kind} { ${call}${selection} }`;
}

/** Every query and mutation of the schema, each with its need read from `extensions`. */
export function everyOperation(
  schema: GraphQLSchema,
  needKey: string,
): { name: string; need: unknown; document: string }[] {
  const roots = [
    ["query", schema.getQueryType()],
    ["mutation", schema.getMutationType()],
  ] as const;
  return roots.flatMap(([kind, type]) =>
    type
      ? Object.values(type.getFields()).map((field) => ({
          name: field.name,
          need: field.extensions[needKey],
          document: minimalOperation(kind, field),
        }))
      : [],
  );
}
