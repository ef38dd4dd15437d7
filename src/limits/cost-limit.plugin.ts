/**
 * Refuses an operation whose estimated cost (query-cost.ts) is over the budget,
 * after validation and before anything runs: code QUERY_TOO_COSTLY with the
 * cost and the budget. Runs where the variables are known, so a page size given
 * as a variable counts like a literal one. Also refuses list arguments longer
 * than the cap, naming the argument.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import { ErrorCode } from "../errors.js";
import { networkSize } from "../graph/index.js";
import type { WarmpathContext } from "../resolvers/index.js";
import type { NetworkSize } from "./field-costs.js";
import { estimateCost, ListArgumentTooLong } from "./query-cost.js";

export interface CostLimits {
  /** Most cost units one operation may be estimated at (about one per field resolved). */
  maxCost: number;
  /** Most items of any list argument (`exclude`, `organizationIds`, `emails`...). */
  maxListArgument: number;
}

const NO_NETWORK: NetworkSize = Object.freeze({ people: 0, ties: 0 });
const status400 = { http: { status: 400 } };

export function costLimitPlugin(limits: CostLimits): ApolloServerPlugin<WarmpathContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return; // Apollo answers a missing operation itself
          const variables = request.variables ?? {};
          let estimate;
          try {
            estimate = estimateCost(
              schema,
              document,
              operation,
              variables,
              NO_NETWORK,
              limits.maxListArgument,
            );
            // Without an identity there is no network to measure (and the operation will be refused).
            if (estimate.usesNetwork && contextValue.actor !== null) {
              const network = await networkSize(contextValue.store, contextValue.ownerId);
              estimate = estimateCost(
                schema,
                document,
                operation,
                variables,
                network,
                limits.maxListArgument,
              );
            }
          } catch (error) {
            if (!(error instanceof ListArgumentTooLong)) throw error;
            throw new GraphQLError(error.message, {
              extensions: {
                code: ErrorCode.BAD_USER_INPUT,
                field: error.field,
                limit: "maxListArgument",
                max: error.max,
                ...status400,
              },
            });
          }
          const cost = Math.ceil(estimate.cost);
          if (cost > limits.maxCost) {
            throw new GraphQLError(
              `The operation is estimated to cost ${cost}; at most ${limits.maxCost} is allowed. Ask for fewer items (first, k, limit) or fewer nested lists.`,
              {
                extensions: {
                  code: ErrorCode.QUERY_TOO_COSTLY,
                  cost,
                  limit: "maxCost",
                  max: limits.maxCost,
                  ...status400,
                },
              },
            );
          }
        },
      };
    },
  };
}
