/**
 * A validation rule that caps the number of aliased fields in one document:
 * aliases let one request repeat an expensive field hundreds of times
 * (`a1: people(first: 1000) ... a500: people(first: 1000)`).
 */
import { GraphQLError, type ValidationContext, type ValidationRule } from "graphql";

export function maxAliasesRule(maxAliases: number): ValidationRule {
  return (context: ValidationContext) => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias && ++aliases === maxAliases + 1) {
          context.reportError(
            new GraphQLError(`The operation uses more than ${maxAliases} aliases.`, { nodes: [node], extensions: { code: "BAD_USER_INPUT", field: "query" } }),
          );
        }
      },
    };
  };
}
