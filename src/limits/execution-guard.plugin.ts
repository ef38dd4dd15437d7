/**
 * Guards an operation while it runs: it stops at the request's deadline
 * (src/graph/deadline.ts) and once it has resolved more fields than a response
 * may hold, which catches what the cost estimate misses (a real fan-out far
 * above the typical one). Either way the whole answer becomes one error, so a
 * stopped request never returns a partial result that looks complete.
 *
 * The check sits in a wrapper around every field's resolver rather than in
 * Apollo's `willResolveField` hook: a hook that throws does so synchronously,
 * which makes graphql-js abandon sibling promises whose later rejections go
 * unhandled (and would end the process). A wrapper returns a rejected promise
 * instead, which graphql-js awaits like any other.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { defaultFieldResolver, isObjectType, type GraphQLFormattedError, type GraphQLSchema } from "graphql";
import { ErrorCode, WarmpathError, isWarmpathError } from "../errors.js";
import { checkDeadline } from "../graph/index.js";

export interface ExecutionLimits {
  /** Most fields one response may resolve (a bound on its size and on the memory it takes). */
  maxResponseFields: number;
}

/** One request's running count, kept on its context under this key. */
const BUDGET = Symbol("warmpath.executionBudget");
const GUARDED = Symbol("warmpath.guardedSchema");

class ExecutionBudget {
  private fields = 0;
  stopped: WarmpathError | undefined;

  constructor(private readonly limits: ExecutionLimits) {}

  /** Counts one field; the error to answer with once the request must stop. */
  spend(): WarmpathError | undefined {
    if (this.stopped) return this.stopped;
    if (++this.fields > this.limits.maxResponseFields) {
      return (this.stopped = new WarmpathError(
        ErrorCode.RESPONSE_TOO_LARGE,
        `The response would hold more than ${this.limits.maxResponseFields} fields; ask for fewer items (first, k, limit) or fewer nested lists.`,
        { limit: "maxResponseFields", max: this.limits.maxResponseFields },
      ));
    }
    try {
      checkDeadline();
    } catch (error) {
      if (!isWarmpathError(error)) throw error;
      return (this.stopped = error);
    }
    return undefined;
  }
}

/** Wraps every field's resolver (once per schema) so a request's budget is spent as it runs. */
export function guardResolvers(schema: GraphQLSchema): GraphQLSchema {
  const marked = schema as GraphQLSchema & { [GUARDED]?: true };
  if (marked[GUARDED]) return schema;
  marked[GUARDED] = true;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const stop = (context as { [BUDGET]?: ExecutionBudget } | undefined)?.[BUDGET]?.spend();
        return stop ? Promise.reject(stop) : resolve(source, args, context, info);
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
          if (budget.stopped && response.body.kind === "single") response.body.singleResult = { errors: [formatted(budget.stopped)] };
        },
      };
    },
  };
}
