/**
 * A validation rule that rejects operations nested deeper than `maxDepth`
 * selection sets (fragments are followed), so one request cannot walk the
 * whole network through `knows { person { knows { ... } } }`.
 */
import { GraphQLError, Kind, type ASTNode, type FragmentDefinitionNode, type ValidationContext, type ValidationRule } from "graphql";

export function maxDepthRule(maxDepth: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const depthOf = (node: ASTNode, seen: Set<string>): number => {
      switch (node.kind) {
        case Kind.FIELD:
          return node.selectionSet ? 1 + depthOf(node.selectionSet, seen) : 0;
        case Kind.SELECTION_SET:
          return Math.max(0, ...node.selections.map((s) => depthOf(s, seen)));
        case Kind.INLINE_FRAGMENT:
          return depthOf(node.selectionSet, seen);
        case Kind.FRAGMENT_SPREAD: {
          const fragment = fragments.get(node.name.value);
          if (!fragment || seen.has(fragment.name.value)) return 0;
          return depthOf(fragment.selectionSet, new Set([...seen, fragment.name.value]));
        }
        default:
          return 0;
      }
    };
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, new Set());
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`The operation is nested ${depth} levels deep; at most ${maxDepth} are allowed.`, {
              nodes: [operation],
              extensions: { code: "BAD_USER_INPUT", field: "query" },
            }),
          );
        }
      },
    };
  };
}
