/**
 * The estimated cost of one operation, before it runs: each field costs 1 plus
 * its own work (field-costs.ts), and a list field multiplies the cost of its
 * selection by its expected length, so nested lists multiply as they do when
 * executed. A fragment is costed once and reused at every spread (costs do not
 * depend on where a fragment is spread), so the walk is linear in the document
 * however the fragments fan out. Arguments are read with their variables, so
 * `first: $n` counts as much as `first: 1000`.
 *
 * Hand-written rather than taken from a library: graphql-query-complexity
 * re-walks fragments at every spread (exponential on fan-out) and GraphQL
 * Armor's cost limit reads only literal `first` arguments and knows no fan-out.
 */
import {
  getArgumentValues,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { DEFAULT_FAN_OUT, FIELD_COSTS, type FieldArgs, type NetworkSize } from "./field-costs.js";

export interface CostEstimate {
  cost: number;
  /** Whether any field's cost reads the network's size (then estimate again with the real size). */
  usesNetwork: boolean;
}

/** Thrown for a list argument longer than the cap, with the argument's path. */
export class ListArgumentTooLong extends Error {
  constructor(
    readonly field: string,
    readonly max: number,
  ) {
    super(`${field}: at most ${max} items`);
  }
}

const isList = (type: GraphQLOutputType): boolean =>
  isListType(isNonNullType(type) ? type.ofType : type);

function checkLists(value: unknown, path: string, max: number): void {
  if (Array.isArray(value)) {
    if (value.length > max) throw new ListArgumentTooLong(path, max);
    value.forEach((item, i) => checkLists(item, `${path}[${i}]`, max));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) checkLists(item, `${path}.${key}`, max);
  }
}

export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  network: NetworkSize,
  maxListArgument: number,
): CostEstimate {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const fragmentCosts = new Map<string, number>();
  let usesNetwork = false;

  const selectionCost = (type: GraphQLCompositeType, selectionSet: SelectionSetNode): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith("__")) {
          total += 1;
          continue;
        }
        const field =
          "getFields" in type
            ? (type.getFields()[name] as GraphQLField<unknown, unknown> | undefined)
            : undefined;
        if (!field) continue; // validation reports unknown fields
        let args: FieldArgs = {};
        try {
          args = getArgumentValues(field, selection, variables);
        } catch {
          // Bad arguments fail at execution with their own error; cost the field with defaults.
        }
        checkLists(args, `${name}`, maxListArgument);
        const rule = FIELD_COSTS[`${type.name}.${name}`];
        if (rule?.network) usesNetwork = true;
        let cost = 1 + (rule?.cost?.(args, network) ?? 0);
        const fieldType = getNamedType(field.type);
        if (selection.selectionSet && isCompositeType(fieldType)) {
          const fanOut = rule?.fanOut?.(args) ?? (isList(field.type) ? DEFAULT_FAN_OUT : 1);
          cost += fanOut * selectionCost(fieldType, selection.selectionSet);
        }
        total += cost;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : type;
        if (condition && isCompositeType(condition))
          total += selectionCost(condition, selection.selectionSet);
      } else {
        total += spreadCost(selection.name.value);
      }
    }
    return total;
  };

  const spreadCost = (name: string): number => {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    const condition = fragment && schema.getType(fragment.typeCondition.name.value);
    if (!fragment || !condition || !isCompositeType(condition)) return 0;
    fragmentCosts.set(name, 0); // a cycle (refused by validation anyway) ends here
    const cost = selectionCost(condition, fragment.selectionSet);
    fragmentCosts.set(name, cost);
    return cost;
  };

  const root = schema.getRootType(operation.operation);
  const cost = root ? selectionCost(root, operation.selectionSet) : 0;
  return { cost, usesNetwork };
}
