/**
 * The structural limits of one GraphQL document, from GraphQL Armor
 * (`@escape.tech/graphql-armor-*`): depth, aliases and directives, each
 * counting a fragment once however often it is spread (our earlier hand-written
 * depth rule re-walked fragments at every spread: exponential on fan-out).
 * Armor reports "Syntax Error: ... limit of N exceeded, found M"; we report our
 * own code and message with the limit's name and value.
 */
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import { GraphQLError, type ValidationContext, type ValidationRule } from "graphql";
import { ErrorCode } from "../errors.js";

export interface OperationLimits {
  /** Deepest nesting of selection sets (fragments add no depth of their own). */
  maxDepth: number;
  /** Most aliased fields in one operation. */
  maxAliases: number;
  /** Most directives in one operation. */
  maxDirectives: number;
  /** Most lexical tokens in one document, enforced by graphql's own parser. */
  maxTokens: number;
}

/** Our error for a broken limit: what was found, which limit, and its value. */
export function limitError(message: string, limit: string, max: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, field: "query", limit, max },
  });
}

const found = (error: GraphQLError): string => /found (\d+)/.exec(error.message)?.[1] ?? "more";

function reportAs(describe: (found: string) => string, limit: string, max: number) {
  return (context: ValidationContext | null, error: GraphQLError): void => {
    context?.reportError(limitError(describe(found(error)), limit, max));
  };
}

/** The validation rules for depth, aliases and directives. */
export function operationLimitRules(limits: OperationLimits): ValidationRule[] {
  const common = { exposeLimits: true, propagateOnRejection: false } as const;
  return [
    maxDepthRule({
      ...common,
      n: limits.maxDepth,
      flattenFragments: true,
      onReject: [
        reportAs(
          (d) =>
            `The operation is nested ${d} levels deep; at most ${limits.maxDepth} are allowed.`,
          "maxDepth",
          limits.maxDepth,
        ),
      ],
    }),
    maxAliasesRule({
      ...common,
      n: limits.maxAliases,
      onReject: [
        reportAs(
          (a) => `The operation uses ${a} aliases; at most ${limits.maxAliases} are allowed.`,
          "maxAliases",
          limits.maxAliases,
        ),
      ],
    }),
    maxDirectivesRule({
      ...common,
      n: limits.maxDirectives,
      onReject: [
        reportAs(
          (d) => `The operation uses ${d} directives; at most ${limits.maxDirectives} are allowed.`,
          "maxDirectives",
          limits.maxDirectives,
        ),
      ],
    }),
  ] as ValidationRule[];
}
