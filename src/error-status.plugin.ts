/**
 * HTTP statuses for the errors that are about the caller, not the operation: a request with no
 * identity answers 401 (with `WWW-Authenticate: Bearer`, RFC 6750), one without the scope 403,
 * and a sign-in that must wait 429 with `Retry-After`. Other errors keep GraphQL's 200, as a
 * field error beside other data should.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import { ErrorCode } from "./errors.js";

const STATUS: Readonly<Record<string, number>> = Object.freeze({
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.RATE_LIMITED]: 429,
});

const codeOf = (error: GraphQLFormattedError): string | undefined =>
  typeof error.extensions?.code === "string" ? error.extensions.code : undefined;

export function errorStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const errors = response.body.singleResult.errors ?? [];
          // The first error that maps decides: 401 before 403 before 429, in the order above.
          const codes = new Set(errors.map(codeOf));
          const code = Object.keys(STATUS).find((c) => codes.has(c));
          if (code === undefined) return;
          response.http.status = STATUS[code];
          if (code === ErrorCode.UNAUTHENTICATED)
            response.http.headers.set("www-authenticate", 'Bearer realm="warmpath"');
          if (code === ErrorCode.RATE_LIMITED) {
            const wait = errors.find((e) => codeOf(e) === code)?.extensions?.retryAfter;
            if (typeof wait === "number") response.http.headers.set("retry-after", String(wait));
          }
        },
      };
    },
  };
}
