/**
 * Refuses operation kinds the schema does not serve (subscriptions) as the
 * client's mistake, before graphql's executor would throw an untyped error
 * that reads as a bug of ours.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import { ErrorCode } from "../errors.js";

export function supportedOperationsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, schema }) {
          if (operation && !schema.getRootType(operation.operation)) {
            throw new GraphQLError(
              `This API has no ${operation.operation} operations; use query or mutation.`,
              {
                extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}
