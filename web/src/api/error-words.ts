/**
 * Words for every ApiError: what happened and what to do about it, for a person, not a
 * developer. One exhaustive switch, so a new code cannot be added without its words.
 */
import type { ApiError } from "./api-error";

export interface ErrorWords {
  /** One short sentence: what happened. */
  title: string;
  /** What to do next. */
  action: string;
  /** The server's own message, when it adds something (a field, a limit). */
  detail: string | null;
}

const seconds = (ms: number | undefined): string =>
  ms === undefined ? "its time limit" : `${Math.round(ms / 100) / 10} seconds`;

export function errorWords(error: ApiError): ErrorWords {
  const detail = error.message;
  switch (error.code) {
    case "BAD_USER_INPUT":
      return {
        title: error.details.field
          ? `The server could not use "${error.details.field}".`
          : "The server could not use what was asked.",
        action: "Change it and try again.",
        detail,
      };
    case "NOT_FOUND":
      return {
        title: "That record is not there any more.",
        action: "It may have been deleted or merged: search for it again.",
        detail,
      };
    case "CONFLICT":
      return {
        title: "That clashes with what is already stored.",
        action: "Reload to see the current state, then try again.",
        detail,
      };
    case "UNAUTHENTICATED":
      return { title: "You are signed out.", action: "Sign in again to go on.", detail };
    case "FORBIDDEN":
      return {
        title: "You may not do this with your current access.",
        action: "Ask an administrator of this warmpath for the access it names.",
        detail,
      };
    case "UNAVAILABLE":
      return {
        title: "The database behind warmpath does not answer.",
        action: "Check that it is running (Neo4j, or the SQLite file's disk), then try again.",
        detail,
      };
    case "TIMEOUT":
      return {
        title: `That took longer than ${seconds(error.details.max)} and was stopped.`,
        action: "Ask for less (fewer ties, fewer paths) or try again when the server is less busy.",
        detail: null,
      };
    case "QUERY_TOO_COSTLY":
    case "RESPONSE_TOO_LARGE":
      return {
        title: "That asks for more than the server allows in one request.",
        action: "Ask for fewer ties or fewer paths.",
        detail,
      };
    case "RATE_LIMITED":
      return {
        title: "Too many failed attempts.",
        action:
          error.details.retryAfter === undefined
            ? "Wait a little, then try again."
            : `Wait ${error.details.retryAfter} seconds, then try again.`,
        detail: null,
      };
    case "PAYLOAD_TOO_LARGE":
      return { title: "That is too large to send.", action: "Send something smaller.", detail };
    case "BAD_REQUEST":
    case "UNSUPPORTED_MEDIA_TYPE":
    case "GRAPHQL_PARSE_FAILED":
    case "GRAPHQL_VALIDATION_FAILED":
      return {
        title: "This page and the server do not understand each other.",
        action: "Reload the page: the server may have been updated since it was opened.",
        detail,
      };
    case "INTERNAL":
      return {
        title: "Something went wrong on the server.",
        action: "Try again; if it keeps happening, the server's log has the details.",
        detail: null,
      };
    case "NETWORK":
      return {
        title: "The warmpath server cannot be reached.",
        action: "Check that it is running (npm start) and that you are online, then try again.",
        detail,
      };
    case "BAD_RESPONSE":
      return {
        title: "Something other than warmpath answered.",
        action: "Check the address, or the proxy in front of warmpath, then reload.",
        detail,
      };
    case "UNKNOWN":
      return {
        title: "The server reported a problem this page has no words for.",
        action: "Try again, or reload the page.",
        detail: error.details.rawCode ? `${error.details.rawCode}: ${detail}` : detail,
      };
    default: {
      const never: never = error.code;
      return never;
    }
  }
}
