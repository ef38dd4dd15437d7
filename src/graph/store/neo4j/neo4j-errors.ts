/** Translates driver failures into warmpath errors; our own errors pass through unchanged. */
import { error as codes, Neo4jError } from "neo4j-driver";
import { conflict, ErrorCode, WarmpathError } from "../../../errors.js";

export function translateError(error: unknown, uri: string): unknown {
  if (error instanceof WarmpathError || !(error instanceof Neo4jError)) return error;
  if (error.code === codes.SERVICE_UNAVAILABLE || error.code === codes.SESSION_EXPIRED) {
    return new WarmpathError(ErrorCode.UNAVAILABLE, `Neo4j at ${uri} is not reachable: ${error.message}`, { cause: error });
  }
  // The owner lock makes our own checks run first; a constraint still failing means a write raced one of another process.
  if (error.code === "Neo.ClientError.Schema.ConstraintValidationFailed") {
    const e = conflict("id", "a record with the same identity was written at the same time; retry");
    return new WarmpathError(e.code, e.message, { field: e.field ?? "id", cause: error });
  }
  return error;
}
