/**
 * Guards an operation while it runs: it stops at the request's deadline
 * (src/graph/deadline.ts) and before a response would hold more fields than
 * allowed, which catches what the cost estimate misses (a real fan-out far
 * above the typical one). Either way the whole answer becomes one error, so a
 * stopped request never returns a partial result that looks complete.
 *
 * Fields are counted when a list comes back: its items times the fields each
 * item selects (through nested objects, not nested lists, which count when
 * they come back). So the list that would break the budget fails as one error
 * before any of its items is resolved, instead of thousands of item fields
 * each failing on its own (each a GraphQLError with a stack: seconds and
 * hundreds of MB on a large fan-out).
 *
 * The check sits in a wrapper around every field's resolver rather than in
 * Apollo's `willResolveField` hook: a hook that throws does so synchronously,
 * which makes graphql-js abandon sibling promises whose later rejections go
 * unhandled (and would end the process). A wrapper returns a rejected promise
 * instead, which graphql-js awaits like any other.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import {
  defaultFieldResolver,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type GraphQLFormattedError,
  type GraphQLOutputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import { ErrorCode, WarmpathError, isWarmpathError } from "../errors.js";
import { checkDeadline } from "../graph/index.js";

export interface ExecutionLimits {
  /** Most fields one response may resolve (a bound on its size and on the memory it takes). */
  maxResponseFields: number;
}

/** One request's running count, kept on its context under this key. */
const BUDGET = Symbol("warmpath.executionBudget");
const GUARDED = Symbol("warmpath.guardedSchema");

const isList = (type: GraphQLOutputType): boolean =>
  isListType(isNonNullType(type) ? type.ofType : type);

/**
 * Fields one item of a list selects, through nested objects (a nested list's
 * selection counts once here, and again for its items when it comes back:
 * conservative). Memoized per selection set.
 */
const widths = new WeakMap<SelectionSetNode, number>();
function widthOf(selectionSet: SelectionSetNode | undefined, info: GraphQLResolveInfo): number {
  if (!selectionSet) return 1;
  const known = widths.get(selectionSet);
  if (known !== undefined) return known;
  widths.set(selectionSet, 1); // a fragment cycle (refused by validation) ends here
  let width = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD)
      width += 1 + (selection.selectionSet ? widthOf(selection.selectionSet, info) : 0);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      width += widthOf(selection.selectionSet, info);
    else width += widthOf(info.fragments[selection.name.value]?.selectionSet, info);
  }
  widths.set(selectionSet, width);
  return width;
}

class ExecutionBudget {
  private fields = 0;
  stopped: WarmpathError | undefined;

  constructor(private readonly limits: ExecutionLimits) {}

  /** The error to answer with once the request must stop (budget spent, or the deadline passed). */
  check(): WarmpathError | undefined {
    if (this.stopped) return this.stopped;
    try {
      checkDeadline();
    } catch (error) {
      if (!isWarmpathError(error)) throw error;
      return (this.stopped = error);
    }
    return undefined;
  }

  /** Charges a list that came back: its items times the fields each selects. */
  charge(value: unknown, info: GraphQLResolveInfo): WarmpathError | undefined {
    if (!Array.isArray(value) || this.stopped) return this.stopped;
    this.fields += value.length * widthOf(info.fieldNodes[0]?.selectionSet, info);
    if (this.fields <= this.limits.maxResponseFields) return undefined;
    return (this.stopped = new WarmpathError(
      ErrorCode.RESPONSE_TOO_LARGE,
      `The response would hold more than ${this.limits.maxResponseFields} fields; ask for fewer items (first, k, limit) or fewer nested lists.`,
      { limit: "maxResponseFields", max: this.limits.maxResponseFields },
    ));
  }
}

const isPromise = (value: unknown): value is Promise<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === "function";

/** Wraps every field's resolver (once per schema) so a request's budget is spent as it runs. */
export function guardResolvers(schema: GraphQLSchema): GraphQLSchema {
  const marked = schema as GraphQLSchema & { [GUARDED]?: true };
  if (marked[GUARDED]) return schema;
  marked[GUARDED] = true;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      const list = isList(field.type) && isCompositeType(getNamedType(field.type));
      field.resolve = (source, args, context, info) => {
        const budget = (context as { [BUDGET]?: ExecutionBudget } | undefined)?.[BUDGET];
        if (!budget) return resolve(source, args, context, info);
        const stop = budget.check();
        if (stop) return Promise.reject(stop);
        const result = resolve(source, args, context, info);
        if (!list) return result;
        const charged = (value: unknown) => {
          const over = budget.charge(value, info);
          if (over) throw over;
          return value;
        };
        if (isPromise(result)) return result.then(charged);
        const over = budget.charge(result, info);
        return over ? Promise.reject(over) : result;
      };
    }
  }
  return schema;
}

const formatted = (error: WarmpathError): GraphQLFormattedError => ({
  message: error.message,
  extensions: { code: error.code, ...(error.limit ? { limit: error.limit, max: error.max } : {}) },
});

/** Gives each request its budget; answers one error when the request was stopped. */
export function executionGuardPlugin(limits: ExecutionLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const budget = new ExecutionBudget(limits);
      return {
        async executionDidStart({ contextValue }) {
          Object.defineProperty(contextValue, BUDGET, { value: budget });
        },
        async willSendResponse({ response }) {
          if (budget.stopped && response.body.kind === "single")
            response.body.singleResult = { errors: [formatted(budget.stopped)] };
        },
      };
    },
  };
}
