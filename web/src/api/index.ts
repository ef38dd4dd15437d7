/** The web app's API layer: typed documents, the client, its errors and their words, the hooks. */
export {
  ApiError,
  API_ERROR_CODES,
  apiErrorFrom,
  toApiError,
  type ApiErrorCode,
} from "./api-error";
export { ApiProvider, useApi } from "./api-context";
export { createGraphqlClient, type GraphqlClient } from "./graphql-client";
export { errorWords, type ErrorWords } from "./error-words";
export { graphql, type DataOf, type NoVariables, type TypedDocument } from "./typed-document";
export { useOperation, type Operation, type OperationState } from "./use-operation";
export { useQuery } from "./use-query";
